/**
 * The manifests as files: Secret data redacted, since the CLI never holds secret values.
 */
import type { PlannedObject } from "./objects.js";
import type { SecretRecipe } from "../model/secret-sources.js";
import { describeRecipe } from "./secret-recipes.js";

/** What stands in for a secret value in rendered output. */
export function redactedValue(recipe: SecretRecipe): string {
  return `<redacted: ${describeRecipe(recipe)}>`;
}

/**
 * A planned object's full manifest, with each Secret value given by `secretValue`
 * (the CLI passes `redactedValue`; the components pass Pulumi secrets).
 */
export function materialize<T>(object: PlannedObject, secretValue: (recipe: SecretRecipe) => T): Record<string, unknown> {
  if (!object.secretData) return { ...object.manifest };
  const stringData = Object.fromEntries(Object.entries(object.secretData).map(([key, recipe]) => [key, secretValue(recipe)]));
  return { ...object.manifest, stringData };
}
