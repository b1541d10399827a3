/**
 * Rollout on change: the agent's gateway pod reads the store's and the mounted connections'
 * Secrets and ConfigMaps when it starts (env vars do not follow later changes). When the
 * stack deploys the chart, a pod annotation that changes with those objects makes Kubernetes
 * restart the pod. The annotation is a digest of what the stack writes into those objects,
 * known before anything is created, so `pulumi preview`, `pulumi up` and `render` show the
 * same value. A secret value enters it only through how its config key is stored in the
 * stack file (its `secure:` ciphertext, public already): a plain hash of a low-entropy
 * secret could be reversed by guessing.
 */
import { createHash } from "node:crypto";
import { isMapping } from "../model/mapping.js";
import { toYaml } from "../load/yaml.js";
import type { EntryPlan, PlannedObject } from "./objects.js";
import { recipeKeys } from "./secret-recipes.js";

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
 * The rollout digest of `objects` (the gateway's, in id order): each manifest, each Secret
 * key's recipe, and the stored version of every config key a recipe reads ("unknown" where
 * the source has no stack file: then only a change of the recipe rolls the pod).
 */
export function rolloutVersion(objects: readonly PlannedObject[], storedVersion: (fullKey: string) => string | undefined = () => undefined): string {
  const described = objects.map((o) => ({
    id: o.id,
    manifest: o.manifest,
    secretData: Object.fromEntries(
      Object.entries(o.secretData ?? {}).map(([key, recipe]) => [
        key,
        // A value the program gives is known only at deploy time (and is a secret): it enters as its source alone.
        { recipe: recipe.from === "program" ? { from: "program" } : recipe, stored: recipeKeys(recipe).map((k) => storedVersion(k) ?? "unknown") },
      ]),
    ),
  }));
  return createHash("sha256").update(toYaml(described)).digest("hex").slice(0, 16);
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
