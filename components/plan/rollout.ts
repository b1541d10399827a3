/**
 * Rollout on change: the agent's gateway pod reads the store's and the mounted connections'
 * Secrets and ConfigMaps when it starts (env vars do not follow later changes). When the
 * stack deploys the chart, a pod annotation that changes with those objects makes Kubernetes
 * restart the pod. The annotation is set at deploy time from the objects' resourceVersion,
 * which changes with their data and shows no secret.
 */
import { isMapping } from "../model/mapping.js";
import type { EntryPlan } from "./objects.js";

/** Pod annotation (through the chart's `gateway.annotations`) that rolls the gateway pod. */
export const ROLLOUT_ANNOTATION = "polyaxon-connections/config-version";

/** Ids of the created Secrets and ConfigMaps the gateway pod (in `namespace`) reads: the store's and the mounted connections'. */
export function gatewayObjectIds(store: EntryPlan, connections: EntryPlan[], mounted: readonly string[], namespace: string): string[] {
  const entries = [store, ...connections.filter((c) => mounted.includes(c.name) && !("isAlias" in c.entry && c.entry.isAlias))];
  return entries
    .flatMap((e) => e.objects)
    .filter((o) => (o.manifest.kind === "Secret" || o.manifest.kind === "ConfigMap") && o.manifest.metadata.namespace === namespace)
    .map((o) => o.id)
    .sort();
}

/**
 * `values` with the rollout annotation added under `gateway.annotations`. The chart reads
 * `gateway.annotations`, or else the top-level `annotations`: those are carried over.
 */
export function withRolloutAnnotation(values: Record<string, unknown>, version: string): Record<string, unknown> {
  const asMapping = (v: unknown) => (isMapping(v) ? v : {});
  const gateway = asMapping(values.gateway);
  const annotations = gateway.annotations ? asMapping(gateway.annotations) : asMapping(values.annotations);
  return { ...values, gateway: { ...gateway, annotations: { ...annotations, [ROLLOUT_ANNOTATION]: version } } };
}
