/**
 * Rules across the agents of one stack: distinct releases, namespaces that are not run by
 * two agents unless shared on purpose, objects that no two agents create, and PVCs that
 * cannot follow runs into additional namespaces.
 */
import { type Diagnostic, showValue } from "../model/diagnostics.js";

import { type CheckInput, error, pathsOf, warning } from "./input.js";
import { configPathText } from "../load/secure-config.js";

function checkReleases(agents: CheckInput[]): Diagnostic[] {
  const seen = new Map<string, string>();
  return agents.flatMap((a) => {
    const at = configPathText(pathsOf(a).agent, ["release"]);
    const first = seen.get(a.agent.release);
    if (!first) {
      seen.set(a.agent.release, at);
      return [];
    }
    return [
      error("agents-form", at, `the release name is already used by ${first}`, {
        got: showValue(a.agent.release),
        fix: "give each agent its own release name (it also names its values file)",
      }),
    ];
  });
}

/** A namespace in the additionalNamespaces of two agents (or one's and another's own) is theirs to fight over. */
function checkRunNamespaces(agents: CheckInput[], shared: readonly string[]): Diagnostic[] {
  const owner = new Map<string, { path: string; additional: boolean }>();
  agents.forEach((a) => {
    if (!owner.has(a.namespace)) owner.set(a.namespace, { path: pathsOf(a).namespace, additional: false });
  });
  const out: Diagnostic[] = [];
  for (const a of agents) {
    a.agent.additionalNamespaces.forEach((ns, i) => {
      const at = configPathText(pathsOf(a).agent, ["additionalNamespaces", i]);
      const first = owner.get(ns);
      const ownMain = first?.path === pathsOf(a).namespace;
      if (first && !ownMain && !shared.includes(ns)) {
        out.push(
          error("agents-form", at, `runs of another agent already use this namespace (${first.path})`, {
            got: showValue(ns),
            fix: `give each agent its own run namespaces, or list ${ns} in polyaxon:sharedNamespaces if both agents should run there`,
          }),
        );
      } else if (!first) owner.set(ns, { path: at, additional: true });
    });
  }
  return out;
}

/** No two agents create the same object (same kind, namespace and name), as planned. */
function checkObjectsAcrossAgents(agents: CheckInput[]): Diagnostic[] {
  const seen = new Map<string, { path: string; agent: CheckInput }>();
  const out: Diagnostic[] = [];
  for (const a of agents) {
    for (const { path, existence } of a.planned) {
      const first = seen.get(existence);
      if (first && first.agent !== a) {
        const [kind, ns, name] = existence.split("/");
        out.push(
          error("provisioned-once", path, `${kind} ${ns}/${name} is already created by ${first.path}`, {
            fix: "let one agent's catalog create it and the other reference it by name (drop the source keys, data or pvc here)",
          }),
        );
      } else if (!first) seen.set(existence, { path, agent: a });
    }
  }
  return out;
}

/** PVCs live in one namespace: runs in additional namespaces cannot mount them. */
function checkClaimsAcrossNamespaces(agents: CheckInput[]): Diagnostic[] {
  return agents.flatMap((a) => {
    const extra = a.agent.additionalNamespaces;
    if (extra.length === 0) return [];
    return a.entries.flatMap(({ entry, path }) => {
      if (entry.kind !== "volume_claim") return [];
      if (entry.pvc) {
        return [
          error("pvc-namespaces", `${path}.pvc`, `the claim would exist in ${a.namespace} only; runs in ${extra.join(", ")} could not mount it`, {
            fix: "create the claim in each namespace outside this stack (bound to a shared ReadWriteMany volume) and drop pvc, or use a bucket",
          }),
        ];
      }
      return [
        warning("pvc-namespaces", `${path}.schema.volumeClaim`, `runs in ${extra.join(", ")} need a claim named ${entry.schema.volumeClaim} in their own namespace`, {
          fix: "make sure the claim exists in every namespace runs use",
        }),
      ];
    });
  });
}

export function checkAgents(agents: CheckInput[], shared: readonly string[]): Diagnostic[] {
  return [...checkReleases(agents), ...checkRunNamespaces(agents, shared), ...checkObjectsAcrossAgents(agents), ...checkClaimsAcrossNamespaces(agents)];
}
