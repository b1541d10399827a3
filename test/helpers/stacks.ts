/**
 * Example stacks for tests: where they are, and loading one into Pulumi's (mock) config
 * with a canary value in place of each encrypted secret.
 */
import { resolve } from "node:path";
import { fromYaml } from "../../components/catalog/yaml.js";
import { isEncrypted, listStacks, readStackFile } from "../../cli/stack-file.js";
import { setConfig } from "./pulumi-mocks.js";

export const PROJECT_ROOT = resolve(__dirname, "../..");
export const FIXTURE_STACKS = resolve(__dirname, "../fixtures/stacks");

/** Every example stack: the project's own and the test fixtures. */
export function exampleStacks(): { dir: string; stack: string }[] {
  return [PROJECT_ROOT, FIXTURE_STACKS].flatMap((dir) => listStacks(dir).map((stack) => ({ dir, stack })));
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
 * Put a stack file's config into Pulumi's config; encrypted values become canaries, or the
 * plain values given in `secretValues`.
 */
export function loadStackIntoConfig(
  dir: string,
  stack: string,
  secretValues: Record<string, string> = {},
): { secrets: Record<string, string> } {
  const plain: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const [key, value] of readStackFile(dir, stack)) {
    if (isEncrypted(value)) secrets[key] = secretValues[key] ?? canaryFor(key);
    else plain[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  setConfig(plain, secrets);
  return { secrets };
}

/** Parse a YAML document (rendered files). */
export const yamlOf = (text: string): unknown => fromYaml(text);
