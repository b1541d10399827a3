/**
 * No credential in clear in a stack: a password under `env`, a token in a git URL, a
 * webhook URL, an `Authorization` header in a schema. The chart writes every catalog entry
 * into its ConfigMap, and chart values are plain inputs in Pulumi state, so such a value
 * would sit unencrypted in the repository, the state and the cluster.
 */
import { credentialShape, findPlainCredentials, type PlainCredential, type TreePath } from "../model/plain-credentials.js";
import { STACK_KEYS } from "../model/stack.js";
import { NOTIFIER_KINDS } from "../model/kinds.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { type ConfigSource, keyPathOf } from "../load/catalog.js";
import { type ConfigPath, configPathText } from "../load/secure-config.js";
import { error } from "./input.js";
import { isChartValuesPath, whereInClear } from "./secret-placement.js";

/** Segments under which our own format holds names and config key references, not values. */
const REFERENCE_KEYS = new Set(["secret", "agentSecret"]);

const startsWith = (path: ConfigPath, prefix: ConfigPath) => prefix.every((seg, i) => path[i] === seg);

/** The entry (a mapping with a string `kind`) that `path` leads into, if any. */
function entryOn(tree: unknown, path: ConfigPath): { name: string; kind: string; env?: unknown } | undefined {
  let entry: { name: string; kind: string; env?: unknown } | undefined;
  let node = tree;
  for (const seg of [undefined, ...path]) {
    if (seg !== undefined) node = (node as Record<string | number, unknown> | undefined)?.[seg];
    const { name, kind, env } = (node ?? {}) as { name?: unknown; kind?: unknown; env?: unknown };
    if (typeof kind === "string") entry = { name: typeof name === "string" ? name : "", kind, env };
  }
  return entry;
}

/** `warehouse-db` + `PGPASSWORD` → `warehouseDbPgpassword`: a config key name to suggest. */
function suggestedKey(...parts: string[]): string {
  const words = parts
    .join(" ")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const capital = (w: string) => (w === w.toUpperCase() ? w[0]! + w.slice(1).toLowerCase() : w[0]!.toUpperCase() + w.slice(1));
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : capital(w))).join("");
}

/**
 * Where a credential found in a catalog entry belongs: the entry's Secret, through the
 * source its kind reads (`gitToken` for a git URL's token, `notifier` for a webhook), with
 * a config key name to set. Its sentence reads "add … to entry <name>, then run …".
 */
export function entrySecretRoute(entry: { name: string; kind: string; env?: unknown } | undefined, path: ConfigPath, stack?: string): string {
  // In the list form `env: [{name: PGPASSWORD, value: …}]` the variable's name names the value.
  const listed =
    path.at(-3) === "env" && path.at(-1) === "value" && Array.isArray(entry?.env) ? (entry.env[path.at(-2) as number] as { name?: unknown } | undefined)?.name : undefined;
  const leaf = typeof listed === "string" && listed !== "" ? listed : String(path.at(-1));
  const name = entry?.name || "the entry";
  let source: string;
  let key: string;
  if (entry && (entry.kind === "git" || entry.kind === "ssh") && /url/i.test(leaf)) {
    key = suggestedKey(name, "gitToken");
    source = `secret.gitToken: ${key}`;
  } else if (entry && (NOTIFIER_KINDS as readonly string[]).includes(entry.kind) && /url/i.test(leaf)) {
    key = suggestedKey(name, "webhookUrl");
    source = `secret.notifier: [{url: ${key}}]`;
  } else {
    const dataKey = leaf.replace(/[^-._a-zA-Z0-9]/g, "_");
    key = suggestedKey(name, dataKey);
    source = `secret.fromConfig: {${dataKey}: ${key}}`;
  }
  const on = stack === undefined ? "" : ` --stack ${stack}`;
  return `add ${source} to entry ${name}, then run \`pulumi config set --secret ${key} '<value>'${on}\``;
}

/** The route to a Pulumi secret for chart values: set the same path as secret config. */
export function valuesSecretRoute(at: string, stack?: string): string {
  return `run \`pulumi config set --secret --path '${at}' '<value>'${stack === undefined ? "" : ` --stack ${stack}`}\` (the program passes secret values to the chart as Pulumi secrets)`;
}

/** A URL's credentials may be dropped in place when what is left shows none. */
export const keptUrl = (found: PlainCredential) =>
  found.withoutCredential !== undefined && credentialShape(found.withoutCredential) === undefined ? found.withoutCredential : undefined;

/** The fix for a credential found at `key` + `path` of `tree`. */
function fixFor(source: ConfigSource, key: string, tree: unknown, found: PlainCredential): string {
  const rotate = "then rotate the credential (it was written in a file)";
  if (isChartValuesPath(key, found.path)) return `${valuesSecretRoute(configPathText(keyPathOf(source, key), found.path))}; ${rotate}`;
  const url = keptUrl(found);
  const first = url === undefined ? "" : `write the URL without its credentials (${url}), `;
  return `${first}${entrySecretRoute(entryOn(tree, found.path), found.path)}; ${rotate}`;
}

/** Every plain credential in the stack's config, never showing one. */
export function checkPlainCredentials(source: ConfigSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of STACK_KEYS) {
    const value = source.value(key);
    if (value === undefined) continue;
    const secure = source.securePaths?.(key) ?? [];
    // A whole-key secret (`[]`) or a secret leaf is encrypted: nothing in clear there.
    const skip = (path: TreePath) => secure.some((p) => startsWith(path, p));
    const byName = (path: TreePath) => isChartValuesPath(key, path) || !path.some((seg) => REFERENCE_KEYS.has(String(seg)));
    for (const found of findPlainCredentials(value, { skip, byName })) {
      const full: ConfigPath = [key, ...found.path];
      out.push(
        error(
          "plain-credential",
          configPathText(keyPathOf(source, key), found.path),
          `holds ${found.what} in clear: ${isChartValuesPath(key, found.path) ? "chart values are stored in the stack file and in Pulumi state as plain text" : whereInClear(full)}`,
          {
            fix: fixFor(source, key, value, found),
          },
        ),
      );
    }
  }
  return out;
}
