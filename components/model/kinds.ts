/**
 * The connection kinds Polyaxon accepts (`V1ConnectionKind`, vents 0.7), grouped by the
 * schema type Polyaxon's runtime reads for them. Kind strings are exact and lower case.
 */

/** Volumes mounted into run pods; both can be the artifacts store. */
export const VOLUME_KINDS = ["host_path", "volume_claim"] as const;
/** Blob stores; their `schema.bucket` is a provider URL. All three can be the artifacts store. */
export const BUCKET_KINDS = ["s3", "gcs", "wasb"] as const;
/** Notifiers: configuration lives in the Secret under a key named exactly as the kind. */
export const NOTIFIER_KINDS = ["slack", "teams", "email", "discord", "mattermost", "pagerduty", "hipchat", "webhook"] as const;
/** Kinds with no typed schema: catalog entries whose secret/configMap/env reach the runs. */
export const GENERIC_KINDS = [
  "aws",
  "gcp",
  "azure",
  "mysql",
  "postgres",
  "oracle",
  "vertica",
  "sqlite",
  "mssql",
  "redis",
  "presto",
  "mongo",
  "cassandra",
  "hdfs",
  "hive_cli",
  "hive_metastore",
  "hive_server2",
  "pig_cli",
  "jdbc",
  "snowflake",
  "cloudant",
  "databricks",
  "ftp",
  "grpc",
  "http",
  "jenkins",
  "samba",
  "segment",
  "custom",
] as const;

/** Every kind, in Polyaxon's order of families. */
export const CONNECTION_KINDS = [...VOLUME_KINDS, ...BUCKET_KINDS, "git", "registry", "ssh", ...NOTIFIER_KINDS, ...GENERIC_KINDS] as const;

export type ConnectionKind = (typeof CONNECTION_KINDS)[number];
export type VolumeKind = (typeof VOLUME_KINDS)[number];
export type BucketKind = (typeof BUCKET_KINDS)[number];
export type NotifierKind = (typeof NOTIFIER_KINDS)[number];
export type GenericKind = (typeof GENERIC_KINDS)[number];

/** Kinds Polyaxon documents as valid artifacts stores (`artifact_values()`). */
export const ARTIFACTS_STORE_KINDS = [...VOLUME_KINDS, ...BUCKET_KINDS] as const;
export type ArtifactsStoreKind = (typeof ARTIFACTS_STORE_KINDS)[number];

/** True for kinds the chart and Polyaxon mount as a pod volume named after the connection. */
export function isVolumeKind(kind: string): kind is VolumeKind {
  return (VOLUME_KINDS as readonly string[]).includes(kind);
}
