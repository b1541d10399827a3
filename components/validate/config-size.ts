/**
 * `pulumi up` hands the program the whole stack config in one environment variable,
 * `PULUMI_CONFIG` (the Node.js language host's `constructConfig`, pulumi/pulumi
 * sdk/nodejs/cmd/pulumi-language-nodejs), and Linux caps one environment string at
 * 128 KiB (`MAX_ARG_STRLEN`): past it the program cannot even start ("argument list too
 * long", pulumi/pulumi#8680). `validate` and `render` say so first, and advise the
 * catalog file well before it.
 */
import type { Diagnostic } from "../model/diagnostics.js";

import type { ConfigSource } from "../load/catalog.js";
import { error, warning } from "./input.js";
import { configKeyOf } from "../model/config-keys.js";

/** Linux's MAX_ARG_STRLEN (32 pages), counting `PULUMI_CONFIG=` and the final NUL. */
export const ENV_STRING_LIMIT = 128 * 1024;
/** Above this the stack is advised to move its catalog to a file: room for growth and secrets. */
export const ENV_STRING_ADVICE = 64 * 1024;

/**
 * The length of `PULUMI_CONFIG` for config `entries` (full key → the string the program
 * gets): keys in the host's `<namespace>:config:<name>` form, and Go's json.Marshal, which
 * also writes each '<', '>' and '&' as a six-byte \u escape.
 */
export function pulumiConfigBytes(entries: Iterable<[string, string]>): number {
  const bag: Record<string, string> = {};
  for (const [key, text] of entries) bag[key.replace(/^([^:]*):/, "$1:config:")] = text;
  const json = JSON.stringify(bag);
  return Buffer.byteLength(json) + 5 * (json.match(/[<>&]/g)?.length ?? 0);
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** Advice or refusal for a stack whose config makes a `PULUMI_CONFIG` of `bytes`. */
export function checkConfigSize(source: ConfigSource): Diagnostic[] {
  const bytes = source.environmentBytes?.();
  if (bytes === undefined || bytes <= ENV_STRING_ADVICE) return [];
  const inFile = source.value("catalogFile") !== undefined;
  const largest = () =>
    ["connections", "agents", "library", "artifactsStore", "agent"]
      .map((key) => ({ key, size: JSON.stringify(source.value(key) ?? null).length }))
      .sort((a, b) => b.size - a.size)[0]!.key;
  // With the catalog in a file already, what is left in config is mostly secret values.
  const path = configKeyOf(inFile ? "catalogFile" : largest());
  const secrets = source.keys().filter((k) => source.isSecure(k) === true).length;
  const fix = inFile
    ? `the catalog is in its file already; the rest is config itself, ${secrets} secret values among it: let such Secrets come from outside config (secret.external, the External Secrets Operator, or existing Secrets: secret: {name}), or share credentials between connections`
    : "move the catalog keys to a catalog file: write them (without polyaxon:) to catalogs/<stack>.yaml and set polyaxon:catalogFile: catalogs/<stack>.yaml; secret values stay in config (thousands of them: use secret.external or existing Secrets)";
  const what = `pulumi up passes the whole stack config to the program in one environment variable, ${kib(bytes)} here (secret values counted at their encrypted size)`;
  if (bytes + "PULUMI_CONFIG=".length + 1 > ENV_STRING_LIMIT) {
    return [error("config-size", path, `${what}: over Linux's ${kib(ENV_STRING_LIMIT)} limit, so the program cannot start ("argument list too long")`, { fix })];
  }
  return [warning("config-size", path, `${what}: over half of Linux's ${kib(ENV_STRING_LIMIT)} limit, past which the program cannot start`, { fix })];
}
