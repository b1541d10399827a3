/**
 * Each key of a Secret the stack creates is filled by one source: `stringData`,
 * `fromConfig` and the typed helpers combine, and a key filled twice would leave a value
 * unused without a word (plan/secret-recipes.ts keeps the first).
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { type CheckInput, error } from "./input.js";

export function checkSecretKeyOnce(config: CheckInput): Diagnostic[] {
  return config.entries.flatMap(({ path, created }) =>
    [...(created ?? [])].flatMap(([key, { at, alsoFilledAt }]) =>
      alsoFilledAt.map((other) =>
        error("secret-key-once", `${path}.secret.${other}`, `fills Secret key ${key}, which secret.${at} fills already`, {
          fix: `fill ${key} from one source: remove it from one of secret.${at} and secret.${other}`,
        }),
      ),
    ),
  );
}
