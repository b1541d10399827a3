/**
 * How each key of a Secret the stack creates gets its value: copied from a Pulumi secret
 * config key, or assembled at deploy time (Docker config.json, notifier JSON list) from
 * several. Recipes are plain data, so the render can describe them without any value and
 * the components can compose them from Pulumi secrets.
 */
import type { SecretRef } from "../model/resources.js";
import { CREATED_SOURCE_KEYS, type RecipeRef, SECRET_SOURCES, type SecretDataKey, type SecretRecipe } from "../model/secret-sources.js";

/** True when the stack creates this Secret (from stringData, fromConfig or a typed helper). */
export function isCreatedFromConfig(secret: SecretRef | undefined): boolean {
  return !!secret && CREATED_SOURCE_KEYS.some((k) => secret[k] !== undefined);
}

/**
 * The created Secret's data, key by key, with the config keys each reads; undefined for a
 * referenced or external Secret. `kind` names the notifier key. Sources combine, in the
 * order of the source table.
 */
export function createdSecretData(secret: SecretRef | undefined, kind: string): CreatedSecretData | undefined {
  if (!secret || !isCreatedFromConfig(secret)) return undefined;
  return composeSecretData(secret, kind);
}

/**
 * One key of a created Secret: the path below `secret.` that fills it, its recipe, the
 * config keys it reads, and the paths of other sources that fill the same key (an error:
 * the first fill is kept).
 */
export interface CreatedKey {
  at: string;
  recipe: SecretRecipe;
  refs: RecipeRef[];
  alsoFilledAt: string[];
}

/** A created Secret's data, key by key. */
export type CreatedSecretData = ReadonlyMap<string, CreatedKey>;

function composeSecretData(secret: SecretRef, kind: string): CreatedSecretData {
  const data = new Map<string, CreatedKey>();
  for (const key of CREATED_SOURCE_KEYS) {
    const value = secret[key];
    if (value === undefined) continue;
    const fill = SECRET_SOURCES[key].data as (value: unknown, kind: string) => SecretDataKey[];
    for (const { dataKey, at, recipe, refs } of fill(value, kind)) {
      const first = data.get(dataKey);
      if (first) first.alsoFilledAt.push(at);
      else data.set(dataKey, { at, recipe, refs, alsoFilledAt: [] });
    }
  }
  return data;
}

/** The config keys a recipe reads. */
export function recipeKeys(recipe: SecretRecipe): string[] {
  switch (recipe.from) {
    case "config":
      return [recipe.key];
    case "plain":
    case "program":
      return [];
    case "dockerConfig":
      return [recipe.passwordKey];
    case "notifier":
      return recipe.items.flatMap((i) => [i.urlKey, ...(i.serviceKeyKey ? [i.serviceKeyKey] : [])]);
  }
}

/** The value of a recipe, given the values of the config keys it reads. */
export function composeSecret(recipe: SecretRecipe, valueOf: (configKey: string) => string): string {
  switch (recipe.from) {
    case "config":
      return valueOf(recipe.key);
    case "plain":
      return recipe.value;
    case "program":
      // Only the components resolve these (kubernetes-object.ts); a stack file cannot hold one.
      throw new Error("a value given by the program is known only to the program");
    case "dockerConfig": {
      const password = valueOf(recipe.passwordKey);
      const auth = Buffer.from(`${recipe.username}:${password}`).toString("base64");
      return JSON.stringify({ auths: { [recipe.server]: { username: recipe.username, password, auth } } });
    }
    case "notifier":
      return JSON.stringify(
        recipe.items.map(({ urlKey, serviceKeyKey, ...plain }) => ({
          url: valueOf(urlKey),
          ...(serviceKeyKey ? { service_key: valueOf(serviceKeyKey) } : {}),
          ...plain,
        })),
      );
  }
}

/** What a recipe is, without any value: for redacted renders. */
export function describeRecipe(recipe: SecretRecipe): string {
  switch (recipe.from) {
    case "config":
      return `from config ${recipe.key}`;
    case "plain":
      return "plain value";
    case "program":
      return "value given by the program";
    case "dockerConfig":
      return `docker config.json for ${recipe.server}, password from config ${recipe.passwordKey}`;
    case "notifier":
      return `${recipe.kind} notifier list from config ${recipeKeys(recipe).join(", ")}`;
  }
}
