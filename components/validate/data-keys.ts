/**
 * Mapping keys that are not data (`__proto__`, `constructor`, `prototype`, `<<`), anywhere
 * in the stack's config: see NOT_DATA_KEYS. Run on the config as the program receives it
 * (JSON from the engine) and as the offline reader gives it, so both refuse alike; under
 * `pulumi up` the CLI has merged a `<<` already, which `validate` still catches.
 */
import { STACK_KEYS } from "../model/stack.js";
import type { Diagnostic } from "../model/diagnostics.js";
import { type ConfigSource, keyPathOf } from "../load/catalog.js";
import { type ConfigPath, configPathText } from "../load/secure-config.js";
import { notDataKeyPaths } from "../load/yaml.js";
import { error } from "./input.js";

/** One error per such key of `value`, at `pathText` of its path. */
export function notDataKeyDiagnostics(value: unknown, pathText: (path: ConfigPath) => string): Diagnostic[] {
  return notDataKeyPaths(value).map((path) => {
    const name = String(path[path.length - 1]);
    return error("data-key", pathText(path), name === "<<" ? "is a YAML merge key" : `\`${name}\` is not a data key`, {
      fix: name === "<<" ? "write the merged fields out where they belong" : "rename the key; JavaScript reads it as an object's prototype machinery",
    });
  });
}

/** One error per such key of the stack's config, at its config path. */
export function checkDataKeys(source: ConfigSource): Diagnostic[] {
  return STACK_KEYS.flatMap((key) => notDataKeyDiagnostics(source.value(key), (path) => configPathText(keyPathOf(source, key), path)));
}
