/**
 * How each key of a Secret the stack creates gets its value: copied from a Pulumi secret
 * config key, or assembled at deploy time (Docker config.json, notifier JSON list) from
 * several. Recipes are plain data, so the render can describe them without any value and
 * the components can compose them from Pulumi secrets.
 */
import type { SecretRef } from "../model/resources.js";
import { fullConfigKey } from "../load/config-keys.js";

export type SecretRecipe =
  | { from: "config"; key: string }
  | { from: "plain"; value: string }
  | { from: "dockerConfig"; server: string; username: string; passwordKey: string }
  | { from: "notifier"; kind: string; items: NotifierItem[] };

export interface NotifierItem {
  urlKey: string;
  serviceKeyKey?: string;
  method?: string;
  channel?: string;
  icon_url?: string;
}

/** A secret config key a recipe reads, with the path (below `secret.`) that names it. */
export interface RecipeRef {
  at: string;
  key: string;
}

/** True when the stack creates this Secret from config (fromConfig or a typed helper). */
export function isCreatedFromConfig(secret: SecretRef | undefined): boolean {
  return !!secret && [secret.fromConfig, secret.dockerConfig, secret.gcsKeyFile, secret.gitToken, secret.s3, secret.notifier].some((x) => x !== undefined);
}

/**
 * The created Secret's data, key by key, with the config keys each reads; undefined for a
 * referenced or external Secret. `kind` names the notifier key.
 */
export function createdSecretData(secret: SecretRef | undefined, kind: string): Map<string, { recipe: SecretRecipe; refs: RecipeRef[] }> | undefined {
  if (!secret || !isCreatedFromConfig(secret)) return undefined;
  const data = new Map<string, { recipe: SecretRecipe; refs: RecipeRef[] }>();
  const copy = (dataKey: string, at: string, key: string) =>
    data.set(dataKey, { recipe: { from: "config", key: fullConfigKey(key) }, refs: [{ at, key: fullConfigKey(key) }] });
  for (const [dataKey, key] of Object.entries(secret.fromConfig ?? {})) copy(dataKey, `fromConfig.${dataKey}`, key);
  if (secret.gcsKeyFile) copy("gc-secret.json", "gcsKeyFile", secret.gcsKeyFile);
  if (secret.gitToken) copy("POLYAXON_GIT_CREDENTIALS", "gitToken", secret.gitToken);
  if (secret.s3) {
    copy("AWS_ACCESS_KEY_ID", "s3.accessKeyId", secret.s3.accessKeyId);
    copy("AWS_SECRET_ACCESS_KEY", "s3.secretAccessKey", secret.s3.secretAccessKey);
    if (secret.s3.region) data.set("AWS_REGION", { recipe: { from: "plain", value: secret.s3.region }, refs: [] });
    if (secret.s3.endpoint) data.set("AWS_ENDPOINT_URL", { recipe: { from: "plain", value: secret.s3.endpoint }, refs: [] });
  }
  if (secret.dockerConfig) {
    const { server, username, password } = secret.dockerConfig;
    const passwordKey = fullConfigKey(password);
    data.set("config.json", { recipe: { from: "dockerConfig", server, username, passwordKey }, refs: [{ at: "dockerConfig.password", key: passwordKey }] });
  }
  if (secret.notifier) {
    const items: NotifierItem[] = secret.notifier.map(({ url, service_key, ...plain }) => ({
      urlKey: fullConfigKey(url),
      ...(service_key ? { serviceKeyKey: fullConfigKey(service_key) } : {}),
      ...plain,
    }));
    const refs = secret.notifier.flatMap((t, i) => [
      { at: `notifier[${i}].url`, key: fullConfigKey(t.url) },
      ...(t.service_key ? [{ at: `notifier[${i}].service_key`, key: fullConfigKey(t.service_key) }] : []),
    ]);
    data.set(kind, { recipe: { from: "notifier", kind, items }, refs });
  }
  return data;
}

/** The config keys a recipe reads. */
export function recipeKeys(recipe: SecretRecipe): string[] {
  switch (recipe.from) {
    case "config":
      return [recipe.key];
    case "plain":
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
    case "dockerConfig":
      return `docker config.json for ${recipe.server}, password from config ${recipe.passwordKey}`;
    case "notifier":
      return `${recipe.kind} notifier list from config ${recipeKeys(recipe).join(", ")}`;
  }
}
