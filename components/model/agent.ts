/**
 * `polyaxon:agent` — the agent Helm release that reads one namespace's catalog.
 */
import { z } from "zod";
import { configKeyRef, k8sName } from "./resources.js";
import { DNS_LABEL } from "./primitives.js";

/** A DNS-1123 label: namespaces, Helm release names. */
export const dnsLabel = z.string({ error: "must be a string" }).max(63, { error: "must be at most 63 characters" }).regex(DNS_LABEL, {
  error: "must be a DNS-1123 label (lower-case letters, digits and '-'; start and end alphanumeric)",
});

/** Default chart coordinates: the official agent chart, pinned. */
export const DEFAULT_CHART = {
  repo: "https://charts.polyaxon.com",
  name: "agent",
  version: "2.15.1",
} as const;

/** The official chart to deploy. */
export const chartRef = z.strictObject({
  repo: z.string().url().default(DEFAULT_CHART.repo).meta({ description: "Helm repository URL." }),
  name: z.string().min(1).default(DEFAULT_CHART.name).meta({ description: "Chart name." }),
  version: z.string().min(1).default(DEFAULT_CHART.version).meta({ description: "Chart version, pinned so that `pulumi up` is repeatable." }),
});

/**
 * Secret with the agent token (key `POLYAXON_AUTH_TOKEN`), rendered as the chart's
 * `agentSecret`. The token never enters the Helm values.
 */
export const agentSecretRef = z.strictObject(
  {
    name: k8sName.meta({ description: "Name of the Secret in the agent namespace." }),
    fromConfig: z
      .strictObject({ POLYAXON_AUTH_TOKEN: configKeyRef })
      .optional()
      .meta({ description: "Create the Secret: `POLYAXON_AUTH_TOKEN` → Pulumi secret config key. Unset → the Secret already exists." }),
  },
  { error: "must be a mapping {name: <secret>} naming the Secret that holds POLYAXON_AUTH_TOKEN" },
);

/** Name of the official CE platform chart (`polyaxon/polyaxon`): it runs its own agent. */
export const PLATFORM_CHART_NAME = "polyaxon";

/**
 * Chart values only the CE platform chart reads; Polyaxon's deploy check
 * (`polyaxon admin deploy --check`, `DeploymentConfig` in polyaxon/cli
 * `cli/polyaxon/_deploy/schemas/deployment.py`) rejects them for the agent chart.
 */
export const PLATFORM_ONLY_KEYS = [
  "organizationKey",
  "ui",
  "postgresql",
  "redis",
  "rabbitmq",
  "broker",
  "email",
  "ldap",
  "intervals",
  "metrics",
  "scheduler",
  "compiler",
  "worker",
  "beat",
  "flower",
  "user",
  "platformSecret",
  "encryptionSecret",
] as const;

/** The chart an agent's release targets: the agent chart, or the CE platform chart. */
export type ChartTarget = "agent" | "platform";

export function chartTarget(chart: { name: string }): ChartTarget {
  return chart.name === PLATFORM_CHART_NAME ? "platform" : "agent";
}

/** The agent release. */
export const agentConfig = z.strictObject({
  release: dnsLabel
    .max(53, { error: "must be at most 53 characters (Helm release names)" })
    .default("polyaxon-agent")
    .meta({ description: "Helm release name; also the values file name (`values/<release>.yaml`)." }),
  deploy: z.boolean().default(false).meta({ description: "Deploy the chart with `helm.v3.Release`; false → only the values are produced." }),
  chart: chartRef.prefault({}).meta({ description: "Chart coordinates." }),
  instance: z.string().min(1).optional().meta({ description: "`agent.instance`: `<org>.<agent-uuid>` from Polyaxon's UI." }),
  agentSecret: agentSecretRef.optional().meta({ description: "The token's Secret (`agentSecret` in the values)." }),
  additionalNamespaces: z.array(dnsLabel).default([]).meta({ description: "`agent.additionalNamespaces`: other namespaces where runs execute." }),
  values: z.record(z.string(), z.unknown()).default({}).meta({
    description:
      "Extra chart values merged under ours (e.g. resources, nodeSelector). They may not set `artifactsStore`, `connections`, `mountConnections`, `agentSecret` or `agent.token`.",
  }),
});

export type AgentConfig = z.infer<typeof agentConfig>;
export type AgentConfigInput = z.input<typeof agentConfig>;
