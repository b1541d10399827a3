/**
 * Deterministic YAML: mapping keys sorted, no line folding, so the same catalog gives the
 * same bytes whatever the key order in the config, and PR diffs show only real changes.
 */
import { stringify } from "yaml";

export function toYaml(value: unknown): string {
  return stringify(value, { sortMapEntries: true, lineWidth: 0, aliasDuplicateObjects: false });
}
