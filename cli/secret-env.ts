/**
 * Secret values for local checks, from environment variables: the CLI never decrypts
 * `secure:` config, but a developer can export the values to check notifier JSON offline
 * or to see the real Secret data with `render --reveal`.
 */
import { composeSecret, recipeKeys, redactedValue, type SecretRecipe } from "../components/catalog.js";

/** `polyaxon:s3AccessKey` → `PLXC_SECRET_POLYAXON_S3ACCESSKEY`. */
export function secretEnvVar(fullKey: string): string {
  return `PLXC_SECRET_${fullKey.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}

/** The value of a secret config key from the environment, if exported. */
export function secretFromEnv(fullKey: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[secretEnvVar(fullKey)];
}

/** A Secret value for a revealed render: composed from the environment, or redacted when a value is missing. */
export function revealedValue(recipe: SecretRecipe, env: NodeJS.ProcessEnv = process.env): string {
  const missing = recipeKeys(recipe).filter((k) => secretFromEnv(k, env) === undefined);
  return missing.length ? redactedValue(recipe) : composeSecret(recipe, (k) => secretFromEnv(k, env)!);
}
