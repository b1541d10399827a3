/**
 * Shared body of the per-kind components: one connection, validated as `validate` would,
 * its objects provisioned, its catalog entry exposed; composable into an Agent, which then
 * renders the entry without provisioning its objects again. (Each component class extends
 * ComponentResource itself: Pulumi's component analyzer only recognises direct subclasses.)
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionArgs, prepareAgent, type PreparedAgent } from "../agent-args.js";
import { planAgent, toPolyaxonEntry } from "../catalog.js";
import { createKubernetesObject } from "../kubernetes-object.js";
import type { CommonArgs } from "./args.js";

/** Drop undefined fields, so that the entry holds only what was given. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The connection fields of `args` (placement left out) and its kind-specific ones. */
export function entryOf(args: CommonArgs, fields: Record<string, unknown>): ConnectionArgs {
  const { name, description, tags, secret, configMap, annotations } = args;
  return defined({ name, description, tags, secret, configMap, annotations, ...fields }) as ConnectionArgs;
}

/** A connection checked as one agent holding it: errors throw before anything is registered. */
export function prepareConnection(args: CommonArgs, connection: ConnectionArgs): PreparedAgent {
  return prepareAgent({
    ...defined({ namespace: args.namespace, release: args.release, additionalNamespaces: args.additionalNamespaces }),
    // A store of its own, so that the connection is checked, not the default store.
    artifactsStore: { name: "unused-store", kind: "s3", schema: { bucket: "s3://unused" } },
    connections: [connection],
  });
}

/** What a per-kind component exposes. */
export interface Provisioned {
  /** The entry as written into the agent's Helm values. */
  catalogEntry: pulumi.Output<{ [key: string]: any }>;
  /** Ids (`Kind/namespace/name`) of the objects the component created. */
  objectIds: pulumi.Output<string[]>;
}

/**
 * The entry each component renders (references only: its objects are provisioned), for an
 * Agent that takes the component. Kept outside the class: the analyzer would read a
 * property as an output, and its type is a union.
 */
const CONNECTIONS = new WeakMap<pulumi.ComponentResource, ConnectionArgs>();

export function connectionOf(component: pulumi.ComponentResource): ConnectionArgs {
  return CONNECTIONS.get(component)!;
}

/** Register the connection's objects under `parent`; its entry and object ids as outputs. */
export function provisionConnection(parent: pulumi.ComponentResource, prepared: PreparedAgent): Provisioned {
  const plan = planAgent(prepared.catalog).connections[0]!;
  const entry = toPolyaxonEntry(plan.entry);
  CONNECTIONS.set(parent, entry as ConnectionArgs);
  const resources = plan.objects.map((object) => createKubernetesObject(object, prepared.secretValue, { parent }));
  const ids = plan.objects.map((o) => o.id);
  return {
    catalogEntry: pulumi.output(entry) as unknown as pulumi.Output<{ [key: string]: any }>,
    // Known once every object is registered.
    objectIds: pulumi.all(resources.map((r) => r.urn)).apply(() => ids),
  };
}
