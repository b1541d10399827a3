/**
 * References inside the catalog: mountConnections, objects created once, items that exist.
 */
import { type Diagnostic, showValue } from "../model/diagnostics.js";
import { closest } from "../model/suggest.js";
import { type CheckInput, error, pathsOf } from "./input.js";

/** `mountConnections` names existing, non-alias connections, once each. */
export function checkMountConnections(config: CheckInput): Diagnostic[] {
  const byName = new Map(config.connections.map((c) => [c.name, c]));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  config.mountConnections.forEach((name, i) => {
    const path = `${pathsOf(config).mountConnections}[${i}]`;
    const entry = byName.get(name);
    const got = showValue(name);
    if (seen.has(name)) {
      out.push(error("mount-connections", path, "listed twice", { got, fix: "list it once" }));
    } else if (config.artifactsStore?.name === name) {
      out.push(
        error("mount-connections", path, "the artifacts store is always mounted; the chart ignores it here", {
          got,
          fix: "remove it from mountConnections",
        }),
      );
    } else if (!entry && config.unparsedNames?.includes(name)) {
      // Its entry has errors of its own, reported already.
    } else if (!entry) {
      const near = closest(name, [...byName.keys()]);
      out.push(
        error("mount-connections", path, "no connection has this name (the chart would skip it silently)", {
          got,
          fix: near ? `did you mean ${near}?` : "name a connection declared in polyaxon:connections",
        }),
      );
    } else if (entry.isAlias) {
      out.push(
        error("mount-connections", path, "the connection is an alias (isAlias: true), which the chart never mounts", {
          got,
          fix: "mount the connection it aliases instead",
        }),
      );
    }
    seen.add(name);
  });
  return out;
}

/** Each created object is declared once: two declarations would fight over one object. */
export function checkProvisionedOnce(config: CheckInput): Diagnostic[] {
  const seen = new Map<string, string>();
  const out: Diagnostic[] = [];
  for (const { object, path, existence } of config.planned) {
    const first = seen.get(existence);
    const { kind, metadata } = object.manifest;
    const what = kind === "ExternalSecret" ? "Secret" : kind;
    if (first && first !== path) {
      out.push(
        error("provisioned-once", path, `${what} ${metadata.name} is already created by ${first}`, {
          fix: "declare its contents in one place and reference it by name elsewhere (drop the source keys, data or pvc here)",
        }),
      );
    } else if (!first) seen.set(existence, path);
  }
  return dedupe(out);
}

/** One diagnostic per path and message (an object planned in several namespaces clashes in each). */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const keys = new Set<string>();
  return ds.filter((d) => !keys.has(`${d.path}\0${d.message}`) && keys.add(`${d.path}\0${d.message}`));
}

/** `items` of a created Secret/ConfigMap must be keys it has. */
export function checkItemsExist(config: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const at of config.entries) {
    const { entry, path } = at;
    const configMapKeys = entry.configMap?.data ? new Set(Object.keys(entry.configMap.data)) : undefined;
    const resources = [["secret", entry.secret?.items, at.knownSecretKeys] as const, ["configMap", entry.configMap?.items, configMapKeys] as const];
    for (const [field, items, keys] of resources) {
      if (!items || !keys) continue;
      items.forEach((item, i) => {
        if (!keys.has(item)) {
          out.push(
            error("items-exist", `${path}.${field}.items[${i}]`, `the ${field} the stack creates has no key with this name`, {
              got: showValue(item),
              fix: `give the ${field} a key ${item}, or remove it from items`,
            }),
          );
        }
      });
    }
  }
  return out;
}
