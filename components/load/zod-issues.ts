/**
 * Turns zod issues into diagnostics that name the config path, the value the user wrote
 * and the fix, instead of zod's generic wording.
 */
import { DNS_LABEL, DNS_SUBDOMAIN } from "../model/primitives.js";
import type { z } from "zod";
import { ARTIFACTS_STORE_KINDS, CONNECTION_KINDS } from "../model/kinds.js";
import { CREDENTIAL_FIX, looksLikeCredential } from "../model/credentials.js";
import { type Diagnostic, joinPath, showValue } from "../model/diagnostics.js";
import type { RuleId } from "../model/rules.js";
import { suggestKind, unknownKeyFix } from "../model/suggest.js";

/** The value at `path` inside `root`, or undefined. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

/** The patterns of Kubernetes names, as zod reports the one an issue failed. */
const KUBERNETES_NAME_PATTERNS = new Set([String(DNS_LABEL), String(DNS_SUBDOMAIN)]);

/** The rule a field-level issue belongs to, from the field it is about (`path` as printed). */
function ruleOf(issue: z.core.$ZodIssue, path: string, missing: boolean): RuleId {
  const segments = path.split(/[.[\]:]+/).filter(Boolean);
  const last = segments.at(-1);
  const parent = segments.at(-2);
  if (missing) return "required";
  if (issue.code === "custom" && last === "external") return "secret-source";
  if (last === "bucket") return "bucket-url";
  if (last === "mountPath" || last === "hostPath") return issue.code === "invalid_format" ? "absolute-path" : "type";
  if (last === "defaultMode") return "default-mode";
  if (last === "env" || parent === "env") return issue.code === "invalid_key" ? "env-var-name" : "env-mapping";
  if ((last === "secret" || last === "configMap") && issue.code === "invalid_type") return "resource-mapping";
  // A Kubernetes name is whatever the model checks with a DNS-1123 pattern.
  if (issue.code === "invalid_format" && KUBERNETES_NAME_PATTERNS.has(String((issue as { pattern?: unknown }).pattern))) return "k8s-name";
  return "type";
}

const TYPE_WORDS: Record<string, string> = { object: "a mapping", array: "a list", string: "a string", number: "a number", boolean: "true or false", int: "a whole number" };

/**
 * Our messages read "must be ..."; for zod's own ("Invalid input: expected object, received
 * undefined") the same is said in our words, from the issue's fields.
 */
function asFix(issue: z.core.$ZodIssue | undefined, message: string): string {
  if (message.startsWith("must")) return message;
  switch (issue?.code) {
    case "invalid_type":
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "too_small":
    case "too_big": {
      const bound = issue.code === "too_small" ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
      if (issue.origin === "string") return `must be ${bound} characters long`;
      if (issue.origin === "array" || issue.origin === "set") return `must have ${bound} items`;
      return `must be ${bound}`;
    }
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return "must have one of the documented forms (see docs/connections.md)";
  }
}

/** Fields under a secret reference that name or place something, never a secret's value. */
const NAME_FIELDS = new Set([
  "name",
  "mountPath",
  "items",
  "defaultMode",
  "kind",
  "refreshInterval",
  "server",
  "username",
  "region",
  "endpoint",
  "channel",
  "method",
  "icon_url",
  "hostPath",
]);

/**
 * Under a secret reference, or in `env` (`PGPASSWORD` in either form, the mapping or
 * Kubernetes' list of `{name, value}`), a mistyped value may be a credential: never echo it.
 */
function mayHoldSecret(path: readonly PropertyKey[]): boolean {
  if (path.some((seg) => seg === "fromConfig" || seg === "env" || seg === "stringData")) return true;
  const leaf = [...path].reverse().find((seg) => typeof seg === "string");
  return path.some((seg) => seg === "secret" || seg === "agentSecret") && !NAME_FIELDS.has(String(leaf));
}

function kindIssue(path: string, got: unknown): Diagnostic {
  const forStore = path.includes("artifactsStore");
  const allowed: readonly string[] = forStore ? ARTIFACTS_STORE_KINDS : CONNECTION_KINDS;
  if (got === undefined) {
    return { severity: "error", rule: "required", path, message: "kind is required", fix: `set kind to one of: ${allowed.join(", ")}` };
  }
  if (forStore && typeof got === "string" && (CONNECTION_KINDS as readonly string[]).includes(got)) {
    return {
      severity: "error",
      rule: "store-kind",
      path,
      message: "this kind cannot be an artifacts store",
      got: showValue(got),
      fix: `use one of ${allowed.join(", ")}; declare a ${got} connection under polyaxon:connections instead`,
    };
  }
  const suggestion = suggestKind(got, allowed);
  return {
    severity: "error",
    rule: "kind",
    path,
    message: "unknown connection kind",
    got: showValue(got),
    fix: suggestion ? `use ${suggestion} (kinds are exact and lower case)` : `use one of: ${allowed.join(", ")}`,
  };
}

/**
 * Diagnostics for every issue of a failed parse. `root` is the config path of `input`
 * (e.g. `polyaxon:connections`), `input` the raw value that was parsed.
 */
export function diagnosticsFromZod(error: z.ZodError, root: string, input: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of error.issues) {
    const path = joinPath(root, issue.path);
    const got = valueAt(input, issue.path);
    if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "kind") {
      out.push(kindIssue(path, got));
    } else if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        // Only the key is shown: its value may be a credential typed into the wrong place.
        out.push({
          severity: "error",
          rule: "unknown-key",
          path: joinPath(root, [...issue.path, key]),
          message: `unknown key \`${key}\``,
          fix: unknownKeyFix(key, issue.path),
        });
      }
    } else if (issue.code === "invalid_key") {
      // A mapping key that is not allowed (e.g. an env var name): show the key, not its value.
      const key = issue.path.at(-1);
      out.push({
        severity: "error",
        rule: ruleOf(issue, path, false),
        path,
        message: "invalid key",
        got: showValue(key),
        fix: `the key ${asFix(issue.issues[0], issue.issues[0]?.message ?? issue.message)}`,
      });
    } else if (typeof got === "string" && looksLikeCredential(got)) {
      // A token pasted where a config key name belongs: say so, and never echo it.
      out.push({ severity: "error", rule: "credential-in-config", path, message: "looks like a credential, not a config key name", fix: CREDENTIAL_FIX });
    } else if (got === undefined && issue.code === "invalid_type") {
      out.push({ severity: "error", rule: ruleOf(issue, path, true), path, message: "is required", fix: `add it; it ${asFix(issue, issue.message)}` });
    } else {
      out.push({
        severity: "error",
        rule: ruleOf(issue, path, false),
        path,
        message: "invalid value",
        ...(mayHoldSecret(issue.path) ? {} : { got: showValue(got) }),
        fix: `it ${asFix(issue, issue.message)}`,
      });
    }
  }
  return out;
}
