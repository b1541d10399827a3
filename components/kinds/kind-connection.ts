/**
 * Shared body of the per-kind components: one connection, validated as `validate` would,
 * its objects provisioned, its catalog entry exposed; composable into an Agent, which then
 * renders the entry without provisioning its objects again. (Each component class extends
 * ComponentResource itself: Pulumi's component analyzer only recognises direct subclasses.)
 */
import * as pulumi from "@pulumi/pulumi";
import { type ConnectionEntryArgs, prepareAgent, type PreparedAgent } from "../agent-args.js";
import { type EntryPlan, formatDiagnostic, toPolyaxonEntry } from "../catalog.js";
import { createKubernetesObject } from "../kubernetes-object.js";
import type { ConnectionSpec } from "../package/args.js";
import type { CommonArgs } from "./args.js";

/** Drop undefined fields, so that the entry holds only what was given. */
export function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The connection fields of `args` (placement left out) and its kind-specific ones. */
export function entryOf(args: CommonArgs, fields: Record<string, unknown>): ConnectionEntryArgs {
  const { name, description, tags, secret, configMap, annotations } = args;
  return defined({ name, description, tags, secret, configMap, annotations, ...fields }) as ConnectionEntryArgs;
}

/** A checked connection and what it creates. */
export interface PreparedConnection {
  prepared: PreparedAgent;
  plan: EntryPlan;
}

/**
 * Thrown when a component would create Kubernetes objects without a provider given: they
 * would go to whatever cluster the ambient kubeconfig's current context names.
 */
export class NoClusterProviderError extends pulumi.RunError {}

/** A provider's package (`getPackage` is the SDK's, marked internal: read defensively). */
const packageOf = (p: pulumi.ProviderResource): string | undefined => (p as unknown as { getPackage?: () => string }).getPackage?.();

/** Whether `opts` name a Kubernetes provider: their own `provider`/`providers`, or their parent's. */
function namesKubernetesProvider(opts: pulumi.ComponentResourceOptions | undefined): boolean {
  if (!opts) return false;
  const providers = opts.providers === undefined ? [] : Array.isArray(opts.providers) ? opts.providers : Object.values(opts.providers);
  if ([opts.provider, ...providers].some((p) => p && (packageOf(p) ?? "kubernetes") === "kubernetes")) return true;
  return opts.parent?.getProvider("kubernetes:core/v1:Secret") !== undefined;
}

/**
 * A connection checked as one agent holding it, and planned: errors (and a missing
 * Kubernetes provider where it creates objects) throw before anything is registered.
 */
export function prepareConnection(name: string, args: CommonArgs, connection: ConnectionEntryArgs, opts?: pulumi.ComponentResourceOptions): PreparedConnection {
  const prepared = prepareAgent({
    ...defined({ namespace: args.namespace, release: args.release, additionalNamespaces: args.additionalNamespaces }),
    connections: [connection],
  });
  // The entry and its objects, as validated: no agent values are rendered for one connection.
  const { connections, objects } = prepared.catalog;
  const plan: EntryPlan = { name: connections[0]!.name, entry: connections[0]!, objects: objects.connections[0]! };
  if (plan.objects.length > 0 && !namesKubernetesProvider(opts)) {
    throw new NoClusterProviderError(
      `${name}: creates ${plan.objects.map((o) => o.id).join(", ")} but names no Kubernetes provider, so they would go to the cluster of the ambient kubeconfig's current context. ` +
        "Fix: pass the cluster's provider: {providers: {kubernetes: provider}} (from other languages, the providers resource option)",
    );
  }
  return { prepared, plan };
}

/** What a per-kind component exposes. */
export interface Provisioned {
  /** The entry as written into the agent's Helm values (an Agent's connection, from any language). */
  catalogEntry: pulumi.Output<ConnectionSpec>;
  /** Ids (`Kind/namespace/name`) of the objects the component created. */
  objectIds: pulumi.Output<string[]>;
}

/**
 * The entry each component renders (references only: its objects are provisioned), for an
 * Agent that takes the component. Kept outside the class: the analyzer would read a
 * property as an output, and its type is a union.
 */
const CONNECTIONS = new WeakMap<pulumi.ComponentResource, ConnectionEntryArgs>();

export function connectionOf(component: pulumi.ComponentResource): ConnectionEntryArgs {
  return CONNECTIONS.get(component)!;
}

/** Register the connection's objects under `parent`; its entry and object ids as outputs. */
export function provisionConnection(parent: pulumi.ComponentResource, { prepared, plan }: PreparedConnection): Provisioned {
  // The connection is checked on its own: the agent that takes it has its store, so the advice about a missing one is not the component's.
  for (const w of prepared.catalog.warnings) if (w.rule !== "default-store") pulumi.log.warn(formatDiagnostic(w), parent);
  const entry = toPolyaxonEntry(plan.entry);
  CONNECTIONS.set(parent, entry as ConnectionEntryArgs);
  const resources = plan.objects.map((object) => createKubernetesObject(object, prepared.secretValue, { parent }));
  const ids = plan.objects.map((o) => o.id);
  return {
    catalogEntry: pulumi.output(entry) as unknown as pulumi.Output<ConnectionSpec>,
    // Known once every object is registered.
    objectIds: pulumi.all(resources.map((r) => r.urn)).apply(() => ids),
  };
}
