/**
 * Warnings: the catalog works, but probably not as meant.
 */
import type { Diagnostic } from "../diagnostics.js";
import { type CheckInput, entriesWithPaths, pathsOf, warning } from "./input.js";

/** Store choices that only suit some clusters. */
export function checkStoreAdvice(config: CheckInput): Diagnostic[] {
  const store = config.artifactsStore;
  const storePath = pathsOf(config).artifactsStore;
  if (config.storeUnparsed) return [];
  if (!store) {
    return [
      warning(
        "default-store",
        storePath,
        "not set: using the chart's default host_path store (/tmp/artifactsStore on each node), which only suits single-node clusters",
        { fix: "set polyaxon:artifactsStore to an s3, gcs, wasb or ReadWriteMany volume_claim store" },
      ),
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

/** Connections that inject nothing into the runs that request them. */
export function checkEmptyConnections(config: CheckInput): Diagnostic[] {
  return entriesWithPaths(config)
    .filter(({ entry }) => {
      const e = entry as Record<string, unknown>;
      return ["schema", "secret", "configMap", "env", "annotations"].every((k) => e[k] === undefined) && e.isAlias !== true;
    })
    .map(({ entry, path }) =>
      warning("empty-connection", path, `${entry.kind} connection ${entry.name} has no schema, secret, configMap, env or annotations`, {
        fix: "give it what its runs need (for example a secret with its credentials), or remove it",
      }),
    );
}
