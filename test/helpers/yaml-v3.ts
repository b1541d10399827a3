/**
 * gopkg.in/yaml.v3, the library the Pulumi CLI reads stack files with, as a test oracle:
 * a small Go program (yaml-v3/main.go) built once with Debian's golang-go and
 * golang-gopkg-yaml.v3-dev (installed by .ci/run) into node_modules/.cache.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "./stacks.js";

const SOURCE = join(__dirname, "yaml-v3");
const BINARY = join(PROJECT_ROOT, "node_modules/.cache/polyaxon-connections/yaml-v3");

/** The built reader (built on first use). */
export function yamlV3Binary(): string {
  if (existsSync(BINARY)) return BINARY;
  mkdirSync(dirname(BINARY), { recursive: true });
  const tmp = `${BINARY}.${process.pid}.tmp`;
  // Debian's Go library folder, without modules: the library as the distribution ships it.
  execFileSync("go", ["build", "-o", tmp, "."], {
    cwd: SOURCE,
    env: { ...process.env, GO111MODULE: "off", GOPATH: "/usr/share/gocode", GOCACHE: join(dirname(BINARY), "go-cache"), GOFLAGS: "" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  renameSync(tmp, BINARY);
  return BINARY;
}

/** What yaml.v3 and Pulumi's config conversion make of each document: its JSON, or the error. */
export type GoReading = { json: string; error?: undefined } | { error: string; json?: undefined };

/** Read each YAML text as the Pulumi CLI does (one process for all of them). */
export function readWithYamlV3(texts: readonly string[]): GoReading[] {
  const out = execFileSync(yamlV3Binary(), ["docs"], { input: JSON.stringify(texts), maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString("utf8")) as GoReading[];
}

/** One config value as the language host receives it from the engine (before decryption). */
export interface EngineConfigEntry {
  /** The string the program gets (JSON for structured and non-string values). */
  text: string;
  /** Holds a `secure:` value (the key is listed in PULUMI_CONFIG_SECRET_KEYS). */
  secure: boolean;
  /** Structured (JSON object or list). */
  object: boolean;
}

/** The config of `stack` in the project `dir`, read by yaml.v3 as the CLI reads it. */
export function engineConfigOf(dir: string, stack: string): Record<string, EngineConfigEntry> {
  const out = execFileSync(yamlV3Binary(), ["config", dir, stack], { maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out.toString("utf8")) as Record<string, EngineConfigEntry>;
}
