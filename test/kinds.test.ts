/**
 * The kind table against Polyaxon's own list: `V1ConnectionKind` (vents-io/vents
 * `vents/providers/kinds.py`, ProviderKind, vents 0.7). This is the one place the kinds are
 * written out a second time; everything else derives from CONNECTION_KINDS.
 */
import { strict as assert } from "node:assert";
import { ARTIFACTS_STORE_KINDS, CONNECTION_KINDS } from "../components/internal.js";

/** Polyaxon's 45 connection kinds, as vents declares them. */
const V1_CONNECTION_KIND = [
  "host_path",
  "volume_claim",
  "gcs",
  "s3",
  "wasb",
  "registry",
  "git",
  "aws",
  "azure",
  "gcp",
  "ssh",
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
  "ftp",
  "grpc",
  "hdfs",
  "http",
  "pig_cli",
  "hive_cli",
  "hive_metastore",
  "hive_server2",
  "jdbc",
  "jenkins",
  "samba",
  "snowflake",
  "cloudant",
  "databricks",
  "segment",
  "custom",
  "slack",
  "teams",
  "email",
  "discord",
  "mattermost",
  "pagerduty",
  "hipchat",
  "webhook",
];

describe("connection kinds", () => {
  it("are exactly Polyaxon's V1ConnectionKind values, each once", () => {
    assert.equal(new Set(CONNECTION_KINDS).size, CONNECTION_KINDS.length);
    assert.deepEqual([...CONNECTION_KINDS].sort(), [...V1_CONNECTION_KIND].sort());
  });

  it("allow as artifacts store exactly V1ConnectionKind.artifact_values(): mount and blob kinds", () => {
    assert.deepEqual([...ARTIFACTS_STORE_KINDS].sort(), ["gcs", "host_path", "s3", "volume_claim", "wasb"]);
  });
});
