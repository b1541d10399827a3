/**
 * No decrypted secret in any message. Under `pulumi preview`/`up` the program reads secret
 * config decrypted; where a rule fails on such a value (a secret typed where a config key
 * name belongs) its message would print it. Every diagnostic leaves `loadStack` through
 * `redactSecrets`, which knows the source's secret values and replaces each occurrence, in
 * path, message, value and fix alike. Offline no secret is decrypted, so nothing changes.
 */
import type { Diagnostic } from "../model/diagnostics.js";

import type { ConfigSource } from "../load/catalog.js";
import type { ConfigPath } from "../load/secure-config.js";
import { CONFIG_PREFIX } from "../model/config-keys.js";

/** What a message shows in place of a secret config value. */
export const SECRET_PLACEHOLDER = "<a secret config value; not shown>";

/** Secrets shorter than this are not searched for: they would garble every message (and are no secret worth the name). */
const MIN_LENGTH = 4;

const at = (value: unknown, path: ConfigPath): unknown =>
  path.reduce<unknown>((v, seg) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[seg] : undefined), value);

/** Every string leaf of `value` (keys are names: a secret typed as a key is not looked for). */
const leaves = (value: unknown): string[] => (typeof value === "string" ? [value] : typeof value === "object" && value !== null ? Object.values(value).flatMap(leaves) : []);

/** The decrypted secret strings the source can read: whole secret keys, or the leaves at their secure paths. */
function secretStrings(source: ConfigSource): string[] {
  const out = new Set<string>();
  for (const fullKey of source.keys()) {
    if (source.isSecure(fullKey) !== true) continue;
    const raw = source.secretValue?.(fullKey);
    if (raw === undefined) continue;
    let parsed: unknown = raw;
    try {
      parsed = JSON.parse(raw);
    } catch {
      // A plain string secret.
    }
    const short = fullKey.startsWith(CONFIG_PREFIX) ? fullKey.slice(CONFIG_PREFIX.length) : undefined;
    const paths = short && typeof parsed === "object" && parsed !== null ? (source.securePaths?.(short) ?? [[]]) : [[]];
    for (const path of paths) for (const s of leaves(at(parsed, path))) out.add(s);
    out.add(raw);
  }
  // Longest first, so that a secret holding another is replaced whole.
  return [...out].filter((s) => s.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
}

/** A function that takes every secret value of `source` out of a diagnostic. */
export function secretRedactor(source: ConfigSource): (d: Diagnostic) => Diagnostic {
  const secrets = secretStrings(source);
  if (secrets.length === 0) return (d) => d;
  // Also as JSON writes them inside quotes (`got` values are JSON).
  const forms = secrets.flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]).filter((s, i, all) => all.indexOf(s) === i);
  const clean = (text: string) => forms.reduce((t, s) => t.split(s).join(SECRET_PLACEHOLDER), text);
  return (d) => ({
    ...d,
    path: clean(d.path),
    message: clean(d.message),
    ...(d.got !== undefined ? { got: clean(d.got) } : {}),
    ...(d.fix !== undefined ? { fix: clean(d.fix) } : {}),
  });
}
