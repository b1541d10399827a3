/**
 * What the official agent chart (2.15.1) puts into its streams (gateway) pod from the
 * catalog values, following its `_stores.tpl` and `_connections.tpl` partials as described
 * in ../shared/polyaxon-chart.md §3b. No helm binary or chart can be fetched here, so
 * tests use this model to check that mounted connections reference their objects.
 */
type Mapping = Record<string, unknown>;

export interface GatewayPod {
  envFrom: Mapping[];
  volumes: Mapping[];
  volumeMounts: Mapping[];
}

const asMapping = (v: unknown): Mapping | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Mapping) : undefined;

/** One store/connection's contribution, as both partials render it. */
function contribute(pod: GatewayPod, c: Mapping) {
  const schema = asMapping(c.schema) ?? {};
  if (c.kind === "host_path" || c.kind === "volume_claim") {
    pod.volumeMounts.push({ name: c.name, mountPath: schema.mountPath, ...(schema.subPath ? { subPath: schema.subPath } : {}) });
    pod.volumes.push(
      c.kind === "volume_claim"
        ? { name: c.name, persistentVolumeClaim: { claimName: schema.volumeClaim } }
        : { name: c.name, hostPath: { path: schema.hostPath } },
    );
  }
  for (const [field, refKey] of [
    ["secret", "secretRef"],
    ["configMap", "configMapRef"],
  ] as const) {
    const ref = asMapping(c[field]);
    if (!ref) continue;
    if (!ref.mountPath) {
      pod.envFrom.push({ [refKey]: { name: ref.name } });
    } else {
      pod.volumeMounts.push({ name: ref.name, mountPath: ref.mountPath, readOnly: true });
      pod.volumes.push(
        field === "secret" ? { name: ref.name, secret: { secretName: ref.name } } : { name: ref.name, configMap: { name: ref.name } },
      );
    }
  }
}

/** The streams pod's envFrom/volumes/volumeMounts for `values` (agent.enabled assumed). */
export function gatewayPod(values: Mapping): GatewayPod {
  const pod: GatewayPod = { envFrom: [], volumes: [], volumeMounts: [] };
  const store = asMapping(values.artifactsStore);
  if (store && Object.keys(store).length > 0) contribute(pod, store);
  const mounted = Array.isArray(values.mountConnections) ? values.mountConnections : [];
  const connections = Array.isArray(values.connections) ? values.connections : [];
  if (mounted.length > 0) {
    for (const c of connections.map(asMapping)) {
      if (c && !c.isAlias && mounted.includes(c.name)) contribute(pod, c);
    }
  }
  return pod;
}
