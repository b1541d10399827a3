/**
 * The Agent of the component package, for Python, Go, C# and YAML programs: the same
 * catalog, validation and resources as the TypeScript `Agent` (both call provisionAgent),
 * from args every Pulumi language can write (args.ts). Its class is named `Agent` for the
 * token `polyaxon:index:Agent`; the TypeScript API exports its own.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the component analyzer reads `{ [key: string]: any }` as a schema map */
import * as pulumi from "@pulumi/pulumi";
import { type AgentArgs as TypedAgentArgs, prepareAgent } from "../agent-args.js";
import { formatDiagnostic } from "../catalog.js";
import { provisionAgent } from "../provision-agent.js";
import type { AgentSecretSpec, ChartSpec, ConnectionSpec } from "./args.js";

/** Arguments of the package's Agent. */
export interface AgentArgs {
  /** Namespace of the agent and of every object it creates. @default "polyaxon" */
  namespace?: pulumi.Input<string>;
  /** The artifacts store: a host_path, volume_claim, s3, gcs or wasb entry. @default unset: the chart's host_path store (/tmp/artifactsStore), with a warning */
  artifactsStore?: pulumi.Input<ConnectionSpec>;
  /** The catalog: entries in Polyaxon's format, or per-kind components' `catalogEntry` (their objects exist already). @default [] */
  connections?: pulumi.Input<ConnectionSpec>[];
  /** Names of the connections the agent's gateway pod mounts. @default [] */
  mountConnections?: string[];
  /** Helm release name of the agent; also the values file's name. @default "polyaxon-agent" */
  release?: string;
  /** Also install the chart with `helm.v3.Release`; otherwise only the values are produced. @default false */
  deploy?: boolean;
  /** The chart. @default {"repo":"https://charts.polyaxon.com","name":"agent","version":"2.15.1"} */
  chart?: ChartSpec;
  /** `agent.instance`: `<org>.<agent-uuid>` from Polyaxon's UI. @default unset */
  instance?: string;
  /** The Secret holding `POLYAXON_AUTH_TOKEN`. @default unset */
  agentSecret?: AgentSecretSpec;
  /** Other namespaces where runs execute (`agent.additionalNamespaces`). @default [] */
  additionalNamespaces?: string[];
  /** Extra chart values, merged under the catalog's (they may not set the catalog's keys). @default {} */
  values?: { [key: string]: pulumi.Input<any> };
  /** The extra values hold secrets: the values, the release and the outputs are Pulumi secrets (also when `values` is given as a secret). @default false */
  secretValues?: boolean;
}

/** Token `polyaxon:index:Agent`: the agent of one namespace, its catalog's objects and values, and optionally the chart release. */
export class Agent extends pulumi.ComponentResource {
  /** The chart values (the values file as data). */
  readonly values: pulumi.Output<{ [key: string]: any }>;
  /** The values file, byte-identical to `render`'s `values/<release>.yaml`. */
  readonly valuesYaml: pulumi.Output<string>;
  /** Ids (`Kind/namespace/name`) of every object created. */
  readonly objectIds: pulumi.Output<string[]>;

  constructor(name: string, args: AgentArgs, opts?: pulumi.ComponentResourceOptions) {
    // The same fields as the TypeScript args, resolved by the provider (package/construct-inputs.ts); what a schema map cannot type is checked here.
    const prepared = prepareAgent(args as unknown as TypedAgentArgs);
    super("polyaxon:index:Agent", name, {}, opts);
    for (const w of prepared.catalog.warnings) pulumi.log.warn(formatDiagnostic(w), this);
    const { plan, released, valuesOutput } = provisionAgent(this, name, prepared);
    this.valuesYaml = valuesOutput;
    const values = pulumi.output(released);
    this.values = (plan.valuesFromSecrets ? pulumi.secret(values) : values) as unknown as pulumi.Output<{ [key: string]: any }>;
    this.objectIds = pulumi.output(plan.objects.map((o) => o.id));
    this.registerOutputs({ values: this.values, valuesYaml: this.valuesYaml, objectIds: this.objectIds });
  }
}
