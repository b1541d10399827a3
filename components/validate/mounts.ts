/**
 * Mounts: the chart's gateway (streams) pod mounts the store and every mounted connection,
 * and Polyaxon mounts the connections a run requests into the run's pod. Two mounts at the
 * same or nested paths, or two volumes with one name, break those pods.
 */
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import { DEFAULT_ARTIFACTS_STORE } from "../load/catalog.js";
import { type CheckInput, type EntryAt, error, pathsOf, warning } from "./input.js";
import { MountIndex, normalizeMountPath } from "./mount-index.js";

/** One volume mount a catalog entry causes. */
export interface Mount {
  /** Pod volume name. */
  volume: string;
  mountPath: string;
  /** Config path of the mountPath, for messages. */
  at: string;
  /** Config path of whatever names the volume. */
  nameAt: string;
  /** Config path of the entry. */
  entryPath: string;
  /** Secret/ConfigMap volumes of one name are one object (Polyaxon de-duplicates them in runs). */
  source: "volume" | "secret" | "configMap";
}

/** The mounts of one entry, as the chart and Polyaxon's converter build them. */
export function mountsOf({ entry, path }: Pick<EntryAt, "entry" | "path">): Mount[] {
  const out: Mount[] = [];
  if (entry.kind === "host_path" || entry.kind === "volume_claim") {
    out.push({
      volume: entry.name,
      mountPath: entry.schema.mountPath,
      at: `${path}.schema.mountPath`,
      nameAt: `${path}.name`,
      entryPath: path,
      source: "volume",
    });
  }
  for (const field of ["secret", "configMap"] as const) {
    const ref = entry[field];
    if (ref?.mountPath) {
      out.push({
        volume: ref.name,
        mountPath: ref.mountPath,
        at: `${path}.${field}.mountPath`,
        nameAt: `${path}.${field}.name`,
        entryPath: path,
        source: field,
      });
    }
  }
  return out;
}

/** "same" or "nested" when two mount paths collide. */
export function pathClash(a: string, b: string): "same" | "nested" | undefined {
  const [x, y] = [normalizeMountPath(a), normalizeMountPath(b)];
  if (x === y) return "same";
  if (x === "/" || y === "/" || y.startsWith(`${x}/`) || x.startsWith(`${y}/`)) return "nested";
  return undefined;
}

/** Entries whose mounts land in the gateway pod: the store (or the default one) and mounted connections. */
function gatewayEntries(config: CheckInput): Pick<EntryAt, "entry" | "path" | "isStore">[] {
  const mounted = new Set(config.mountConnections);
  const entries: Pick<EntryAt, "entry" | "path" | "isStore">[] = config.entries.filter(
    ({ entry, isStore }) => isStore || (mounted.has(entry.name) && !("isAlias" in entry && entry.isAlias)),
  );
  if (!config.artifactsStore) entries.unshift({ entry: DEFAULT_ARTIFACTS_STORE, path: `${pathsOf(config).artifactsStore} (default)`, isStore: true });
  return entries;
}

/** Errors for the gateway pod: duplicate volume names and colliding mount paths. */
export function checkGatewayMounts(config: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const volumes = new Map<string, Mount>();
  const paths = new MountIndex<Mount>();
  for (const mount of gatewayEntries(config).flatMap(mountsOf)) {
    const sameVolume = volumes.get(mount.volume);
    if (sameVolume) {
      out.push(
        error("volume-name-conflict", mount.nameAt, `the gateway pod already has a volume named ${mount.volume} (from ${sameVolume.nameAt})`, {
          got: showValue(mount.volume),
          fix: "rename one, or mark the duplicate entry isAlias: true so the chart does not mount it twice",
        }),
      );
    }
    const clash = paths.findClash(mount.mountPath);
    if (clash) {
      const how = pathClash(clash.mountPath, mount.mountPath) === "same" ? "the same path as" : "a path nested with";
      out.push(
        error("mount-path-conflict", mount.at, `the gateway pod mounts ${how} ${clash.at} (${clash.mountPath})`, {
          got: showValue(mount.mountPath),
          fix: "give each mounted store, connection, Secret and ConfigMap its own, non-nested mountPath",
        }),
      );
    }
    if (!sameVolume) volumes.set(mount.volume, mount);
    paths.add(mount);
  }
  return out;
}

/** Within one entry (always mounted together) a clash is an error; across entries, a warning for runs. */
export function checkCatalogMounts(config: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const gateway = new Set(gatewayEntries(config).map((e) => e.path));
  const index = new MountIndex<Mount>();
  for (const e of config.entries) {
    const mounts = mountsOf(e);
    mounts.forEach((m, j) => {
      const inside = mounts.slice(0, j).find((n) => pathClash(n.mountPath, m.mountPath));
      if (inside) {
        out.push(
          error("mount-path-conflict", m.at, `collides with ${inside.at} (${inside.mountPath}) of the same entry`, {
            got: showValue(m.mountPath),
            fix: "mount the Secret/ConfigMap somewhere outside the volume's mountPath",
          }),
        );
      }
      const clash = index.findClash(
        m.mountPath,
        (n) =>
          // Both in the gateway pod: an error there already. One Secret/ConfigMap mounted by
          // two connections: Polyaxon mounts it once in a run.
          !(gateway.has(e.path) && gateway.has(n.entryPath)) && !(n.source !== "volume" && n.source === m.source && n.volume === m.volume),
      );
      if (clash) {
        out.push(
          warning("catalog-mount-overlap", m.at, `collides with ${clash.at} (${clash.mountPath}): a run requesting both fails`, {
            got: showValue(m.mountPath),
            fix: "give the two connections distinct, non-nested mountPaths",
          }),
        );
      }
    });
    for (const m of mounts) index.add(m);
  }
  return out;
}
