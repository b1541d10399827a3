/**
 * The artifacts store must be writable: Polyaxon mounts the store with its `readOnly`
 * setting in every run (and in the gateway), and runs write their outputs, logs and
 * events there. A read-only store makes every run fail to save anything.
 */
import type { Diagnostic } from "../model/diagnostics.js";
import { type CheckInput, error, pathsOf } from "./input.js";

export function checkStoreWritable(config: CheckInput): Diagnostic[] {
  const store = config.artifactsStore;
  if (!store || !("readOnly" in store.schema) || store.schema.readOnly !== true) return [];
  return [
    error(
      "store-read-only",
      `${pathsOf(config).artifactsStore}.schema.readOnly`,
      "the artifacts store is mounted read-only in every run, so no run could write its outputs, logs or events",
      {
        got: "true",
        fix: "remove readOnly from the store; to share read-only data with runs, add it as a connection with readOnly: true",
      },
    ),
  ];
}
