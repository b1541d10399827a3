/**
 * The args of a per-kind component as another language's program sends them (`Construct`
 * of the component package), made plain values again. The SDK hands each top-level arg that
 * holds a secret, anywhere inside it, as one secret Output (`deserializeInputs` in
 * @pulumi/pulumi provider/server.ts): `secret: {name, stringData: {KEY: <secret>}}` arrives
 * as a secret Output of the whole mapping. What a component creates depends on these args,
 * so they are resolved before it is constructed: the Secret's data become Pulumi secrets
 * again (stringData always is one), and a secret anywhere else is refused, since everything
 * else is written in clear (the catalog entry, annotations, names).
 */
import * as pulumi from "@pulumi/pulumi";
import { isMapping } from "../model/mapping.js";

/** The SDK's own view of an Output (its `isKnown`/`isSecret` promises, marked internal). */
interface OutputState {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(): Promise<unknown>;
}

/** Resolve each Output arg of `inputs` (see above); `component` names the component in messages. */
export async function plainConstructArgs(component: string, inputs: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(inputs)) {
    if (!pulumi.Output.isInstance(value)) {
      out[key] = value;
      continue;
    }
    const state = value as unknown as OutputState;
    const [known, secret] = await Promise.all([state.isKnown, state.isSecret]);
    if (!known) {
      problems.push(`${key}: not known yet (an output of a resource still to be created); it decides what ${component} creates, so it must be known before anything is registered`);
      continue;
    }
    const plain = await state.promise();
    if (!secret) out[key] = plain;
    else if (key === "secret" && isMapping(plain)) out[key] = secretData(plain);
    else
      problems.push(`${key}: holds a secret value, but it is written in clear (the chart's catalog ConfigMap, annotations, names); only secret.stringData values may be secrets`);
  }
  if (problems.length > 0) throw new pulumi.RunError(`${component}: ${problems.length} problem(s); nothing was created:\n${problems.map((p) => `error ${p}`).join("\n")}`);
  return out;
}

/** The `secret` arg with each stringData value a Pulumi secret (the rest is names and paths). */
function secretData(spec: Record<string, unknown>): Record<string, unknown> {
  const data = spec.stringData;
  if (!isMapping(data)) return spec;
  return { ...spec, stringData: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, pulumi.secret(v)])) };
}
