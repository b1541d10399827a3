/**
 * The component package's Agent args: plain interfaces (no unions, maps for what depends
 * on `kind`), so that Pulumi's component analyzer infers a schema that Python, Go, C# and
 * YAML programs can write. They hold Polyaxon's own keys, as the TypeScript `AgentArgs`
 * do, and are validated at run time with the same rules and args-relative paths.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the component analyzer reads `{ [key: string]: any }` as a schema map */
import type { ConfigMapSpec, SecretSpec } from "../kinds/args.js";
import type { ClaimSpec } from "../kinds/components.js";

/**
 * A connection (or the artifacts store) in Polyaxon's connection spec: `kind` selects what
 * `schema` holds. A per-kind component's `catalogEntry` is one, for an Agent to render.
 */
export interface ConnectionSpec {
  /** Catalog name runs use to request the connection; unique across store and connections. */
  name: string;
  /** One of Polyaxon's 45 kinds: `s3`, `gcs`, `wasb`, `volume_claim`, `host_path`, `git`, `registry`, `slack`, `postgres`, ... (the store: one of the first five). */
  kind: string;
  /** The kind's schema, as in Polyaxon's spec: `{bucket: "s3://..."}`, `{url: "..."}`, `{volumeClaim, mountPath}`, ... @default unset */
  schema?: { [key: string]: any };
  /** Shown in Polyaxon's UI. @default unset */
  description?: string;
  /** Labels for searching the catalog. @default [] */
  tags?: string[];
  /** The Secret runs get with the connection; `stringData` takes secret values. @default unset: no Secret */
  secret?: SecretSpec;
  /** The ConfigMap runs get with the connection. @default unset: no ConfigMap */
  configMap?: ConfigMapSpec;
  /** volume_claim only: create the claim named by `schema.volumeClaim` (retained when removed). @default unset: the claim exists */
  pvc?: ClaimSpec;
  /** Extra env vars of runs that request the connection. @default {} */
  env?: { [key: string]: string };
  /** Annotations added to run pods that use the connection. @default {} */
  annotations?: { [key: string]: string };
  /** The chart never mounts an alias (one secret or volume shared by several entries). @default false */
  isAlias?: boolean;
}

/** The chart to deploy. */
export interface ChartSpec {
  /** Helm repository URL. @default "https://charts.polyaxon.com" */
  repo?: string;
  /** Chart name; `polyaxon` targets the CE platform chart. @default "agent" */
  name?: string;
  /** Chart version, pinned so that `pulumi up` is repeatable. @default "2.15.1" */
  version?: string;
}

/** The Secret holding the agent token (`POLYAXON_AUTH_TOKEN`). */
export interface AgentSecretSpec {
  /** Name of the Secret in the agent's namespace. */
  name: string;
  /** Create it: `{POLYAXON_AUTH_TOKEN: <secret config key>}`. @default unset: the Secret exists */
  fromConfig?: { [key: string]: string };
}
