/**
 * Example stacks for tests: where they are, and loading one into Pulumi's (mock) config
 * with a canary value in place of each encrypted secret.
 */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type ConfigPath, configPathText, securePaths } from "../../components/load/secure-config.js";
import { fromYaml } from "../../components/load/yaml.js";
import { isEncrypted, listStacks, readStackFile } from "../../cli/stack-file.js";
import { setConfig } from "./pulumi-mocks.js";

export const PROJECT_ROOT = resolve(__dirname, "../..");
export const FIXTURE_STACKS = resolve(__dirname, "../fixtures/stacks");

/**
 * The example stacks this repository ships, by name: a stack file a user adds to the
 * project (`Pulumi.mine.yaml`) is theirs, never a test subject.
 */
export const PROJECT_EXAMPLES = ["dev", "staging", "prod", "ce"] as const;

/** Every example stack: the project's own and the test fixtures. */
export function exampleStacks(): { dir: string; stack: string }[] {
  return [...PROJECT_EXAMPLES.map((stack) => ({ dir: PROJECT_ROOT, stack })), ...listStacks(FIXTURE_STACKS).map((stack) => ({ dir: FIXTURE_STACKS, stack }))];
}

/** A temporary project holding `Pulumi.yaml` and the example stacks only. */
export function examplesProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-examples-"));
  for (const file of ["Pulumi.yaml", ...PROJECT_EXAMPLES.map((s) => `Pulumi.${s}.yaml`)]) cpSync(join(PROJECT_ROOT, file), join(dir, file));
  return dir;
}

/**
 * A value no code path should ever print: stands in for a secret config value. Shaped as a
 * notifier configuration (a JSON list) so that content rules accept it in every role.
 */
export function canaryFor(fullKey: string): string {
  return `[{"url": "https://hooks.example.com/CANARY-${fullKey.replace(/[^A-Za-z0-9]/g, "-")}-9d2f7c"}]`;
}

/** Matches any canary. */
export const CANARY_PATTERN = /CANARY-[A-Za-z0-9-]*-9d2f7c/;

/**
 * A structured value as the engine hands it to the program: each nested `secure:` node
 * decrypted (here: its canary, or the value given for its `--path` in `secretValues`).
 */
function decryptNested(key: string, value: unknown, secretValues: Record<string, string>, at: ConfigPath = []): unknown {
  if (isEncrypted(value)) {
    const path = configPathText(key, at);
    return secretValues[path] ?? canaryFor(path);
  }
  if (Array.isArray(value)) return value.map((v, i) => decryptNested(key, v, secretValues, [...at, i]));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decryptNested(key, v, secretValues, [...at, k])]));
  }
  return value;
}

/**
 * Put a stack file's config into Pulumi's config as the engine would: encrypted values
 * become canaries (or the plain values given in `secretValues`), and a structured key with
 * a secret inside is decrypted whole and marked secret.
 */
export function loadStackIntoConfig(dir: string, stack: string, secretValues: Record<string, string> = {}): { secrets: Record<string, string> } {
  const plain: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of readStackFile(dir, stack)) {
    if (isEncrypted(value)) secrets[key] = secretValues[key] ?? canaryFor(key);
    else if (securePaths(value).length > 0) secrets[key] = JSON.stringify(decryptNested(key, value, secretValues));
    else plain[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  setConfig(plain, secrets);
  return { secrets };
}

/** Parse a YAML document (rendered files). */
export const yamlOf = (text: string): unknown => fromYaml(text);
