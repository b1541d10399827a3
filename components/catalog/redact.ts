/**
 * The manifests as files: Secret data redacted, since the CLI never holds secret values.
 */
import type { PlannedObject } from "./objects.js";

/** What stands in for a secret value in rendered output. */
export function redactedValue(configKey: string): string {
  return `<redacted: from config ${configKey}>`;
}

/**
 * A planned object's full manifest, with each Secret value given by `secretValue`
 * (the CLI passes `redactedValue`; the components pass Pulumi secrets).
 */
export function materialize<T>(object: PlannedObject, secretValue: (configKey: string) => T): Record<string, unknown> {
  if (!object.secretData) return { ...object.manifest };
  const stringData = Object.fromEntries(
    Object.entries(object.secretData).map(([key, configKey]) => [key, secretValue(configKey)]),
  );
  return { ...object.manifest, stringData };
}
