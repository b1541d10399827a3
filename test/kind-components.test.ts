/**
 * The per-kind components: a Pulumi component package other languages can add (the SDK's
 * analyzer infers its schema from their args), each usable on its own and inside an Agent.
 */
import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import {
  Agent,
  BUCKET_KINDS,
  BucketConnectionKind,
  GENERIC_KINDS,
  GenericConnectionKind,
  GitConnection,
  NOTIFIER_KINDS,
  NotifierConnectionKind,
  VolumeClaimConnection,
} from "../components/internal.js";
import { isSecretValue, plainTextOf, registered, resetRegistered, setConfig, settled, valueOf } from "./helpers/pulumi-mocks.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Analyzer } = require("@pulumi/pulumi/provider/experimental/analyzer");

const PROVIDER = join(PROJECT_ROOT, "provider");
const COMPONENTS = ["BucketConnection", "VolumeClaimConnection", "HostPathConnection", "GitConnection", "RegistryConnection", "NotifierConnection", "GenericConnection"];

describe("per-kind components", function () {
  this.timeout(120000);

  it("form a component package: the SDK's analyzer infers every component with typed inputs", () => {
    const pkg = JSON.parse(readFileSync(join(PROVIDER, "package.json"), "utf8"));
    const { components, typeDefinitions } = new Analyzer(PROVIDER, "polyaxon", pkg, new Set(COMPONENTS)).analyze();
    assert.deepEqual(Object.keys(components).sort(), [...COMPONENTS].sort());
    const bucket = components.BucketConnection.inputs;
    assert.equal(bucket.bucket.type, "string");
    assert.equal(bucket.kind.$ref, "#/types/polyaxon:index:BucketConnectionKind");
    assert.deepEqual(
      typeDefinitions.BucketConnectionKind.enum.map((m: { value: string }) => m.value),
      ["s3", "gcs", "wasb"],
    );
    assert.equal(components.VolumeClaimConnection.inputs.pvc.$ref, "#/types/polyaxon:index:ClaimSpec");
    assert.ok(typeDefinitions.SecretSpec.properties.stringData, "Secret data as inputs");
    assert.ok(components.GitConnection.outputs.catalogEntry, "the catalog entry is an output");
  });

  it("offer exactly the kinds of the model's kind table", () => {
    assert.deepEqual(Object.values(BucketConnectionKind), [...BUCKET_KINDS]);
    assert.deepEqual(Object.values(NotifierConnectionKind), [...NOTIFIER_KINDS]);
    assert.deepEqual(Object.values(GenericConnectionKind), [...GENERIC_KINDS]);
  });

  it("provision their objects on their own and expose the catalog entry", async () => {
    resetRegistered();
    setConfig({}, { "polyaxon-connections:githubToken": "CANARY-ghtoken-9d2f7c" });
    const cfg = new pulumi.Config();
    const cluster = { providers: { kubernetes: new k8s.Provider("cluster", { context: "team" }) } };
    const git = new GitConnection(
      "code",
      {
        name: "code",
        namespace: "team",
        url: "https://github.com/acme/ml",
        secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: cfg.requireSecret("githubToken") } },
      },
      cluster,
    );
    const data = new VolumeClaimConnection("data", { name: "data", namespace: "team", volumeClaim: "data", mountPath: "/data", pvc: { size: "50Gi" } }, cluster);
    await settled([git, data]);
    await Promise.all([valueOf(git.objectIds), valueOf(data.objectIds)]);
    assert.deepEqual(await valueOf(git.catalogEntry), { name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" }, secret: { name: "git-token" } });
    assert.deepEqual(await valueOf(data.objectIds), ["PersistentVolumeClaim/team/data"]);
    const secret = registered.find((r) => r.type === "kubernetes:core/v1:Secret")!;
    assert.equal(secret.name, "team/git-token");
    assert.ok(isSecretValue(secret.inputs.stringData) || Object.values(secret.inputs.stringData as object).every(isSecretValue));
    assert.doesNotMatch(plainTextOf(registered.map((r) => r.inputs)), /CANARY/);
    assert.ok(registered.find((r) => r.type === "kubernetes:core/v1:PersistentVolumeClaim")!.retainOnDelete);
  });

  it("compose into an Agent, which renders their entries and creates nothing twice", async () => {
    resetRegistered();
    setConfig({});
    const provider = new k8s.Provider("cluster", { context: "team" });
    const git = new GitConnection(
      "code",
      { name: "code", namespace: "team", secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: pulumi.secret("x") } } },
      { provider },
    );
    const agent = new Agent("team", { namespace: "team", connections: [git, { name: "db", kind: "postgres", secret: { name: "pg" } }] });
    await settled([git, agent, ...agent.connections.flatMap((c) => [c, ...c.resources]), agent.artifactsStore]);
    await valueOf(git.objectIds);
    assert.deepEqual((agent.values as { connections: unknown[] }).connections, [
      { name: "code", kind: "git", secret: { name: "git-token" } },
      { name: "db", kind: "postgres", secret: { name: "pg" } },
    ]);
    assert.equal(registered.filter((r) => r.type === "kubernetes:core/v1:Secret").length, 1);
  });

  it("refuse to create objects without a Kubernetes provider, before registering anything", () => {
    resetRegistered();
    setConfig({});
    assert.throws(
      () => new GitConnection("code", { name: "code", namespace: "team", secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: pulumi.secret("x") } } }),
      (err: Error) => /code: creates Secret\/team\/git-token but names no Kubernetes provider/.test(err.message) && /providers: \{kubernetes: provider\}/.test(err.message),
    );
    assert.equal(registered.length, 0);
    // A connection that creates nothing needs none; a parent's provider counts.
    new GitConnection("ref", { name: "ref", namespace: "team", secret: { name: "existing" } });
    const parent = new pulumi.ComponentResource("test:index:Parent", "p", {}, { providers: { kubernetes: new k8s.Provider("c", {}) } });
    new GitConnection("child", { name: "child", namespace: "team", secret: { name: "t", stringData: { POLYAXON_GIT_CREDENTIALS: pulumi.secret("x") } } }, { parent });
  });

  it("are checked on their own, against no store: any name is theirs to take", async () => {
    resetRegistered();
    setConfig({});
    // Names an invented or default store would hold: a store the component does not have cannot clash.
    for (const name of ["unused-store", "default-artifacts-store"]) {
      const c = new GitConnection(name, { name, namespace: "team", url: "https://github.com/acme/ml" });
      assert.deepEqual(await valueOf(c.catalogEntry), { name, kind: "git", schema: { url: "https://github.com/acme/ml" } });
    }
  });

  it("throw before registering anything when their args are invalid", () => {
    resetRegistered();
    setConfig({});
    assert.throws(
      () => new VolumeClaimConnection("bad", { name: "Bad_Name", volumeClaim: "data", mountPath: "relative", pvc: { size: "ten" } }),
      (err: Error) => /^error connections\[0\]\.name:/m.test(err.message) && /schema\.mountPath/.test(err.message) && /pvc\.size/.test(err.message),
    );
    assert.equal(registered.length, 0);
  });
});
