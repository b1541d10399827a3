/**
 * What one stack renders to, in a form two renders can be compared by: catalog entries by
 * name, values per release, manifests by object id, and for each Secret a digest of the
 * config value behind each key (never the value itself).
 */
import { createHash } from "node:crypto";
import { type Diagnostic, errorsOf, loadStack, materialize, planStack, recipeKeys, redactedValue, type SecretRecipe } from "../../components/catalog.js";
import type { ProjectFiles } from "../project-files.js";
import { catalogFileReader, configSourceOf, isEncrypted, readStackFile, StackFileError } from "../stack-file.js";

export interface EntrySnapshot {
  role: "artifacts-store" | "connection";
  kind: string;
  /** The entry as configured (provisioning keys included; no secret value is ever in it). */
  entry: Record<string, unknown>;
}

export interface StackSnapshot {
  entries: Map<string, EntrySnapshot>;
  /** Values file content per release. */
  values: Map<string, string>;
  /** Manifests by `Kind/namespace/name`, Secret data redacted. */
  objects: Map<string, Record<string, unknown>>;
  /** Secret id → data key → digest of the (encrypted) config value feeding it. */
  secretDigests: Map<string, Map<string, string>>;
}

export type SnapshotResult = { snapshot: StackSnapshot; diagnostics: Diagnostic[] } | { snapshot?: undefined; diagnostics: Diagnostic[] };

/**
 * Digest of what feeds one Secret key: its recipe and the config values it reads, as stored
 * (ciphertext for `secure:` values). Compared, never shown.
 */
function digest(recipe: SecretRecipe, raw: Map<string, unknown>): string {
  const hash = createHash("sha256").update(JSON.stringify(recipe));
  for (const key of recipeKeys(recipe)) {
    const value = raw.get(key);
    hash.update("\0").update(isEncrypted(value) ? (value as { secure: string }).secure : JSON.stringify(value ?? null));
  }
  return hash.digest("hex");
}

export function snapshotStack(files: ProjectFiles, stack: string): SnapshotResult {
  let raw: Map<string, unknown>;
  try {
    raw = readStackFile(files, stack);
  } catch (err) {
    if (err instanceof StackFileError) return { diagnostics: err.diagnostics };
    throw err;
  }
  const { stack: model, diagnostics } = loadStack(configSourceOf(raw), { readFile: catalogFileReader(files) });
  if (!model || errorsOf(diagnostics).length > 0) return { diagnostics };
  const plan = planStack(model);
  const entries = new Map<string, EntrySnapshot>();
  // With several agents, an entry is named by its release too: each agent has its own catalog.
  const key = (release: string, name: string) => (model.agents.length > 1 ? `${release}/${name}` : name);
  for (const catalog of model.agents) {
    const release = catalog.agent.release;
    const store = catalog.artifactsStore;
    entries.set(key(release, store.name), { role: "artifacts-store", kind: store.kind, entry: store as Record<string, unknown> });
    for (const c of catalog.connections) entries.set(key(release, c.name), { role: "connection", kind: c.kind, entry: c as Record<string, unknown> });
  }
  const objects = new Map(plan.objects.map((o) => [o.id, materialize(o, redactedValue)]));
  const secretDigests = new Map(
    plan.objects.filter((o) => o.secretData).map((o) => [o.id, new Map(Object.entries(o.secretData!).map(([key, recipe]) => [key, digest(recipe, raw)]))]),
  );
  const values = new Map(plan.agents.map((a) => [a.release, a.valuesYaml]));
  return { snapshot: { entries, values, objects, secretDigests }, diagnostics };
}
