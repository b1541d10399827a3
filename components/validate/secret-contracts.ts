/**
 * What Polyaxon expects inside a connection's Secret (the keys vents' providers read, in
 * vents `vents/providers/<provider>/base.py`; notifiers in `vents/notifiers/`), checked where
 * the stack knows the keys: Secrets it creates, `items`, and mount paths with a fixed meaning.
 * Values are read only where the config source can (under `pulumi up`), and never echoed.
 */
import { NOTIFIER_KINDS } from "../model/kinds.js";
import { fullConfigKey } from "../model/config-keys.js";
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import type { ConfigSource } from "../load/catalog.js";
import { type CheckInput, type EntryAt, error } from "./input.js";
import { normalizeMountPath } from "./mount-index.js";

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Keys that reach the process as env vars, with their config paths. */
function envExposedKeys(at: EntryAt): { key: string; at: string }[] {
  const { entry, path } = at;
  const out: { key: string; at: string }[] = [];
  const { secret, configMap } = entry;
  if (secret && !secret.mountPath) {
    if (secret.items) secret.items.forEach((key, i) => out.push({ key, at: `${path}.secret.items[${i}]` }));
    else for (const [key, declaredAt] of at.knownSecretKeys ?? []) out.push({ key, at: declaredAt });
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
  return config.entries.flatMap((at) =>
    envExposedKeys(at)
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

function checkS3(at: EntryAt): Diagnostic[] {
  const { entry, path } = at;
  const known = at.knownSecretKeys;
  if (!known) return [];
  const keys = new Set([...known.keys(), ...Object.keys(entry.configMap?.data ?? {})].map(norm));
  if (keys.has(norm("AWS_ROLE_ARN")) || keys.has(norm("AWS_ASSUME_ROLE"))) return [];
  const missing = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].filter((k) => !keys.has(norm(k)));
  if (missing.length === 0) return [];
  return [
    error("s3-keys", `${path}.secret`, `the s3 Secret the stack creates lacks ${missing.join(" and ")}`, {
      fix: `use secret.s3: {accessKeyId: <config key>, secretAccessKey: <config key>}, add ${missing.join(" and ")} to fromConfig, or declare workload identity with AWS_ROLE_ARN`,
    }),
  ];
}

/** A file a Secret mounted at `mountPath` must hold, for the Secret it creates and its items. */
function checkMountedFile(at: EntryAt, rule: "gcs-key-file" | "registry-config-json", mountPaths: string[], file: string, helper: string): Diagnostic[] {
  const { entry, path } = at;
  const secret = entry.secret;
  if (!secret?.mountPath || !mountPaths.includes(normalizeMountPath(secret.mountPath))) return [];
  const out: Diagnostic[] = [];
  const reader = `${file} in ${normalizeMountPath(secret.mountPath)}`;
  const known = at.knownSecretKeys;
  if (known && !known.has(file)) {
    out.push(
      error(rule, `${path}.secret`, `the Secret is mounted at ${normalizeMountPath(secret.mountPath)} but has no key ${file}`, {
        fix: `use ${helper}, or give it a key "${file}"; ${entry.kind} runs read ${reader}`,
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

function checkNotifier(at: EntryAt, source: ConfigSource): Diagnostic[] {
  const { entry, path } = at;
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
  const known = at.knownSecretKeys;
  if (known && !known.has(kind)) {
    out.push(
      error("notifier-key", `${path}.secret`, `the Secret the stack creates has no key ${kind}`, {
        fix: `use secret.notifier: [{url: <config key>}], or add ${kind}: <config key holding a JSON list like [{"url": "https://..."}]> to fromConfig`,
      }),
    );
  }
  // A value copied as is must already be the JSON list (the notifier helper builds it).
  const key = secret.fromConfig?.[kind];
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

function checkSsh({ entry, path }: EntryAt): Diagnostic[] {
  if (entry.secret?.mountPath) return [];
  return [
    error("ssh-secret", `${path}.secret${entry.secret ? ".mountPath" : ""}`, "an ssh connection needs a Secret mounted with a mountPath", {
      fix: 'add secret: {name: <secret with id_rsa>, mountPath: /etc/ssh-key, defaultMode: "0600"}',
    }),
  ];
}

/** Per-kind expectations on the Secret. */
export function checkSecretContracts(config: CheckInput, source: ConfigSource): Diagnostic[] {
  return config.entries.flatMap((at) => {
    const kind = at.entry.kind;
    if (at.entry.secret?.notifier && !(NOTIFIER_KINDS as readonly string[]).includes(kind)) {
      return [
        error("secret-source", `${at.path}.secret.notifier`, `the notifier helper writes the key vents reads for notifier kinds; ${kind} is not one`, {
          fix: `use it on a ${NOTIFIER_KINDS.join("/")} connection, or use fromConfig here`,
        }),
      ];
    }
    if (kind === "s3") return checkS3(at);
    if (kind === "gcs") return checkMountedFile(at, "gcs-key-file", ["/plx-context/.gc"], "gc-secret.json", "secret.gcsKeyFile: <config key>");
    if (kind === "registry") {
      return checkMountedFile(at, "registry-config-json", ["/kaniko/.docker", "/root/.docker"], "config.json", "secret.dockerConfig: {server, username, password}");
    }
    if (kind === "ssh") return checkSsh(at);
    if ((NOTIFIER_KINDS as readonly string[]).includes(kind)) return checkNotifier(at, source);
    return [];
  });
}
