/**
 * The typed arguments of the Agent component, for Pulumi programs: the catalog in
 * Polyaxon's own format (`kind` selects each entry's type, so a wrong schema is a compile
 * error), Secret data as `pulumi.Input<string>`, and the release settings. The same
 * validation as `validate` runs on them, before anything is registered.
 */
import * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { agentConfig, artifactsStoreEntry, connectionEntry, secretRef } from "./catalog.js";
import { type Catalog, type ConfigPath, type Diagnostic, loadCatalog } from "./catalog.js";
import { CatalogError } from "./catalog-error.js";
import type { SecretResolver } from "./kubernetes-object.js";
import { ProgramValue } from "./model/secret-sources.js";
import { PulumiConfigReader } from "./pulumi-config.js";

/**
 * A connection's Secret: an existing one (`name` only), one the stack creates (from
 * `stringData`, from Pulumi config with `fromConfig`, or the typed helpers), or one the
 * External Secrets Operator syncs (`external`). Polyaxon's own keys (`mountPath`, `items`,
 * ...) as in its connection spec.
 */
export type SecretArgs = Omit<z.input<typeof secretRef>, "stringData"> & {
  /**
   * Create the Secret with these keys and values, e.g. `cfg.requireSecret("s3Key")`. They
   * stay Pulumi secrets (encrypted in the state) and never reach the Helm values.
   */
  stringData?: Record<string, pulumi.Input<string>>;
};

/** Each entry type of the union, with `SecretArgs` as its `secret`. */
type WithSecretArgs<E> = E extends unknown ? Omit<E, "secret"> & { secret?: SecretArgs } : never;

/** A connection of any kind; `kind` selects its `schema` type. */
export type ConnectionEntryArgs = WithSecretArgs<z.input<typeof connectionEntry>>;
/** The artifacts store: host_path, volume_claim, s3, gcs or wasb. */
export type ArtifactsStoreEntryArgs = WithSecretArgs<z.input<typeof artifactsStoreEntry>>;

type ReleaseSettings = z.input<typeof agentConfig>;

/**
 * A connection whose objects a per-kind component already provisions (e.g. a
 * GitConnection): the Agent takes its entry as rendered, references only.
 */
export interface ProvisionedConnection {
  agentConnection(): ConnectionEntryArgs;
}

const isProvisioned = (c: ConnectionEntryArgs | ProvisionedConnection): c is ProvisionedConnection => typeof (c as Partial<ProvisionedConnection>).agentConnection === "function";

/** Arguments of `new Agent(name, args)`. */
export interface AgentArgs {
  /**
   * Namespace of the agent and of every object it creates. The catalog is planned from it
   * before anything is registered, so an Output (a Namespace's name) is refused with a
   * diagnostic naming it: pass the name as a string. @default "polyaxon"
   */
  namespace?: pulumi.Input<string>;
  /** The artifacts store. @default the chart's host_path store (/tmp/artifactsStore), with a warning */
  artifactsStore?: ArtifactsStoreEntryArgs;
  /**
   * The catalog, in Polyaxon's own format, or per-kind components (a GitConnection, ...),
   * whose objects they provision themselves. @default []
   */
  connections?: (ConnectionEntryArgs | ProvisionedConnection)[];
  /** Names of the connections the agent's gateway pod mounts. @default [] */
  mountConnections?: string[];
  /** Helm release name of the agent. @default "polyaxon-agent" */
  release?: ReleaseSettings["release"];
  /** Also install the chart with `helm.v3.Release`; otherwise only the values are produced. @default false */
  deploy?: ReleaseSettings["deploy"];
  /** The chart: `{repo, name, version}`; `name: "polyaxon"` targets the CE platform chart. @default {"repo":"https://charts.polyaxon.com","name":"agent","version":"2.15.1"} */
  chart?: ReleaseSettings["chart"];
  /** `agent.instance` (`<org>.<agent-uuid>`). @default unset */
  instance?: ReleaseSettings["instance"];
  /** The Secret holding `POLYAXON_AUTH_TOKEN`: `{name}`, or `{name, fromConfig: {POLYAXON_AUTH_TOKEN: <config key>}}` to create it. @default unset */
  agentSecret?: ReleaseSettings["agentSecret"];
  /** Other namespaces where runs execute (`agent.additionalNamespaces`). @default [] */
  additionalNamespaces?: ReleaseSettings["additionalNamespaces"];
  /** Extra chart values, merged under the catalog's. @default {} */
  values?: ReleaseSettings["values"];
  /**
   * The extra chart values hold secrets (a database password): the values, the release and
   * the outputs are then Pulumi secrets. @default false
   */
  secretValues?: boolean;
}

/** The arguments as the catalog loader reads them, and the resolver of their secret values. */
export interface PreparedAgent {
  catalog: Catalog;
  secretValue: SecretResolver;
  /** Outputs given in the chart values, by the placeholder that stands for each in the catalog. */
  valueOutputs?: ReadonlyMap<string, pulumi.Input<unknown>>;
}

/**
 * Validate typed arguments as `validate` does; throws a CatalogError listing every problem
 * (paths as in `args`), so that nothing is registered from invalid input.
 */
export function prepareAgent(args: AgentArgs, config = new PulumiConfigReader()): PreparedAgent {
  const unknown = unresolvedInputs(args);
  if (unknown.length > 0) throw new CatalogError(unknown);
  // Each stringData value enters the catalog wrapped, so that validation sees a value given by the program.
  const withProgramValues = (entry: ArtifactsStoreEntryArgs | ConnectionEntryArgs | undefined): unknown => {
    if (!entry?.secret?.stringData) return entry;
    const stringData = Object.fromEntries(Object.entries(entry.secret.stringData).map(([k, v]) => [k, new ProgramValue(v)]));
    return { ...entry, secret: { ...entry.secret, stringData } };
  };
  const { namespace, artifactsStore, connections, mountConnections, secretValues, values, ...release } = args;
  // Outputs inside the chart values stand in as placeholders while the catalog is checked.
  const valueOutputs = new Map<string, pulumi.Input<unknown>>();
  const catalog: Record<string, unknown> = {
    namespace,
    artifactsStore: withProgramValues(artifactsStore),
    connections: connections?.map((c) => (isProvisioned(c) ? c.agentConnection() : withProgramValues(c))),
    mountConnections,
    agent: { ...release, ...(values === undefined ? {} : { values: withPlaceholders(values, valueOutputs) }) },
  };
  const { catalog: loaded, diagnostics } = loadCatalog({
    value: (key) => catalog[key],
    keys: () => config.keys(),
    isSecure: (key) => config.isSecure(key),
    secretValue: (key) => config.secretValue(key),
    securePaths: (key): ConfigPath[] => (key === "agent" && secretValues ? [["values"]] : []),
    // Messages name the args: `connections[0].schema`; the release settings are the args themselves.
    keyPath: (key) => (key === "agent" ? "" : key),
  });
  if (!loaded) throw new CatalogError(diagnostics.map(atArgs));
  return {
    catalog: { ...loaded, warnings: loaded.warnings.filter((w) => w.rule !== "unused-config-key").map(atArgs) },
    secretValue: (key) => config.secret(key),
    valueOutputs,
  };
}

/** `<output N>`: where an Output given in the chart values stands until the deployment resolves it. */
const placeholderOf = (n: number) => `<output ${n}>`;

/** `values` with each Output or promise in it replaced by a placeholder, remembered in `outputs`. */
function withPlaceholders(values: unknown, outputs: Map<string, pulumi.Input<unknown>>): unknown {
  if (pulumi.Output.isInstance(values) || values instanceof Promise) {
    const placeholder = placeholderOf(outputs.size + 1);
    outputs.set(placeholder, values);
    return placeholder;
  }
  if (Array.isArray(values)) return values.map((v) => withPlaceholders(v, outputs));
  if (typeof values !== "object" || values === null) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, withPlaceholders(v, outputs)]));
}

/** The rendered values with each placeholder back as the Output it stands for (see withPlaceholders). */
export function withValueOutputs(values: Record<string, unknown>, outputs: ReadonlyMap<string, pulumi.Input<unknown>>): Record<string, unknown> {
  const put = (v: unknown): unknown => {
    if (typeof v === "string") return outputs.get(v) ?? v;
    if (Array.isArray(v)) return v.map(put);
    if (typeof v !== "object" || v === null) return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, put(x)]));
  };
  return put(values) as Record<string, unknown>;
}

/**
 * Every problem of `args`, errors and warnings, as `validate` reports them (paths as in
 * `args`), without registering anything; empty errors mean `new Agent(name, args)` succeeds.
 */
export function validateAgentArgs(args: AgentArgs, config = new PulumiConfigReader()): Diagnostic[] {
  try {
    return prepareAgent(args, config).catalog.warnings;
  } catch (err) {
    if (err instanceof CatalogError) return [...err.diagnostics];
    throw err;
  }
}

/** A diagnostic about the args as a whole (the release settings' own path is ""). */
const atArgs = (d: Diagnostic): Diagnostic => (d.path === "" ? { ...d, path: "args" } : d);

/**
 * Outputs and promises where the catalog must be known before anything is registered (all
 * but `secret.stringData`, which takes Inputs, and what lies inside the chart values): one
 * diagnostic each, instead of a failure deep inside validation.
 */
function unresolvedInputs(args: AgentArgs): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (value: unknown, path: string): void => {
    if (pulumi.Output.isInstance(value) || value instanceof Promise) {
      found.push({
        severity: "error",
        rule: "type",
        path,
        message: `is a Pulumi ${value instanceof Promise ? "promise" : "Output"}, known only once the deployment runs; the catalog is validated and planned before anything is created`,
        fix: "pass a plain value (a secret value goes into secret.stringData, which takes Inputs; Outputs may stand inside the chart values, not for them as a whole)",
      });
      return;
    }
    if (typeof value !== "object" || value === null || isProvisioned(value as ConnectionEntryArgs)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === "stringData" && path.endsWith(".secret")) continue;
      // Outputs inside the chart values go to the release as they are (the values as a whole must be a mapping).
      if (path === "values" && typeof child === "object") continue;
      visit(child, Array.isArray(value) ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`);
    }
  };
  visit(args, "");
  return found;
}
