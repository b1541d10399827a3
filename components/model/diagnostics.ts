/**
 * Diagnostics: what the validators return and what `validate`, `render` and the stack
 * program print. Each one names the config path, the offending value and the fix.
 * Values of secret config keys are never read here, so they cannot appear in a message.
 */

import { CREDENTIAL_PLACEHOLDER, looksLikeCredential } from "./credentials.js";
import type { RuleId } from "./rules.js";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** The rule it comes from (see rules.ts and docs/validation.md). */
  rule: RuleId;
  /** Config path, e.g. `polyaxon:connections[2].schema.bucket`. */
  path: string;
  /** What is wrong. */
  message: string;
  /** The offending value, as the user wrote it (shortened), when there is one to show. */
  got?: string;
  /** How to fix it. */
  fix?: string;
}

/** One line per diagnostic: `error polyaxon:x.y: message (got "v"). Fix: ...`. */
export function formatDiagnostic(d: Diagnostic): string {
  const got = d.got === undefined ? "" : ` (got ${d.got})`;
  const fix = d.fix ? `. Fix: ${d.fix}` : "";
  return `${d.severity} ${d.path}: ${d.message}${got}${fix}`;
}

/** All diagnostics, errors first, in a stable order. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics).map(formatDiagnostic).join("\n");
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === "error" ? 0 : 1);
  return [...diagnostics].sort((a, b) => rank(a) - rank(b));
}

export const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "error");
export const warningsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === "warning");

/** `polyaxon:` + `["connections", 2, "schema"]` → `polyaxon:connections[2].schema`. */
export function joinPath(root: string, segments: readonly PropertyKey[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else {
      const segment = looksLikeCredential(String(s)) ? CREDENTIAL_PLACEHOLDER : String(s);
      out += out === "" || out.endsWith(":") ? segment : `.${segment}`;
    }
  }
  return out;
}

/** `value` with every string (and key) that looks like a credential replaced by a placeholder. */
export function maskCredentials(value: unknown): unknown {
  if (typeof value === "string") return looksLikeCredential(value) ? CREDENTIAL_PLACEHOLDER : value;
  if (Array.isArray(value)) return value.map(maskCredentials);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [looksLikeCredential(k) ? CREDENTIAL_PLACEHOLDER : k, maskCredentials(v)]));
  }
  return value;
}

/** A value as it appears in a message: compact JSON, shortened, credentials never shown. */
export function showValue(value: unknown): string {
  const masked = maskCredentials(value);
  const text = masked === undefined ? "nothing" : (JSON.stringify(masked) ?? String(masked));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
