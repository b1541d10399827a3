/**
 * Shared body of the ArtifactsStore and Connection components: one catalog entry, the
 * objects it provisions, and its entry in the Helm values.
 */
import * as pulumi from "@pulumi/pulumi";
import type { EntryPlan, PolyaxonEntry } from "./catalog.js";
import { createKubernetesObject, type SecretResolver } from "./kubernetes-object.js";

export interface CatalogEntryArgs {
  /** The entry and its objects, from `planAgent` (validated input only). */
  plan: EntryPlan;
  /** The entry as the plan's values hold it. */
  rendered: PolyaxonEntry;
  /** Resolves `secret.fromConfig` keys to Pulumi secrets. */
  secretValue: SecretResolver;
}

export abstract class CatalogEntryResource extends pulumi.ComponentResource {
  /** The entry as written into the agent's Helm values. */
  readonly entry: PolyaxonEntry;
  /** Ids (`Kind/namespace/name`) of the objects this entry created. */
  readonly objectIds: string[];
  /** The created Kubernetes resources. */
  readonly resources: pulumi.CustomResource[];

  protected constructor(type: string, name: string, args: CatalogEntryArgs, opts?: pulumi.ComponentResourceOptions) {
    super(type, name, {}, opts);
    this.entry = args.rendered;
    this.objectIds = args.plan.objects.map((o) => o.id);
    // Loops, not map callbacks, here and in Agent and runStack: the SDK records the whole
    // call stack of every resource it registers (formatted, parsed and sent to the engine),
    // and each frame between the program and the resource costs that once per resource.
    this.resources = [];
    for (const o of args.plan.objects) this.resources.push(createKubernetesObject(o, args.secretValue, { parent: this }));
    // No outputs of its own: the Agent's values carry every entry and its objectIds every
    // object; registering them again per entry doubled what the state holds and what the
    // engine serializes (the properties above stay for programs).
    this.registerOutputs({});
  }
}
