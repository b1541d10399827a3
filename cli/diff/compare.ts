/**
 * Two snapshots of a stack → what changed: connections field by field, Kubernetes objects
 * (with the Secret keys whose value changed), and the values as a unified diff.
 */
import { createTwoFilesPatch } from "diff";
import { maskCredentials } from "../../components/catalog.js";
import type { EntrySnapshot, StackSnapshot } from "./snapshot.js";

export type Change = "added" | "removed" | "changed";

export interface FieldChange {
  path: string;
  /** JSON of the value before/after; plain config only (secret values are never in a snapshot). */
  before?: string;
  after?: string;
}

export interface EntryChange {
  name: string;
  kind: string;
  role: "artifacts-store" | "connection";
  change: Change;
  fields: FieldChange[];
}

export interface ObjectChange {
  id: string;
  change: Change;
  /** Manifest fields that changed (paths). */
  fields: string[];
  /** Secrets: keys whose value was added, removed or changed (compared by digest). */
  secretKeys: { key: string; change: Change }[];
}

export interface ValuesChange {
  release: string;
  change: Change;
  /** Unified diff of the values file. */
  patch: string;
}

export interface StackDiff {
  stack: string;
  status: Change | "unchanged";
  entries: EntryChange[];
  objects: ObjectChange[];
  values: ValuesChange[];
  /** E.g. the base did not validate. */
  notes: string[];
}

/** Leaves of a JSON value: path → JSON. Lists of scalars are one leaf (`tags`, `items`). */
export function flatten(value: unknown, prefix = "", out = new Map<string, string>()): Map<string, string> {
  const scalarList = Array.isArray(value) && value.every((v) => v === null || typeof v !== "object");
  if (value !== null && typeof value === "object" && !scalarList) {
    const pairs: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v]) : Object.entries(value);
    for (const [k, v] of pairs) flatten(v, prefix && !k.startsWith("[") ? `${prefix}.${k}` : `${prefix}${k}`, out);
    if (pairs.length === 0) out.set(prefix, JSON.stringify(value));
  } else out.set(prefix, JSON.stringify(maskCredentials(value)));
  return out;
}

function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  return paths.filter((p) => a.get(p) !== b.get(p)).map((path) => ({ path, ...(a.has(path) ? { before: a.get(path)! } : {}), ...(b.has(path) ? { after: b.get(path)! } : {}) }));
}

/** Keys of `a` and `b`, sorted, each tagged with how it changed (unchanged ones dropped). */
function keyed<T>(a: Map<string, T>, b: Map<string, T>, same: (x: T, y: T) => boolean): [string, Change][] {
  return [...new Set([...a.keys(), ...b.keys()])]
    .sort()
    .map((k): [string, Change | undefined] => [k, !a.has(k) ? "added" : !b.has(k) ? "removed" : same(a.get(k)!, b.get(k)!) ? undefined : "changed"])
    .filter((x): x is [string, Change] => x[1] !== undefined);
}

const sameMap = (x: Map<string, string>, y: Map<string, string>) => x.size === y.size && [...x].every(([k, v]) => y.get(k) === v);

/**
 * `inBase`/`inHead`: whether the stack file exists there (a stack that did not validate at
 * the base has no snapshot, yet removing it is a removal).
 */
export function compareStacks(
  stack: string,
  base: StackSnapshot | undefined,
  head: StackSnapshot | undefined,
  notes: string[] = [],
  inBase = base !== undefined,
  inHead = head !== undefined,
): StackDiff {
  const empty: StackSnapshot = { entries: new Map(), values: new Map(), objects: new Map(), secretDigests: new Map() };
  const a = base ?? empty;
  const b = head ?? empty;

  const sameEntry = (x: EntrySnapshot, y: EntrySnapshot) => x.role === y.role && sameMap(flatten(x.entry), flatten(y.entry));
  const entries = keyed(a.entries, b.entries, sameEntry).map(([name, change]): EntryChange => {
    const now = b.entries.get(name) ?? a.entries.get(name)!;
    return {
      name,
      kind: now.kind,
      role: now.role,
      change,
      fields: change === "changed" ? fieldChanges(a.entries.get(name)!.entry, b.entries.get(name)!.entry) : [],
    };
  });

  const objectIds = new Set([...a.objects.keys(), ...b.objects.keys()]);
  const objects: ObjectChange[] = [];
  for (const id of [...objectIds].sort()) {
    const [x, y] = [a.objects.get(id), b.objects.get(id)];
    const digestsA = a.secretDigests.get(id) ?? new Map<string, string>();
    const digestsB = b.secretDigests.get(id) ?? new Map<string, string>();
    const secretKeys = keyed(digestsA, digestsB, (p, q) => p === q).map(([key, change]) => ({ key, change }));
    if (!x || !y) objects.push({ id, change: x ? "removed" : "added", fields: [], secretKeys: [] });
    else {
      const fields = fieldChanges(x, y).map((f) => f.path);
      if (fields.length || secretKeys.length || !sameMap(digestsA, digestsB)) objects.push({ id, change: "changed", fields, secretKeys });
    }
  }

  const values = keyed(a.values, b.values, (x, y) => x === y).map(([release, change]): ValuesChange => {
    const file = `values/${release}.yaml`;
    const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, a.values.get(release) ?? "", b.values.get(release) ?? "", "", "", { context: 3 });
    return { release, change, patch: patch.split("\n").slice(1).join("\n") }; // drop the "====" rule
  });

  const changed = entries.length + objects.length + values.length > 0;
  const status = !inBase && inHead ? "added" : inBase && !inHead ? "removed" : changed ? "changed" : "unchanged";
  return { stack, status, entries, objects, values, notes };
}
