/**
 * Config values that Pulumi's reading of the stack file changed on their way to the
 * program: an unquoted YAML date arrives as Go's timestamp text (see load/pulumi-yaml.ts).
 * The offline commands read the file the same way, so both refuse it with one message.
 */
import { STACK_KEYS } from "../model/stack.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { type ConfigSource, keyPathOf } from "../load/catalog.js";
import { GO_TIME_TEXT } from "../load/pulumi-yaml.js";
import { type ConfigPath, configPathText } from "../load/secure-config.js";
import { error } from "./input.js";

/** Every config string that is Go's text of a YAML timestamp, at its path. */
export function checkPulumiScalars(source: ConfigSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  // One path, extended and shortened as the walk goes: a catalog has tens of thousands of nodes.
  const at: ConfigPath = [];
  const walk = (key: string, v: unknown) => {
    if (typeof v === "string") {
      if (GO_TIME_TEXT.test(v)) {
        out.push(
          error("pulumi-yaml", configPathText(keyPathOf(source, key), at), "is an unquoted YAML date, which Pulumi reads as a timestamp and hands the program as Go's text of it", {
            got: JSON.stringify(v),
            fix: `quote it in the stack file as you mean it, e.g. "${v.slice(0, 10)}"`,
          }),
        );
      }
      return;
    }
    if (typeof v !== "object" || v === null) return;
    for (const [k, x] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      at.push(k);
      walk(key, x);
      at.pop();
    }
  };
  for (const key of STACK_KEYS) {
    // Secret values are never shown, nor are they catalog text: only plain config is read.
    if ((source.securePaths?.(key) ?? []).some((p) => p.length === 0)) continue;
    walk(key, source.value(key));
  }
  return out;
}
