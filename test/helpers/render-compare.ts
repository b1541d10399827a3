/**
 * What the program registered, compared with what `render` writes: shared by the
 * mock-engine tests and the engine stand-in's.
 */
import { strict as assert } from "node:assert";
import { composeSecret, redactedValue, type StackPlan } from "../../components/internal.js";
import { isSecretValue, unwrapSecrets } from "./engine/envelopes.js";
import { yamlOf } from "./stacks.js";

/** A registration as both engines record it. */
export interface RegisteredInputs {
  type: string;
  inputs: Record<string, unknown>;
}

/** The Kubernetes objects among `registrations` (the chart release aside). */
export const kubernetesObjectsOf = <T extends RegisteredInputs>(registrations: readonly T[]): T[] =>
  registrations.filter((r) => r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release");

/**
 * Registered Kubernetes objects as manifests, by `Kind/namespace/name`. Each Secret value
 * must be a Pulumi secret equal to its recipe composed from `secrets`; it is then redacted
 * the way render redacts it.
 */
export function registeredManifests(registrations: readonly RegisteredInputs[], plan: StackPlan, secrets: Record<string, string>): Map<string, unknown> {
  const planned = new Map(plan.objects.map((o) => [o.id, o]));
  const out = new Map<string, unknown>();
  for (const r of kubernetesObjectsOf(registrations)) {
    const manifest = unwrapSecrets(r.inputs) as { kind: string; metadata: { namespace: string; name: string }; stringData?: unknown };
    const id = `${manifest.kind}/${manifest.metadata.namespace}/${manifest.metadata.name}`;
    const object = planned.get(id);
    if (manifest.stringData !== undefined) {
      assert.ok(object?.secretData, `${id} has Secret data the plan does not have`);
      const data = r.inputs.stringData;
      const wrapped = isSecretValue(data) || Object.values(data as object).every(isSecretValue);
      assert.ok(wrapped, `${id}: Secret data is not a Pulumi secret`);
      const expected = Object.fromEntries(Object.entries(object.secretData).map(([k, recipe]) => [k, composeSecret(recipe, (key) => secrets[key]!)]));
      assert.deepEqual(manifest.stringData, expected);
      manifest.stringData = Object.fromEntries(Object.entries(object.secretData).map(([k, recipe]) => [k, redactedValue(recipe)]));
    }
    out.set(id, manifest);
  }
  return out;
}

/** The manifests render wrote (`manifests/…` of its files), by `Kind/namespace/name`. */
export function renderedManifests(files: ReadonlyMap<string, string>): Map<string, unknown> {
  const rendered = new Map<string, unknown>();
  for (const [path, text] of files) {
    if (!path.startsWith("manifests/")) continue;
    const m = yamlOf(text) as { kind: string; metadata: { namespace: string; name: string } };
    rendered.set(`${m.kind}/${m.metadata.namespace}/${m.metadata.name}`, m);
  }
  return rendered;
}
