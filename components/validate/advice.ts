/**
 * Warnings: the catalog works, but probably not as meant.
 */
import { NOTIFIER_KINDS } from "../model/kinds.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { type CheckInput, pathsOf, warning } from "./input.js";

/** Store choices that only suit some clusters. */
export function checkStoreAdvice(config: CheckInput): Diagnostic[] {
  const store = config.artifactsStore;
  const storePath = pathsOf(config).artifactsStore;
  if (config.storeUnparsed) return [];
  if (!store) {
    return [
      warning("default-store", storePath, "not set: using the chart's default host_path store (/tmp/artifactsStore on each node), which only suits single-node clusters", {
        fix: `set ${storePath} to an s3, gcs, wasb or ReadWriteMany volume_claim store`,
      }),
    ];
  }
  if (store.kind === "host_path") {
    return [
      warning("host-path-store", storePath, "a host_path store only suits single-node clusters, unless the path is a shared mount on every node", {
        fix: "use an s3, gcs, wasb or ReadWriteMany volume_claim store on multi-node clusters",
      }),
    ];
  }
  if (store.kind === "volume_claim" && store.pvc?.accessModes && !store.pvc.accessModes.includes("ReadWriteMany")) {
    return [
      warning("claim-store-access", `${storePath}.pvc.accessModes`, "the store's claim is not ReadWriteMany: runs on other nodes cannot mount it", {
        got: JSON.stringify(store.pvc.accessModes),
        fix: "use accessModes: [ReadWriteMany] with a storage class that supports it (NFS, CephFS, EFS, Filestore, Azure Files)",
      }),
    ];
  }
  return [];
}

/**
 * Connections that inject nothing into the runs that request them. A notifier without a
 * Secret can never send (vents reads its webhook from the Secret): one warning each. Other
 * kinds may be meant that way (runs pass what they need): one summary for all of them.
 */
export function checkEmptyConnections(config: CheckInput): Diagnostic[] {
  const empty = config.entries.filter(({ entry }) => {
    const e = entry as Record<string, unknown>;
    return ["schema", "secret", "configMap", "env", "annotations"].every((k) => e[k] === undefined) && e.isAlias !== true;
  });
  const notifiers = empty.filter(({ entry }) => (NOTIFIER_KINDS as readonly string[]).includes(entry.kind));
  const others = empty.filter((e) => !notifiers.includes(e));
  const out = notifiers.map(({ entry, path }) =>
    warning("empty-connection", path, `${entry.kind} notifier ${entry.name} has no secret, so it has no webhook to send to`, {
      fix: `give it a Secret holding its webhook: secret: {name: ${entry.name}, notifier: [{url: <config key>}]}`,
    }),
  );
  if (others.length > 0) {
    const names = others.map(({ entry }) => entry.name);
    const shown = names.length > 5 ? `${names.slice(0, 5).join(", ")} and ${names.length - 5} more` : names.join(", ");
    out.push(
      warning(
        "empty-connection",
        others.length === 1 ? others[0]!.path : pathsOf(config).connections,
        `${others.length === 1 ? "connection" : `${others.length} connections`} ${shown} ${others.length === 1 ? "has" : "have"} no schema, secret, configMap, env or annotations: runs that request ${others.length === 1 ? "it" : "them"} get nothing from ${others.length === 1 ? "it" : "them"}`,
        {
          fix: "give each what its runs need (for example a secret with its credentials), or remove it",
        },
      ),
    );
  }
  return out;
}
