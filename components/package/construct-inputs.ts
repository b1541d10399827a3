/**
 * A component's args as another language's program sends them (`Construct` of the
 * component package), made plain values again before the component is built: what it
 * creates depends on them, and validation reads them.
 *
 * Secret and other output values may arrive two ways (@pulumi/pulumi provider/server.ts
 * `deserializeInputs`, runtime/rpc.ts `deserializeProperty`):
 * - nested, as Outputs where the program passed one (an engine that takes output values, as
 *   `pulumi up` does, and an SDK that sends them, as Python's does);
 * - as one secret Output of a whole top-level arg, when a secret is anywhere inside it.
 * A Secret's data (`…secret.stringData.<key>`) may be secret: it becomes a Pulumi secret
 * again. Inside the chart `values`, Outputs stay (the Agent resolves them into the release),
 * and a secret there makes the values secret. A secret anywhere else is refused, since it
 * would be written in clear (the catalog entry, annotations, names), as is a value still
 * unknown that must be known before anything is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConfigPath, configPathText } from "../load/secure-config.js";
import { isMapping } from "../model/mapping.js";

/** The SDK's own view of an Output (its `isKnown`/`isSecret` promises, marked internal). */
interface OutputState {
  isKnown: Promise<boolean>;
  isSecret: Promise<boolean>;
  promise(): Promise<unknown>;
}

/** `connections[0].secret`: a path as messages name it. */
const pathText = (path: ConfigPath) => configPathText("", path);

/** A value of a Secret's data: `…secret.stringData.<key>`. */
const isSecretData = (path: ConfigPath) => path.length >= 3 && path.at(-2) === "stringData" && path.at(-3) === "secret";

/** The plain args, and whether the chart values hold a secret. */
export interface PlainArgs {
  args: Record<string, unknown>;
  secretValues: boolean;
}

/** Resolve the Outputs of `inputs` (see above); `component` names the component in messages. Throws a RunError listing every problem. */
export async function plainConstructArgs(component: string, inputs: Record<string, unknown>): Promise<PlainArgs> {
  const problems: string[] = [];
  let secretValues = false;

  const resolve = async (value: unknown, path: ConfigPath, secretWhole: boolean): Promise<unknown> => {
    if (pulumi.Output.isInstance(value)) {
      if (isSecretData(path)) return value;
      const state = value as unknown as OutputState;
      const [known, secret] = await Promise.all([state.isKnown, state.isSecret]);
      if (path[0] === "values") {
        secretValues ||= secret;
        // Inside the chart values an Output stays: the Agent resolves it into the release.
        if (path.length > 1) return value;
      }
      if (!known) {
        problems.push(
          `${pathText(path)}: not known yet (an output of a resource still to be created); it decides what ${component} creates, so it must be known before anything is registered`,
        );
        return undefined;
      }
      const plain = await state.promise();
      // A whole top-level arg marked secret: the secret is somewhere inside; only Secret data (and values) may hold one.
      if (secret && path[0] !== "values" && !(path.length === 1 && holdsSecretData(plain, path))) {
        problems.push(
          `${pathText(path)}: holds a secret value, but it is written in clear (the chart's catalog, annotations, names); only secret.stringData values may be secrets`,
        );
        return undefined;
      }
      return resolve(plain, path, secret || secretWhole);
    }
    if (isSecretData(path) && secretWhole) return pulumi.secret(value);
    if (Array.isArray(value)) return Promise.all(value.map((v, i) => resolve(v, [...path, i], secretWhole)));
    if (isMapping(value)) {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolve(v, [...path, k], secretWhole)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  };

  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) args[key] = await resolve(value, [key], false);
  if (problems.length > 0) throw new pulumi.RunError(`${component}: ${problems.length} problem(s); nothing was created:\n${problems.map((p) => `error ${p}`).join("\n")}`);
  return { args, secretValues };
}

/** Whether `value` (at `path`) holds Secret data anywhere. */
function holdsSecretData(value: unknown, path: ConfigPath): boolean {
  if (isSecretData(path)) return true;
  if (Array.isArray(value)) return value.some((v, i) => holdsSecretData(v, [...path, i]));
  if (isMapping(value)) return Object.entries(value).some(([k, v]) => holdsSecretData(v, [...path, k]));
  return false;
}
