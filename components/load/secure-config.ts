/**
 * Secret values inside structured config. `pulumi config set --secret --path
 * polyaxon:agent.values.postgresql.auth.password x` stores `{secure: v1:...}` at that depth
 * of the stack file; the program receives the whole key decrypted and only knows that the
 * key holds a secret somewhere. These helpers find where, so that what derives from it is
 * kept secret (or refused where Kubernetes would store it in clear), and so that offline
 * renders redact it instead of writing the `secure:` mapping.
 */

import { createHash } from "node:crypto";
import { isMapping } from "../model/mapping.js";

/**
 * `ConfigSource.storedVersion` of a config value as the stack file stores it: a digest of
 * its text with every secret still a `secure:` ciphertext (which the file shows anyway).
 */
export function storedVersionOf(stored: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(stored) ?? "")
    .digest("hex")
    .slice(0, 16);
}

/** A path inside one config value: mapping keys and list indexes. */
export type ConfigPath = (string | number)[];

/** `{secure: "v1:..."}`: a value `pulumi config set --secret` stored encrypted. */
export function isSecureNode(value: unknown): value is { secure: string } {
  // The cheap test first: this runs on every mapping of every config value.
  return isMapping(value) && typeof value.secure === "string" && Object.keys(value).length === 1;
}

/** Paths of every encrypted node inside `value` (`[[]]` when `value` itself is one). */
export function securePaths(value: unknown, at: ConfigPath = []): ConfigPath[] {
  const found: ConfigPath[] = [];
  // One path, extended and shortened as the walk goes; copied only where a node is found.
  const path = [...at];
  const walk = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if (isSecureNode(node)) {
      found.push([...path]);
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
      return;
    }
    for (const key in node) {
      path.push(key);
      walk((node as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(value);
  return found;
}

/** A config path as `pulumi config set --path` writes it: `polyaxon:agent.values.a[0].b`. */
export function configPathText(fullKey: string, path: ConfigPath): string {
  return path.reduce<string>((out, seg) => (typeof seg === "number" ? `${out}[${seg}]` : out === "" ? String(seg) : `${out}.${seg}`), fullKey);
}

/** What an offline render writes in place of a nested secret config value. */
export function redactedConfigValue(fullKey: string, path: ConfigPath): string {
  return `<redacted: secret config ${configPathText(fullKey, path)}>`;
}

/** `value` with each nested encrypted node replaced by its redaction (offline reads never decrypt). */
export function redactSecureNodes(fullKey: string, value: unknown, at: ConfigPath = []): unknown {
  // Most config holds no nested secret: hand it back as it is instead of copying it.
  if (securePaths(value).length === 0) return value;
  if (isSecureNode(value)) return at.length === 0 ? value : redactedConfigValue(fullKey, at);
  if (Array.isArray(value)) return value.map((v, i) => redactSecureNodes(fullKey, v, [...at, i]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactSecureNodes(fullKey, v, [...at, k])]));
  }
  return value;
}

/** Matches any redaction `redactSecureNodes` writes. */
export const REDACTED_CONFIG_PATTERN = /<redacted: secret config [^>]+>/g;
