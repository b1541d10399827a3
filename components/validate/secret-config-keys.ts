/**
 * Pulumi config keys: the secret values the catalog references, and keys nothing reads.
 */
import { STACK_KEYS } from "../model/stack.js";
import { CONFIG_PREFIX, fullConfigKey, setSecretCommand } from "../model/config-keys.js";
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import type { ConfigSource } from "../load/catalog.js";
import { createdSecretData } from "../plan/secret-recipes.js";
import { closest } from "../model/suggest.js";
import { secretRef } from "../model/resources.js";

import { type CheckInput, error, pathsOf, warning } from "./input.js";
import { configPathText } from "../load/secure-config.js";

/** Every secret config key the catalog references, with the config path that does. */
export function secretConfigRefs(config: CheckInput): { path: string; key: string }[] {
  const refs: { path: string; key: string }[] = [];
  // An entry that did not parse still names its keys when its `secret` is valid on its own.
  const unparsed = (config.unparsedEntries ?? []).flatMap(({ raw, path }) => {
    const { secret, kind } = (raw ?? {}) as { secret?: unknown; kind?: unknown };
    const parsed = secretRef.safeParse(secret);
    return parsed.success ? [{ created: createdSecretData(parsed.data, typeof kind === "string" ? kind : ""), path }] : [];
  });
  for (const { created, path } of [...config.entries, ...unparsed]) {
    for (const { refs: recipeRefs } of created?.values() ?? []) {
      for (const { at, key } of recipeRefs) refs.push({ path: `${path}.secret.${at}`, key });
    }
  }
  const token = config.agent.agentSecret?.fromConfig?.POLYAXON_AUTH_TOKEN;
  if (token) refs.push({ path: configPathText(pathsOf(config).agent, ["agentSecret", "fromConfig", "POLYAXON_AUTH_TOKEN"]), key: fullConfigKey(token) });
  return refs;
}

/** Every secret config key referenced exists, and is stored encrypted. */
export function checkSecretConfigKeys(config: CheckInput, source: ConfigSource): Diagnostic[] {
  const present = new Set(source.keys());
  const out: Diagnostic[] = [];
  for (const { path, key } of secretConfigRefs(config)) {
    if (!present.has(key)) {
      out.push(
        error("secret-config", path, `config key ${key} is not set`, {
          got: showValue(key),
          fix: `run \`${setSecretCommand(key)}\` for this stack`,
        }),
      );
    } else if (source.isSecure(key) === false) {
      out.push(
        error("secret-config", path, `config key ${key} is stored in plain text`, {
          fix: `store it encrypted: \`${setSecretCommand(key)}\` (and rotate the value: it was committed in clear)`,
        }),
      );
    }
  }
  return out;
}

/** Every string inside a raw config value (where an entry that did not parse may name a key). */
function stringsIn(value: unknown, out: Set<string>): Set<string> {
  if (typeof value === "string") out.add(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (typeof value === "object" && value !== null) for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** `polyaxon:*` keys that are neither catalog keys nor secrets any agent references: likely typos. */
export function checkUnusedKeys(agents: CheckInput[], source: ConfigSource): Diagnostic[] {
  const referenced = new Set(agents.flatMap((a) => secretConfigRefs(a).map((r) => r.key)));
  const candidates = source.keys().filter((full) => {
    if (!full.startsWith(CONFIG_PREFIX) || referenced.has(full)) return false;
    return !(STACK_KEYS as readonly string[]).includes(full.slice(CONFIG_PREFIX.length));
  });
  // Usually every key is referenced: the walk over the whole catalog below is then not needed.
  if (candidates.length === 0) return [];
  // An entry with an error is not in `agents`, but the keys it names are not unused.
  const named = new Set(
    [
      ...stringsIn(
        STACK_KEYS.map((k) => source.value(k)),
        new Set(),
      ),
    ].map(fullConfigKey),
  );
  const out: Diagnostic[] = [];
  for (const full of candidates) {
    if (named.has(full)) continue;
    const near = closest(full.slice(CONFIG_PREFIX.length), STACK_KEYS);
    out.push(
      warning("unused-config-key", full, "config key is not used by the catalog", {
        fix: near ? `did you mean polyaxon:${near}?` : "remove it, or reference it from a secret.fromConfig",
      }),
    );
  }
  return out;
}
