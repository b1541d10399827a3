/**
 * Plain argument interfaces shared by the per-kind components: no unions but string
 * literals, so that Pulumi's component analyzer can infer a package schema from them and
 * Python, Go, C# and YAML programs can use the components.
 */
import type * as pulumi from "@pulumi/pulumi";

/** A connection's Secret (Polyaxon's `secret`), and where its data comes from. */
export interface SecretSpec {
  /** Name of the Kubernetes Secret; also the volume name when mounted. */
  name: string;
  /** Mount the Secret read-only at this path (`secret.mountPath`). @default unset: its keys become env vars */
  mountPath?: string;
  /** Keys to expose (env vars, or the volume's items). @default every key */
  items?: string[];
  /** Volume file mode, octal digits such as "0600" (`secret.defaultMode`). @default Kubernetes' "0644" */
  defaultMode?: string;
  /**
   * Create the Secret with these keys and values (kept as Pulumi secrets). Unset, with no
   * `fromConfig` either: the Secret already exists. @default unset
   */
  stringData?: { [key: string]: pulumi.Input<string> };
  /** Create the Secret from Pulumi secret config: Secret key → config key. @default unset */
  fromConfig?: { [key: string]: string };
}

/** A connection's ConfigMap (Polyaxon's `configMap`). */
export interface ConfigMapSpec {
  /** Name of the Kubernetes ConfigMap. */
  name: string;
  /** Mount it read-only at this path (`configMap.mountPath`). @default unset: its keys become env vars */
  mountPath?: string;
  /** Keys to expose. @default every key */
  items?: string[];
  /** Create the ConfigMap with these plain values. @default unset: it already exists */
  data?: { [key: string]: string };
}

/** Where a standalone connection's objects go. */
export interface PlacementArgs {
  /**
   * Namespace of the agent that reads the connection. It decides what is created, so it must
   * be known first: from another language an Output already known is taken, in TypeScript
   * an Output is refused with a diagnostic (pass the name as a string). @default "polyaxon"
   */
  namespace?: pulumi.Input<string>;
  /** Other namespaces where runs execute: Secrets and ConfigMaps are created there too. @default [] */
  additionalNamespaces?: string[];
  /** Helm release of the agent, for the objects' labels. @default "polyaxon-agent" */
  release?: string;
}

/** Fields every connection has (Polyaxon's connection spec). */
export interface CommonArgs extends PlacementArgs {
  /** Catalog name runs use to request the connection (Polyaxon's `name`). */
  name: string;
  /** Shown in Polyaxon's UI (`description`). @default unset */
  description?: string;
  /** Polyaxon's `tags`. @default [] */
  tags?: string[];
  /** The Secret runs get with the connection (`secret`). @default unset: no Secret */
  secret?: SecretSpec;
  /** The ConfigMap runs get with the connection (`configMap`). @default unset: no ConfigMap */
  configMap?: ConfigMapSpec;
  /** Annotations added to run pods that use the connection (`annotations`). @default {} */
  annotations?: { [key: string]: string };
}

// Enums as the component analyzer reads them (a const object and its value type); a test
// holds each against the model's kind table.

/** Kinds of a BucketConnection. */
export const BucketConnectionKind = { s3: "s3", gcs: "gcs", wasb: "wasb" } as const;
export type BucketConnectionKind = (typeof BucketConnectionKind)[keyof typeof BucketConnectionKind];

/** Kinds of a GitConnection. */
export const GitConnectionKind = { git: "git", ssh: "ssh" } as const;
export type GitConnectionKind = (typeof GitConnectionKind)[keyof typeof GitConnectionKind];

/** Kinds of a NotifierConnection. */
export const NotifierConnectionKind = {
  slack: "slack",
  teams: "teams",
  email: "email",
  discord: "discord",
  mattermost: "mattermost",
  pagerduty: "pagerduty",
  hipchat: "hipchat",
  webhook: "webhook",
} as const;
export type NotifierConnectionKind = (typeof NotifierConnectionKind)[keyof typeof NotifierConnectionKind];

/** Kinds of a GenericConnection. */
export const GenericConnectionKind = {
  aws: "aws",
  gcp: "gcp",
  azure: "azure",
  mysql: "mysql",
  postgres: "postgres",
  oracle: "oracle",
  vertica: "vertica",
  sqlite: "sqlite",
  mssql: "mssql",
  redis: "redis",
  presto: "presto",
  mongo: "mongo",
  cassandra: "cassandra",
  hdfs: "hdfs",
  hive_cli: "hive_cli",
  hive_metastore: "hive_metastore",
  hive_server2: "hive_server2",
  pig_cli: "pig_cli",
  jdbc: "jdbc",
  snowflake: "snowflake",
  cloudant: "cloudant",
  databricks: "databricks",
  ftp: "ftp",
  grpc: "grpc",
  http: "http",
  jenkins: "jenkins",
  samba: "samba",
  segment: "segment",
  custom: "custom",
} as const;
export type GenericConnectionKind = (typeof GenericConnectionKind)[keyof typeof GenericConnectionKind];

/** Access modes of a claim. */
export const ClaimAccessMode = { ReadWriteOnce: "ReadWriteOnce", ReadOnlyMany: "ReadOnlyMany", ReadWriteMany: "ReadWriteMany", ReadWriteOncePod: "ReadWriteOncePod" } as const;
export type ClaimAccessMode = (typeof ClaimAccessMode)[keyof typeof ClaimAccessMode];

/** Volume modes of a claim. */
export const ClaimVolumeMode = { Filesystem: "Filesystem", Block: "Block" } as const;
export type ClaimVolumeMode = (typeof ClaimVolumeMode)[keyof typeof ClaimVolumeMode];
