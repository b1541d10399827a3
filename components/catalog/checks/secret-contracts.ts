/**
 * What Polyaxon expects inside a connection's Secret (polyaxon-spec.md §8), checked where
 * the stack knows the keys: Secrets it creates, `items`, and mount paths with a fixed meaning.
 * Values are read only where the config source can (under `pulumi up`), and never echoed.
 */
import { NOTIFIER_KINDS } from "../../spec/kinds.js";
import { fullConfigKey } from "../config-keys.js";
import { type Diagnostic, showValue } from "../diagnostics.js";
import type { ConfigSource } from "../model.js";
import { type AnyEntry, type CheckInput, entriesWithPaths, error } from "./input.js";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const trimSlash = (p: string) => p.replace(/\/+$/, "");

/** Keys that reach the process as env vars, with their config paths. */
function envExposedKeys(entry: AnyEntry, path: string): { key: string; at: string }[] {
  const out: { key: string; at: string }[] = [];
  const { secret, configMap } = entry;
  if (secret && !secret.mountPath) {
    if (secret.items) secret.items.forEach((key, i) => out.push({ key, at: `${path}.secret.items[${i}]` }));
    else for (const key of Object.keys(secret.fromConfig ?? {})) out.push({ key, at: `${path}.secret.fromConfig.${key}` });
  }
  if (configMap) {
    // Polyaxon turns configMap items into env vars even when the ConfigMap is mounted.
    if (configMap.items) configMap.items.forEach((key, i) => out.push({ key, at: `${path}.configMap.items[${i}]` }));
    else if (!configMap.mountPath) {
      for (const key of Object.keys(configMap.data ?? {})) out.push({ key, at: `${path}.configMap.data.${key}` });
    }
  }
  return out;
}

/** Keys exposed as env vars must be valid env var names. */
export function checkEnvVarNames(config: CheckInput): Diagnostic[] {
  return entriesWithPaths(config).flatMap(({ entry, path }) =>
    envExposedKeys(entry, path)
      .filter(({ key }) => !ENV_NAME.test(key))
      .map(({ key, at }) =>
        error("env-var-name", at, "this key reaches runs as an env var, but is not a valid env var name", {
          got: showValue(key),
          fix: "use letters, digits and '_' (not starting with a digit), or mount the secret/configMap with a mountPath to get files instead",
        }),
      ),
  );
}

/** vents looks a key up as given, lower case, and without underscores. */
const norm = (key: string) => key.toUpperCase().replace(/_/g, "");

function checkS3(entry: AnyEntry, path: string): Diagnostic[] {
  const created = entry.secret?.fromConfig;
  if (!created) return [];
  const keys = new Set([...Object.keys(created), ...Object.keys(entry.configMap?.data ?? {})].map(norm));
  if (keys.has(norm("AWS_ROLE_ARN")) || keys.has(norm("AWS_ASSUME_ROLE"))) return [];
  const missing = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].filter((k) => !keys.has(norm(k)));
  if (missing.length === 0) return [];
  return [
    error("s3-keys", `${path}.secret.fromConfig`, `the s3 Secret the stack creates lacks ${missing.join(" and ")}`, {
      fix: `add ${missing.map((k) => `${k}: <config key>`).join(", ")}, or declare workload identity with AWS_ROLE_ARN`,
    }),
  ];
}

/** A file a Secret mounted at `mountPath` must hold, for the Secret it creates and its items. */
function checkMountedFile(
  entry: AnyEntry,
  path: string,
  rule: "gcs-key-file" | "registry-config-json",
  mountPaths: string[],
  file: string,
): Diagnostic[] {
  const secret = entry.secret;
  if (!secret?.mountPath || !mountPaths.includes(trimSlash(secret.mountPath))) return [];
  const out: Diagnostic[] = [];
  const reader = `${file} in ${trimSlash(secret.mountPath)}`;
  if (secret.fromConfig && !(file in secret.fromConfig)) {
    out.push(
      error(rule, `${path}.secret.fromConfig`, `the Secret is mounted at ${trimSlash(secret.mountPath)} but has no key ${file}`, {
        fix: `add "${file}": <config key>; ${entry.kind} runs read ${reader}`,
      }),
    );
  }
  if (secret.items && !secret.items.includes(file)) {
    out.push(
      error(rule, `${path}.secret.items`, `items leave out ${file}, so the file is not mounted`, {
        got: showValue(secret.items),
        fix: `add ${file} to items, or drop items to mount every key`,
      }),
    );
  }
  return out;
}

/** Parse a notifier configuration; the problem, or undefined when it fits. Never shows the value. */
export function notifierConfigProblem(kind: string, raw: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "is not JSON";
  }
  if (!Array.isArray(parsed)) return "is JSON but not a list (vents refuses a single object)";
  for (const [i, item] of parsed.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return `item ${i} is not an object`;
    const field = kind === "email" ? "smtp_host" : "url";
    if (typeof (item as Record<string, unknown>)[field] !== "string") return `item ${i} has no "${field}"`;
  }
  return undefined;
}

function checkNotifier(entry: AnyEntry, path: string, source: ConfigSource): Diagnostic[] {
  const secret = entry.secret;
  if (!secret) return [];
  const kind = entry.kind;
  const out: Diagnostic[] = [];
  if (secret.mountPath) {
    out.push(
      error("notifier-key", `${path}.secret.mountPath`, `vents reads the env var named ${kind}; a mounted Secret sets no env var`, {
        got: showValue(secret.mountPath),
        fix: "remove mountPath so the Secret is injected as env vars",
      }),
    );
  }
  if (secret.items && !secret.items.includes(kind)) {
    out.push(error("notifier-key", `${path}.secret.items`, `items leave out the key ${kind}`, { got: showValue(secret.items), fix: `add ${kind} to items` }));
  }
  const created = secret.fromConfig;
  if (created && !(kind in created)) {
    out.push(
      error("notifier-key", `${path}.secret.fromConfig`, `the Secret the stack creates has no key ${kind}`, {
        fix: `add ${kind}: <config key holding a JSON list like [{"url": "https://..."}]>`,
      }),
    );
  }
  const key = created?.[kind];
  const value = key === undefined ? undefined : source.secretValue?.(fullConfigKey(key));
  const problem = value === undefined ? undefined : notifierConfigProblem(kind, value);
  if (problem) {
    out.push(
      error("notifier-json", `${path}.secret.fromConfig.${kind}`, `the value of config key ${fullConfigKey(key!)} ${problem}`, {
        fix: `set it to a JSON list: pulumi config set --secret ${fullConfigKey(key!)} '[{"url": "https://..."}]'`,
      }),
    );
  }
  return out;
}

function checkSsh(entry: AnyEntry, path: string): Diagnostic[] {
  if (entry.secret?.mountPath) return [];
  return [
    error("ssh-secret", `${path}.secret${entry.secret ? ".mountPath" : ""}`, "an ssh connection needs a Secret mounted with a mountPath", {
      fix: "add secret: {name: <secret with id_rsa>, mountPath: /etc/ssh-key, defaultMode: \"0600\"}",
    }),
  ];
}

/** Per-kind expectations on the Secret. */
export function checkSecretContracts(config: CheckInput, source: ConfigSource): Diagnostic[] {
  return entriesWithPaths(config).flatMap(({ entry, path }) => {
    if (entry.kind === "s3") return checkS3(entry, path);
    if (entry.kind === "gcs") return checkMountedFile(entry, path, "gcs-key-file", ["/plx-context/.gc"], "gc-secret.json");
    if (entry.kind === "registry") {
      return checkMountedFile(entry, path, "registry-config-json", ["/kaniko/.docker", "/root/.docker"], "config.json");
    }
    if (entry.kind === "ssh") return checkSsh(entry, path);
    if ((NOTIFIER_KINDS as readonly string[]).includes(entry.kind)) return checkNotifier(entry, path, source);
    return [];
  });
}
