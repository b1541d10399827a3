/**
 * Invalid catalogs: every problem reported at once, each naming the config path, the value
 * and the fix; valid catalogs of each kind family pass.
 */
import { strict as assert } from "node:assert";
import { configSourceFrom, type Diagnostic, errorsOf, formatDiagnostic, loadCatalog, warningsOf } from "../components/internal.js";

function diagnose(config: Record<string, unknown>, secretKeys: string[] = []): Diagnostic[] {
  return loadCatalog(configSourceFrom(config, secretKeys)).diagnostics;
}

/** The single error at `path`, failing with the whole list otherwise. */
function errorAt(diagnostics: Diagnostic[], path: string): Diagnostic {
  const found = errorsOf(diagnostics).filter((d) => d.path === path);
  assert.equal(found.length, 1, `expected one error at ${path}, got:\n${diagnostics.map(formatDiagnostic).join("\n")}`);
  return found[0]!;
}

const s3 = (name: string, extra: Record<string, unknown> = {}) => ({ name, kind: "s3", schema: { bucket: `s3://${name}` }, ...extra });

describe("catalog validation", () => {
  describe("kinds", () => {
    it("suggests the exact lower-case kind for a wrong kind", () => {
      const d = errorAt(diagnose({ connections: [{ name: "a", kind: "S3", schema: { bucket: "s3://a" } }] }), "polyaxon:connections[0].kind");
      assert.equal(d.got, '"S3"');
      assert.match(d.fix!, /use s3/);
    });

    it("ranks kind suggestions by edit distance, a swap of two letters being one edit", () => {
      for (const [typo, kind] of [
        ["gti", "git"],
        ["volume_clam", "volume_claim"],
        ["sl4ck", "slack"],
        ["psotgres", "postgres"],
        ["host-path", "host_path"],
      ]) {
        const d = errorAt(diagnose({ connections: [{ name: "a", kind: typo }] }), "polyaxon:connections[0].kind");
        assert.match(d.fix!, new RegExp(`^use ${kind}\\b`), `${typo}: ${d.fix}`);
      }
    });

    it("refuses annotation keys the Kubernetes API refuses, and accepts qualified ones", () => {
      const bad = ["", "a b", "../x", "Example.com/x", "/x", "x/", "-x", `${"a".repeat(64)}`, `${"a".repeat(250)}.com/x`];
      const good = ["team", "example.com/team", "a.b-c_d", "polyaxon.com/connection", `${"a".repeat(63)}`];
      const annotations = Object.fromEntries([...bad, ...good].map((k) => [k, "v"]));
      const errors = errorsOf(diagnose({ connections: [{ name: "a", kind: "postgres", annotations }] }));
      for (const key of bad)
        assert.ok(
          errors.some((d) => d.path === `polyaxon:connections[0].annotations.${key}` && /Kubernetes annotation key/.test(d.fix ?? "")),
          `${JSON.stringify(key)} refused`,
        );
      assert.equal(errors.length, bad.length, errors.map(formatDiagnostic).join("\n"));
    });

    it("points nfs users at volume_claim or host_path", () => {
      const d = errorAt(diagnose({ connections: [{ name: "a", kind: "nfs" }] }), "polyaxon:connections[0].kind");
      assert.match(d.fix!, /volume_claim.*host_path/);
    });

    it("refuses an artifacts store of kind git and says which kinds are allowed", () => {
      const d = errorAt(diagnose({ artifactsStore: { name: "store", kind: "git", schema: { url: "https://x" } } }), "polyaxon:artifactsStore.kind");
      assert.match(d.message, /cannot be an artifacts store/);
      assert.match(d.fix!, /host_path, volume_claim, s3, gcs, wasb/);
    });

    it("requires kind", () => {
      const d = errorAt(diagnose({ connections: [{ name: "a" }] }), "polyaxon:connections[0].kind");
      assert.match(d.message, /required/);
    });
  });

  describe("schema by kind", () => {
    it("requires the bucket of an s3 connection", () => {
      const d = errorAt(diagnose({ connections: [{ name: "a", kind: "s3", schema: {} }] }), "polyaxon:connections[0].schema.bucket");
      assert.match(d.message, /required/);
    });

    it("requires the schema of a blob store", () => {
      errorAt(diagnose({ connections: [{ name: "a", kind: "gcs" }] }), "polyaxon:connections[0].schema");
    });

    const badBuckets: [string, string][] = [
      ["s3", "https://my-bucket.s3.amazonaws.com/data"],
      ["s3", "gs://my-bucket"],
      ["wasb", "az://"],
      ["wasb", "container-without-scheme"],
      ["gcs", "s3://my-bucket"],
      ["wasb", "wasbs://container/path"],
      ["wasb", "https://account.blob.core.windows.net/"],
    ];
    for (const [kind, bucket] of badBuckets) {
      it(`refuses ${kind} bucket ${bucket}`, () => {
        const d = errorAt(diagnose({ connections: [{ name: "a", kind, schema: { bucket } }] }), "polyaxon:connections[0].schema.bucket");
        assert.equal(d.got, JSON.stringify(bucket));
      });
    }

    it("accepts every bucket form Polyaxon accepts (clipped's WasbPath; fsspec's own schemes and bare buckets)", () => {
      const good: [string, string][] = [
        ["wasb", "wasbs://data@acct.blob.core.windows.net/x"],
        ["wasb", "wasb://data@acct.blob.core.windows.net"],
        ["wasb", "https://acct.blob.core.windows.net/data/x"],
        ["wasb", "az://data/x"],
        ["wasb", "abfs://data@acct.dfs.core.windows.net/x"],
        ["s3", "s3://b/prefix/"],
        ["s3", "s3a://b"],
        ["s3", "my-bucket"],
        ["gcs", "gs://b"],
        ["gcs", "gcs://b/x"],
        ["gcs", "my-bucket/prefix"],
      ];
      for (const [kind, bucket] of good) {
        assert.deepEqual(errorsOf(diagnose({ connections: [{ name: "a", kind, schema: { bucket } }] })), [], `${kind} ${bucket}`);
      }
    });

    it("refuses subPath with the reason and a way out", () => {
      const d = errorAt(
        diagnose({ connections: [{ name: "a", kind: "volume_claim", schema: { volumeClaim: "c", mountPath: "/c", subPath: "x" } }] }),
        "polyaxon:connections[0].schema.subPath",
      );
      assert.match(d.message, /unknown key `subPath`/);
      assert.match(d.fix!, /not a Polyaxon field/);
    });

    it("refuses a relative mountPath", () => {
      const d = errorAt(diagnose({ connections: [{ name: "a", kind: "host_path", schema: { hostPath: "/x", mountPath: "data" } }] }), "polyaxon:connections[0].schema.mountPath");
      assert.match(d.fix!, /absolute/);
    });

    it("checks PVC fields as the API server does: names, enums, quantities", () => {
      const claim = (pvc: Record<string, unknown>) => ({ connections: [{ name: "d", kind: "volume_claim", schema: { volumeClaim: "d", mountPath: "/d" }, pvc }] });
      for (const [pvc, field] of [
        [{ size: "10Gi", storageClassName: "Fast_SSD" }, "storageClassName"],
        [{ size: "10Gi", volumeName: "PV 1" }, "volumeName"],
        [{ size: "10Gi", volumeMode: "block" }, "volumeMode"],
        [{ size: "10Gi", accessModes: ["RWX"] }, "accessModes[0]"],
        [{ size: "10 GB" }, "size"],
        [{ size: "1.5.5Gi" }, "size"],
        [{ size: "0Gi" }, "size"],
      ] as [Record<string, unknown>, string][]) {
        errorAt(diagnose(claim(pvc)), `polyaxon:connections[0].pvc.${field}`);
      }
      for (const size of ["500Mi", "1.5Ti", "1e3", "100G", "+2Gi"]) {
        assert.deepEqual(errorsOf(diagnose(claim({ size, storageClassName: "fast-ssd.example.com", volumeMode: "Block", volumeName: "pv-1" }))), [], size);
      }
    });

    it("refuses a registry without url and a pvc on a non-claim kind", () => {
      const ds = diagnose({
        connections: [
          { name: "r", kind: "registry", schema: {} },
          { name: "h", kind: "host_path", schema: { hostPath: "/x", mountPath: "/x" }, pvc: { size: "1Gi" } },
        ],
      });
      errorAt(ds, "polyaxon:connections[0].schema.url");
      errorAt(ds, "polyaxon:connections[1].pvc");
    });
  });

  describe("entries", () => {
    it("refuses an unknown key, naming it without echoing its value", () => {
      const d = errorAt(diagnose({ connections: [s3("a", { bukket: "s3://a" })] }), "polyaxon:connections[0].bukket");
      assert.equal(d.got, undefined);
    });

    it("never echoes a value typed into a secret reference", () => {
      const ds = diagnose({ connections: [s3("a", { secret: { name: "s", data: { KEY: "hunter2-canary" } } })] });
      const d = errorAt(ds, "polyaxon:connections[0].secret.data");
      assert.match(d.fix!, /fromConfig/);
      assert.doesNotMatch(ds.map(formatDiagnostic).join("\n"), /hunter2-canary/);
    });

    it("refuses a secret given as a bare string", () => {
      const d = errorAt(diagnose({ connections: [s3("a", { secret: "my-secret" })] }), "polyaxon:connections[0].secret");
      assert.match(d.fix!, /\{name: my-secret\}|mapping/);
    });

    it("refuses an integer defaultMode and explains YAML's octal", () => {
      const d = errorAt(diagnose({ connections: [s3("a", { secret: { name: "s", mountPath: "/s", defaultMode: 384 } })] }), "polyaxon:connections[0].secret.defaultMode");
      assert.match(d.fix!, /"0600"/);
    });

    it("refuses the Kubernetes list form of env", () => {
      const d = errorAt(diagnose({ connections: [s3("a", { env: [{ name: "A", value: "1" }] })] }), "polyaxon:connections[0].env");
      assert.match(d.fix!, /mapping/);
    });

    it("refuses a name used twice, the artifacts store included", () => {
      const ds = diagnose({ artifactsStore: s3("data"), connections: [s3("other"), s3("data")] });
      const d = errorAt(ds, "polyaxon:connections[1].name");
      assert.match(d.message, /already used by polyaxon:artifactsStore/);
    });

    it("refuses tags given as a comma string", () => {
      errorAt(diagnose({ connections: [s3("a", { tags: "x,y" })] }), "polyaxon:connections[0].tags");
    });
  });

  describe("cross references", () => {
    it("refuses mountConnections that name nothing, an alias, the store, or twice", () => {
      const ds = diagnose({
        artifactsStore: s3("store"),
        connections: [s3("data"), s3("alias", { isAlias: true })],
        mountConnections: ["dta", "alias", "store", "data", "data"],
      });
      assert.match(errorAt(ds, "polyaxon:mountConnections[0]").fix!, /did you mean data/);
      assert.match(errorAt(ds, "polyaxon:mountConnections[1]").message, /alias/);
      assert.match(errorAt(ds, "polyaxon:mountConnections[2]").message, /always mounted/);
      assert.match(errorAt(ds, "polyaxon:mountConnections[4]").message, /twice/);
    });

    it("refuses a Secret created by two entries", () => {
      const secret = { name: "shared", fromConfig: { K: "k" } };
      const db = (name: string) => ({ name, kind: "mysql", secret });
      const ds = diagnose({ connections: [db("a"), db("b")] }, ["polyaxon:k"]);
      assert.match(errorAt(ds, "polyaxon:connections[1].secret").message, /already created by polyaxon:connections\[0\]\.secret/);
    });

    it("requires the secret config keys to be set, and set encrypted", () => {
      const source = configSourceFrom({ connections: [s3("a", { secret: { name: "s", fromConfig: { A: "setKey", B: "missingKey" } } })] }, []);
      const withKeys = { ...source, keys: () => [...source.keys(), "polyaxon:setKey"], isSecure: () => false };
      const ds = loadCatalog(withKeys).diagnostics;
      assert.match(errorAt(ds, "polyaxon:connections[0].secret.fromConfig.B").fix!, /pulumi config set --secret polyaxon:missingKey/);
      assert.match(errorAt(ds, "polyaxon:connections[0].secret.fromConfig.A").message, /plain text/);
    });

    it("refuses items that a created Secret does not have", () => {
      const ds = diagnose({ connections: [s3("a", { secret: { name: "s", items: ["B"], fromConfig: { A: "k" } } })] }, ["polyaxon:k"]);
      errorAt(ds, "polyaxon:connections[0].secret.items[0]");
    });

    it("keeps the agent token out of the values", () => {
      const ds = diagnose({ agent: { values: { agent: { token: "abc" }, connections: [] } } });
      assert.match(errorAt(ds, "polyaxon:agent.values.agent.token").fix!, /agentSecret/);
      errorAt(ds, "polyaxon:agent.values.connections");
      assert.doesNotMatch(ds.map(formatDiagnostic).join("\n"), /abc/);
    });

    it("warns about polyaxon:* keys nothing uses", () => {
      const source = configSourceFrom({ connections: [] });
      const ds = loadCatalog({ ...source, keys: () => ["polyaxon:conections"] }).diagnostics;
      const w = warningsOf(ds).find((d) => d.path === "polyaxon:conections");
      assert.match(w!.fix!, /did you mean polyaxon:connections/);
    });
  });

  it("reports every problem at once, across the store, connections and agent", () => {
    const ds = diagnose({
      namespace: "Team_A",
      artifactsStore: { name: "store", kind: "git" },
      connections: [{ name: "a", kind: "S3", schema: { bucket: "s3://a" } }, { name: "b", kind: "s3", schema: {} }, s3("c", { extra: 1 })],
      agent: { release: "Bad Release" },
    });
    const paths = errorsOf(ds)
      .map((d) => d.path)
      .sort();
    assert.deepEqual(paths, [
      "polyaxon:agent.release",
      "polyaxon:artifactsStore.kind",
      "polyaxon:connections[0].kind",
      "polyaxon:connections[1].schema.bucket",
      "polyaxon:connections[2].extra",
      "polyaxon:namespace",
    ]);
  });

  it("reports cross-field problems among the entries that parsed, next to the others' errors", () => {
    const ds = diagnose({
      connections: [s3("a"), { name: "broken", kind: "s4" }, s3("a")],
      mountConnections: ["broken", "missing"],
    });
    assert.deepEqual(
      errorsOf(ds).map((d) => d.path),
      ["polyaxon:connections[1].kind", "polyaxon:connections[2].name", "polyaxon:mountConnections[1]"],
    );
  });

  it("accepts one valid entry of every kind family", () => {
    const ds = diagnose({
      artifactsStore: { name: "store", kind: "volume_claim", schema: { volumeClaim: "store", mountPath: "/store" }, pvc: { size: "10Gi" } },
      connections: [
        { name: "hp", kind: "host_path", schema: { hostPath: "/mnt", mountPath: "/mnt", readOnly: true } },
        s3("s3"),
        { name: "gcs", kind: "gcs", schema: { bucket: "gs://b" }, secret: { name: "g", mountPath: "/plx-context/.gc" } },
        { name: "git", kind: "git" },
        { name: "ssh", kind: "ssh", secret: { name: "key", mountPath: "/root/.ssh", defaultMode: "0600" } },
        { name: "reg", kind: "registry", schema: { url: "r.example.com", insecure: true } },
        { name: "slack", kind: "slack", secret: { name: "slack" } },
        { name: "db", kind: "snowflake", schema: { account: "x" }, env: { SNOWFLAKE_ROLE: "r" } },
      ],
      mountConnections: ["hp"],
    });
    assert.deepEqual(errorsOf(ds), []);
  });
});
