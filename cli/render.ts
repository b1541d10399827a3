/**
 * `render --stack <name>`: the values of every agent and every Kubernetes object `pulumi up`
 * of the stack would create, as files. Secret data is redacted: the CLI never decrypts config.
 */
import { join, sep } from "node:path";
import { materialize, type PlannedObject, redactedValue, type SecretRecipe, type StackPlan, toYaml } from "../components/catalog.js";
import { writeDirAtomically } from "./atomic-dir.js";

/** File name of an object's manifest: `<namespace>.<kind>.<name>.yaml`. */
export function manifestFileName(object: PlannedObject): string {
  const { kind, metadata } = object.manifest;
  return `${metadata.namespace}.${kind.toLowerCase()}.${metadata.name}.yaml`;
}

/**
 * Relative path → content of everything `render` writes for one stack, in order, each
 * file's text made only when it is reached (a render of 5,000 connections never holds all
 * 15,000 manifests at once). Secret values are `secretValue(recipe)`: redacted unless the
 * caller reveals them.
 */
export function* renderEntries(plan: StackPlan, secretValue: (recipe: SecretRecipe) => string = redactedValue): Generator<[string, string]> {
  for (const agent of plan.agents) {
    yield [join("values", `${agent.release}.yaml`), agent.valuesYaml];
    if (agent.helmRelease) {
      const r = agent.helmRelease;
      yield [join("releases", `${r.name}.yaml`), toYaml({ ...r, valuesFile: `values/${agent.release}.yaml` })];
    }
  }
  // A file name holds no separator (Kubernetes names have none): no path.join() needed.
  const manifests = `manifests${sep}`;
  for (const object of plan.objects) {
    yield [manifests + manifestFileName(object), toYaml(materialize(object, secretValue))];
  }
}

/** `renderEntries` as a map, for callers that compare whole renders. */
export function renderFiles(plan: StackPlan, secretValue?: (recipe: SecretRecipe) => string): Map<string, string> {
  return new Map(renderEntries(plan, secretValue));
}

/**
 * Write the render of `plan` to `<out>/<stack>/`, replacing an earlier render there (never
 * a folder render did not write). Revealed Secret data makes the tree private (0600/0700).
 */
export function writeRender(plan: StackPlan, outDir: string, stack: string, secretValue?: (recipe: SecretRecipe) => string): { dir: string; files: string[] } {
  const dir = join(outDir, stack);
  const files = writeDirAtomically(dir, renderEntries(plan, secretValue), { private: secretValue !== undefined });
  return { dir, files: files.sort() };
}
