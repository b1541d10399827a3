/**
 * Names: unique across the catalog, and DNS-1123 wherever they become Kubernetes names.
 */
import { isVolumeKind } from "../../spec/kinds.js";
import { type Diagnostic, showValue } from "../diagnostics.js";
import { type CheckInput, entriesWithPaths, error } from "./input.js";

/** Names are unique across the artifacts store and all connections (Polyaxon's AgentConfig rule). */
export function checkUniqueNames(config: CheckInput): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    const first = seen.get(entry.name);
    if (first) {
      out.push(
        error("unique-name", `${path}.name`, `the name is already used by ${first}`, {
          got: showValue(entry.name),
          fix: "give each connection (and the artifacts store) its own name",
        }),
      );
    } else seen.set(entry.name, path);
  }
  return out;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Why a name is not a DNS-1123 label, or undefined when it is one. */
export function labelProblem(name: string): string | undefined {
  if (name.length > 63) return `is ${name.length} characters long; the limit is 63`;
  if (!DNS_LABEL.test(name)) return "is not a DNS-1123 label (lower-case letters, digits and '-', starting and ending alphanumeric)";
  return undefined;
}

/** A suggested label for a name: lower case, other characters as '-'. */
function asLabel(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63) || "my-name";
}

/**
 * Host-path and volume-claim connections are mounted as volumes named after the connection
 * (by Polyaxon in run pods, by the chart in the gateway pod); a mounted Secret or ConfigMap
 * gives the volume its own name. Volume names are DNS-1123 labels.
 */
export function checkKubernetesNames(config: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { entry, path } of entriesWithPaths(config)) {
    const names: [string, string, string][] = [];
    if (isVolumeKind(entry.kind)) names.push([`${path}.name`, entry.name, "it names the pod volume of this mount"]);
    if (entry.secret?.mountPath) names.push([`${path}.secret.name`, entry.secret.name, "a mounted Secret names its pod volume"]);
    if (entry.configMap?.mountPath) {
      names.push([`${path}.configMap.name`, entry.configMap.name, "a mounted ConfigMap names its pod volume"]);
    }
    for (const [at, name, reason] of names) {
      const problem = labelProblem(name);
      if (problem) {
        out.push(
          error("k8s-name", at, `${problem}; ${reason}`, {
            got: showValue(name),
            fix: `rename it, e.g. ${asLabel(name)}`,
          }),
        );
      }
    }
  }
  return out;
}
