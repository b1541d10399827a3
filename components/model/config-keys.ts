/**
 * Pulumi config keys that hold secret values (`secret.fromConfig`, `agentSecret.fromConfig`).
 */

/** Pulumi config namespace of every key we read. */
export const CONFIG_NAMESPACE = "polyaxon";

/** What starts every key of the namespace: `polyaxon:`. */
export const CONFIG_PREFIX = `${CONFIG_NAMESPACE}:`;

/** `connections` → `polyaxon:connections`. */
export const configKeyOf = (key: string): string => CONFIG_PREFIX + key;

/** `s3AccessKey` → `polyaxon:s3AccessKey`; a key with a namespace is kept. */
export function fullConfigKey(key: string): string {
  return key.includes(":") ? key : configKeyOf(key);
}

/** The command that stores a secret config value. */
export function setSecretCommand(fullKey: string): string {
  return `pulumi config set --secret ${fullKey} <value>`;
}
