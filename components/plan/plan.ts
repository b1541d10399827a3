/**
 * Catalogs → everything a `pulumi up` of the stack creates: per agent, the values, the
 * objects grouped by the component that owns them, and the optional agent Helm release.
 * The CLI renders this plan to files; the Pulumi components register exactly this plan.
 */
import type { StackModel } from "../load/catalog.js";
import type { Catalog } from "../load/catalog.js";
import type { EntryPlan, PlannedObject } from "./objects.js";
import { gatewayObjectIds, rolloutVersion, withRolloutAnnotation } from "./rollout.js";
import { renderValues } from "./values.js";
import { toYaml } from "../load/yaml.js";

/** The agent chart release, when `agent.deploy` is set. */
export interface ReleasePlan {
  name: string;
  namespace: string;
  chart: string;
  repo: string;
  version: string;
  /** Created objects whose changes roll the gateway pod (see rollout.ts); the values carry their digest. */
  rolloutFrom: string[];
}

export interface AgentPlan {
  release: string;
  namespace: string;
  values: Record<string, unknown>;
  valuesYaml: string;
  /** The values hold secret config: whatever is derived from them must stay secret. */
  valuesFromSecrets: boolean;
  artifactsStore: EntryPlan;
  connections: EntryPlan[];
  /** Objects of the agent itself (its token Secret). */
  agentObjects: PlannedObject[];
  helmRelease?: ReleasePlan;
  /** Every object, sorted by id. */
  objects: PlannedObject[];
}

/** Every agent of a stack, and all their objects in one sorted list. */
export interface StackPlan {
  agents: AgentPlan[];
  objects: PlannedObject[];
}

const byId = (a: PlannedObject, b: PlannedObject) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function planStack(stack: StackModel): StackPlan {
  const agents = stack.agents.map(planAgent);
  return { agents, objects: agents.flatMap((a) => a.objects).sort(byId) };
}

/** One agent's plan. */
export function planAgent(catalog: Catalog): AgentPlan {
  // The objects were planned while the catalog was validated (validate/input.ts).
  const artifactsStore: EntryPlan = { name: catalog.artifactsStore.name, entry: catalog.artifactsStore, objects: catalog.objects.artifactsStore };
  const connections = catalog.connections.map((entry, i) => ({ name: entry.name, entry, objects: catalog.objects.connections[i]! }));
  const agentObjects = [...catalog.objects.agent];
  const objects = [artifactsStore, ...connections]
    .flatMap((e) => e.objects)
    .concat(agentObjects)
    .sort(byId);
  const { agent } = catalog;
  const rolloutFrom = agent.deploy ? gatewayObjectIds(artifactsStore, connections, catalog.mountConnections, catalog.namespace) : [];
  const rendered = renderValues(catalog);
  const values =
    rolloutFrom.length === 0
      ? rendered
      : withRolloutAnnotation(
          rendered,
          rolloutVersion(
            objects.filter((o) => rolloutFrom.includes(o.id)),
            catalog.storedVersion,
          ),
        );
  return {
    release: agent.release,
    namespace: catalog.namespace,
    values,
    valuesYaml: toYaml(values),
    valuesFromSecrets: catalog.valuesFromSecrets === true,
    artifactsStore,
    connections,
    agentObjects,
    objects,
    ...(agent.deploy
      ? {
          helmRelease: {
            name: agent.release,
            namespace: catalog.namespace,
            chart: agent.chart.name,
            repo: agent.chart.repo,
            version: agent.chart.version,
            rolloutFrom,
          },
        }
      : {}),
  };
}
