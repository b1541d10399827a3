/**
 * Names: unique across the catalog, and DNS-1123 wherever they become Kubernetes names.
 */
import { isVolumeKind } from "../model/kinds.js";
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import { type CheckInput, error } from "./input.js";
import { isMapping } from "../model/mapping.js";
import { DNS_LABEL } from "../model/primitives.js";

/** Names are unique across the artifacts store and all connections (Polyaxon's AgentConfig rule). */
export function checkUniqueNames(config: CheckInput): Diagnostic[] {
  // Entries that did not parse count too: a duplicate is reported in the same run as their own problems.
  const named = [
    ...config.entries.map(({ entry, path }) => ({ name: entry.name as unknown, path })),
    ...(config.unparsedEntries ?? []).map(({ raw, path }) => ({ name: (raw as { name?: unknown } | undefined)?.name, path })),
  ].sort((a, b) => entryOrder(a.path) - entryOrder(b.path));
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { name, path } of named) {
    if (typeof name !== "string") continue;
    const first = seen.get(name);
    if (first) {
      out.push(
        error("unique-name", `${path}.name`, `the name is already used by ${first}`, {
          got: showValue(name),
          fix: "give each connection (and the artifacts store) its own name",
        }),
      );
    } else seen.set(name, path);
  }
  return out;
}

/** The store first, then connections in their order (by the index that ends the path). */
function entryOrder(path: string): number {
  const index = /\[(\d+)\]$/.exec(path);
  return index ? Number(index[1]) : -1;
}

/** Why a name is not a DNS-1123 label, or undefined when it is one. */
export function labelProblem(name: string): string | undefined {
  if (name.length > 63) return `is ${name.length} characters long; the limit is 63`;
  if (!DNS_LABEL.test(name)) return "is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending alphanumeric)";
  return undefined;
}

/** A suggested label for a name: lower case, other characters as '-'. */
function asLabel(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 63) || "my-name"
  );
}

/** What the Kubernetes-name rule reads of an entry (also of one that did not parse). */
interface NamedEntry {
  name: string;
  kind: string;
  secret?: { name: string; mountPath?: string };
  configMap?: { name: string; mountPath?: string };
}

/**
 * Host-path and volume-claim connections are mounted as volumes named after the connection
 * (by Polyaxon in run pods, by the chart in the gateway pod); a mounted Secret or ConfigMap
 * gives the volume its own name. Volume names are DNS-1123 labels.
 */
function kubernetesNameProblems(entry: NamedEntry, path: string): Diagnostic[] {
  const names: [string, string, string][] = [];
  if (isVolumeKind(entry.kind)) names.push([`${path}.name`, entry.name, "it names the pod volume of this mount"]);
  if (entry.secret?.mountPath) names.push([`${path}.secret.name`, entry.secret.name, "a mounted Secret names its pod volume"]);
  if (entry.configMap?.mountPath) {
    names.push([`${path}.configMap.name`, entry.configMap.name, "a mounted ConfigMap names its pod volume"]);
  }
  return names.flatMap(([at, name, reason]) => {
    const problem = labelProblem(name);
    return problem ? [error("k8s-name", at, `${problem}; ${reason}`, { got: showValue(name), fix: `rename it, e.g. ${asLabel(name)}` })] : [];
  });
}

export function checkKubernetesNames(config: CheckInput): Diagnostic[] {
  return config.entries.flatMap(({ entry, path }) => kubernetesNameProblems(entry, path));
}

/** A `{name, mountPath}` reference as written, when it has a string name. */
function rawReference(v: unknown): { name: string; mountPath?: string } | undefined {
  if (!isMapping(v) || typeof v.name !== "string") return undefined;
  return { name: v.name, ...(typeof v.mountPath === "string" ? { mountPath: v.mountPath } : {}) };
}

/**
 * The name rule on an entry that failed to parse (its schema errors are already reported),
 * so that one run lists every problem of the entry.
 */
export function checkUnparsedEntryNames(raw: unknown, path: string): Diagnostic[] {
  if (!isMapping(raw) || typeof raw.name !== "string" || typeof raw.kind !== "string") return [];
  const secret = rawReference(raw.secret);
  const configMap = rawReference(raw.configMap);
  return kubernetesNameProblems({ name: raw.name, kind: raw.kind, ...(secret ? { secret } : {}), ...(configMap ? { configMap } : {}) }, path);
}
