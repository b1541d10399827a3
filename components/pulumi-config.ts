/**
 * The stack's Pulumi config as the catalog loader reads it (a ConfigSource), and as the
 * components resolve secret config keys: read once, secret values only as Pulumi secrets.
 */
import { lstatSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { isUtf8 } from "node:buffer";
import { readInputFile, UnreadableFileError } from "./load/input-file.js";
import * as pulumi from "@pulumi/pulumi";
import { CONFIG_NAMESPACE, type ConfigPath, type ConfigSource, securePaths } from "./catalog.js";
import { readPulumiYaml } from "./load/pulumi-yaml.js";
import { storedVersionOf } from "./load/secure-config.js";
import { configKeyOf, setSecretCommand } from "./model/config-keys.js";
import { secretRedactor } from "./validate/redact-secrets.js";

/**
 * The SDK's own test of whether a config key was set with `--secret` (internal to the SDK,
 * so looked up defensively: without it, plain-text secrets are only caught by `validate`).
 */
const isConfigSecret: ((key: string) => boolean) | undefined = (() => {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require("@pulumi/pulumi/runtime/config").isConfigSecret;
  } catch {
    return undefined;
  }
})();

/**
 * The keys set with `--secret`, read once: the SDK's isConfigSecret re-parses the whole
 * list on every call, quadratic over thousands of secret keys. (The SDK's internal state,
 * so read defensively: without it, isConfigSecret is asked per key.)
 */
function secretConfigKeys(): Set<string> | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { configSecretKeysEnvKey } = require("@pulumi/pulumi/runtime/config");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getStore } = require("@pulumi/pulumi/runtime/state");
    const raw: unknown = getStore().config[configSecretKeysEnvKey];
    const keys: unknown = typeof raw === "string" ? JSON.parse(raw) : [];
    return Array.isArray(keys) ? new Set(keys.map(String)) : undefined;
  } catch {
    return undefined;
  }
}

/** A config value the engine passes as a JSON object or list (set with --path, or as YAML structure). */
function isStructured(raw: string | undefined): boolean {
  if (raw === undefined || !/^\s*[[{]/.test(raw)) return false;
  try {
    return typeof JSON.parse(raw) === "object";
  } catch {
    return false;
  }
}

/**
 * The stack's Pulumi config as a ConfigSource, read once: the SDK's getters re-parse the
 * whole config on every call, which made stacks of thousands of connections quadratic.
 */
export class PulumiConfigReader implements ConfigSource {
  private readonly all = pulumi.runtime.allConfig();
  private readonly secretKeys = secretConfigKeys();
  /** Secure paths and stored version per config key of the stack file (null: no readable file); read once. */
  private fileKeys?: Map<string, { securePaths: ConfigPath[]; storedVersion: string }> | null;
  /** One Output per secret key, shared by every object it fills (catalogs share credentials). */
  private readonly secrets = new Map<string, pulumi.Output<string>>();

  /**
   * @param stackFile the stack's `Pulumi.<stack>.yaml`, read only to learn where nested
   * secret values sit (the engine says only which keys hold one). Default: the one `pulumi`
   * runs the program with, in the project folder.
   */
  constructor(private readonly stackFile = join(process.cwd(), `Pulumi.${pulumi.getStack()}.yaml`)) {}

  value(key: string, namespace = CONFIG_NAMESPACE): unknown {
    const raw = this.all[`${namespace}:${key}`];
    if (raw === undefined) return undefined;
    // Structured config arrives as JSON; a plain string (the namespace) does not.
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }

  keys(): string[] {
    return Object.keys(this.all);
  }

  isSecure(fullKey: string): boolean | undefined {
    return fullKey in this.all ? this.isSecret(fullKey) : undefined;
  }

  /** Lets content rules (notifier JSON) check decrypted values; they never print them. */
  secretValue(fullKey: string): string | undefined {
    return this.all[fullKey];
  }

  plainValue(fullKey: string): unknown {
    return this.isSecret(fullKey) ? undefined : this.all[fullKey];
  }

  /** A config value exactly as set, unparsed. */
  raw(fullKey: string): string | undefined {
    return this.all[fullKey];
  }

  isSecret(fullKey: string): boolean {
    if (!(fullKey in this.all)) return false;
    return this.secretKeys ? this.secretKeys.has(fullKey) : isConfigSecret?.(fullKey) === true;
  }

  /**
   * Where `polyaxon:<key>` holds secret values: the `secure:` paths of the stack file, or
   * the whole key when the engine marks it secret and the file does not say where
   * (config from an ESC environment, another stackConfigDir).
   */
  securePaths(key: string): ConfigPath[] {
    const fullKey = configKeyOf(key);
    // The engine marks every key that holds a secure node; and a secret that is one string,
    // not a structure, can only be secret as a whole: the file is read only for the rest.
    if (!this.isSecret(fullKey)) return [];
    if (!isStructured(this.all[fullKey])) return [[]];
    const fromFile = this.stackFileKeys()?.get(fullKey)?.securePaths ?? [];
    return fromFile.length > 0 ? fromFile : [[]];
  }

  /** How the stack file stores `fullKey` (see ConfigSource): the same digest `render` computes. */
  storedVersion(fullKey: string): string | undefined {
    return this.stackFileKeys()?.get(fullKey)?.storedVersion;
  }

  /**
   * The `secure:` paths and stored version of every key of the stack file. Only those are
   * kept: the parsed file (as large as the catalog) would otherwise stay in memory.
   */
  private stackFileKeys(): Map<string, { securePaths: ConfigPath[]; storedVersion: string }> | null {
    if (this.fileKeys === undefined) {
      try {
        const bytes = readInputFile(this.stackFile, basename(this.stackFile));
        if (bytes === undefined) throw new Error("no stack file");
        const doc = readPulumiYaml(bytes.toString("utf8")) as { config?: Record<string, unknown> } | null;
        const config = doc?.config;
        this.fileKeys = config
          ? new Map(
              Object.entries(config).map(([key, value]) => [
                key.includes(":") ? key : `${pulumi.getProject()}:${key}`,
                { securePaths: securePaths(value), storedVersion: storedVersionOf(value) },
              ]),
            )
          : null;
      } catch (err) {
        // Not a file to read (a device, a FIFO, too large): refused, never read on.
        if (err instanceof UnreadableFileError) throw new pulumi.RunError(`${err.message}. Fix: make it a regular YAML file`);
        this.fileKeys = null;
      }
    }
    return this.fileKeys;
  }

  /**
   * A file relative to the stack file's folder (the catalog file), read like the stack file:
   * a regular file within the input size limit, never through a symlink, UTF-8 text.
   */
  readBeside(path: string): string | undefined {
    const full = join(dirname(this.stackFile), path);
    try {
      if (lstatSync(full).isSymbolicLink()) throw new UnreadableFileError(path, "is a symlink; the catalog file must be a regular file inside the project");
    } catch (err) {
      if (err instanceof UnreadableFileError) throw err;
      return undefined;
    }
    const bytes = readInputFile(full, path);
    if (bytes === undefined) return undefined;
    if (!isUtf8(bytes)) throw new UnreadableFileError(path, "is not UTF-8 text");
    return bytes.toString("utf8");
  }

  /** `polyaxon:s3Key` → its value as a Pulumi secret (it must be set: validation checked it). */
  secret(fullKey: string): pulumi.Output<string> {
    const value = this.all[fullKey];
    if (value === undefined) {
      // Through the one redactor: the key name comes from the catalog, where a secret may sit.
      const { message, fix } = secretRedactor(this)({
        severity: "error",
        rule: "secret-config",
        path: fullKey,
        message: `config key ${fullKey} is not set`,
        fix: setSecretCommand(fullKey),
      });
      throw new pulumi.RunError(`${message}. Fix: run \`${fix}\``);
    }
    let secret = this.secrets.get(fullKey);
    if (secret === undefined) this.secrets.set(fullKey, (secret = pulumi.secret(value)));
    return secret;
  }
}
