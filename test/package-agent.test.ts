/**
 * The component package's Agent, as a Python program builds it: `Construct` over the wire
 * (the SDK's plugin runner, the engine stand-in), inputs named as the schema says, secrets as
 * the Python SDK sends them (output values marked secret), a per-kind component's
 * `catalogEntry` passed as an output. It must register what the TypeScript Agent registers
 * for the same catalog, with the same values file, and refuse bad input with the same
 * diagnostics.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { Agent, type AgentArgs, GitConnection, validateAgentArgs } from "../components/internal.js";
import { isSecretValue, unwrapSecrets } from "./helpers/engine/envelopes.js";
import { constructFor, plainTextAfterConstruct, type RunningPlugin, startPlugin } from "./helpers/engine/plugin.js";
import { EngineStandIn, OUTPUT_SIG, SIG_KEY } from "./helpers/engine/stand-in.js";
import { registered, resetRegistered, setConfig, settled, valueOf } from "./helpers/pulumi-mocks.js";
import { CANARY_PATTERN, PROJECT_ROOT } from "./helpers/stacks.js";

const canary = (what: string) => `CANARY-${what}-9d2f7c`;
/** A value as the Python SDK sends an Output: an output value, secret or not, with its dependencies. */
const output = (value: unknown, secret = false, dependencies: string[] = []) => ({ [SIG_KEY]: OUTPUT_SIG, ...(value === undefined ? {} : { value }), secret, dependencies });

/** The catalog both sides build: every kind of object, a mounted connection, Secret data and a secret in the chart values. */
function catalog(secretOf: (v: string) => unknown) {
  return {
    namespace: "team",
    artifactsStore: {
      name: "artifacts",
      kind: "s3",
      schema: { bucket: "s3://team-artifacts" },
      secret: { name: "artifacts-s3", stringData: { AWS_ACCESS_KEY_ID: secretOf(canary("s3-id")), AWS_SECRET_ACCESS_KEY: secretOf(canary("s3-key")) } },
    },
    connections: [
      { name: "data", kind: "volume_claim", schema: { volumeClaim: "data", mountPath: "/data" }, pvc: { size: "50Gi" } },
      { name: "db", kind: "postgres", secret: { name: "pg", stringData: { PGPASSWORD: secretOf(canary("pg")) } }, configMap: { name: "pg-settings", data: { PGHOST: "db.team" } } },
      { name: "alerts", kind: "slack", secret: { name: "slack", stringData: { slack: secretOf(`[{"url": "https://hooks.slack.com/services/${canary("slack")}"}]`) } } },
    ],
    mountConnections: ["data"],
    deploy: true,
    agentSecret: { name: "agent-token" },
    values: { gateway: { env: [{ name: "DB_URL", value: secretOf(canary("db-url")) }] } },
  };
}

/** Custom resources by `type name`, inputs with secrets unwrapped, and which are secret where. */
function objectsOf(regs: { type: string; name: string; inputs: Record<string, unknown> }[], custom: (r: { type: string }) => boolean) {
  const out = new Map<string, { inputs: unknown; secretData: boolean }>();
  for (const r of regs.filter(custom)) {
    const data = r.inputs.stringData as Record<string, unknown> | undefined;
    const secretData = data === undefined ? false : isSecretValue(data) || Object.values(data).every(isSecretValue);
    out.set(`${r.type} ${r.name}`, { inputs: unwrapSecrets(r.inputs), secretData });
  }
  return out;
}

const isObject = (r: { type: string }) => r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:providers:");

describe("the package's Agent, from another language", function () {
  this.timeout(180_000);
  let engine: EngineStandIn;
  let plugin: RunningPlugin;
  let consumer: string;

  before(async () => {
    engine = await EngineStandIn.start({ stack: "dev", project: "consumer", preview: false });
    consumer = mkdtempSync(join(tmpdir(), "plx-consumer-"));
    plugin = await startPlugin(join(PROJECT_ROOT, "provider"), consumer, engine.address);
  });

  after(async () => {
    await plugin?.stop();
    await engine?.stop();
    rmSync(consumer, { recursive: true, force: true });
  });

  const construct = (type: string, name: string, inputs: Record<string, unknown>, parent: { urn: string }, provider: { urn: string; id: string }) =>
    constructFor(plugin, engine.address, { type, name, inputs, parent, provider });

  it("registers the same objects and values as the TypeScript Agent for the same catalog", async () => {
    // Over the wire: a GitConnection, then an Agent taking its catalogEntry (and its namespace as a known output).
    const root = engine.seed("pulumi:pulumi:Stack", "consumer-dev");
    const provider = engine.seed("pulumi:providers:kubernetes", "cluster", root.urn, { context: "team" });
    const from = engine.recording.registrations.length;
    const gitInputs = {
      name: "code",
      namespace: "team",
      url: "https://github.com/acme/ml",
      secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: output(canary("git"), true) } },
    };
    const git = await construct("polyaxon:index:GitConnection", "code", gitInputs, root, provider);
    const wire = catalog((v) => output(v, true));
    const entry = (unwrapSecrets(git.state) as { catalogEntry: unknown }).catalogEntry;
    const agent = await construct(
      "polyaxon:index:Agent",
      "team",
      { ...wire, namespace: output("team", false, [root.urn]), connections: [output(entry, false, [git.urn]), ...wire.connections] },
      root,
      provider,
    );
    const overWire = engine.recording.registrations.slice(from);
    assert.deepEqual(engine.recording.violations, []);
    assert.equal(overWire.find((r) => r.urn === agent.urn)?.type, "polyaxon:index:Agent");

    // In TypeScript, on the SDK's mock engine.
    resetRegistered();
    setConfig({});
    const cluster = { providers: { kubernetes: new k8s.Provider("cluster", { context: "team" }) } };
    const tsGit = new GitConnection("code", { ...gitInputs, secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: pulumi.secret(canary("git")) } } }, cluster);
    const ts = catalog((v) => pulumi.secret(v)) as unknown as AgentArgs;
    const tsAgent = new Agent("team", { ...ts, connections: [tsGit, ...ts.connections!], secretValues: true }, cluster);
    await settled([tsGit, tsAgent, tsAgent.artifactsStore, ...tsAgent.artifactsStore.resources, ...tsAgent.connections.flatMap((c) => [c, ...c.resources]), tsAgent.release!]);

    const wireObjects = objectsOf(overWire, isObject);
    const tsObjects = objectsOf(registered, isObject);
    assert.deepEqual([...wireObjects.keys()].sort(), [...tsObjects.keys()].sort());
    assert.ok(wireObjects.size >= 7, `only ${wireObjects.size} objects`);
    for (const [key, o] of tsObjects) assert.deepEqual(wireObjects.get(key), o, key);

    const state = agent.state as Record<string, unknown>;
    assert.ok(isSecretValue(state.valuesYaml), "the values hold a secret: valuesYaml is a secret output");
    assert.equal(unwrapSecrets(state.valuesYaml), await valueOf(tsAgent.valuesOutput));
    assert.deepEqual((unwrapSecrets(state.objectIds) as string[]).sort(), [...tsAgent.objectIds].sort());
    const plain = plainTextAfterConstruct(
      engine,
      plugin,
      overWire.map((r) => r.inputs),
      agent.state,
    );
    assert.doesNotMatch(plain, CANARY_PATTERN);
  });

  it("refuses bad input with the TypeScript API's diagnostics, every problem at once, and registers nothing", async () => {
    const root = engine.seed("pulumi:pulumi:Stack", "consumer-dev-bad");
    const provider = engine.seed("pulumi:providers:kubernetes", "cluster-bad", root.urn);
    const bad = {
      namespace: "team",
      artifactsStore: { name: "store", kind: "git", schema: { url: "https://github.com/acme/ml" } },
      connections: [
        { name: "db", kind: "postgress" },
        { name: "data", kind: "volume_claim", schema: { volumeClaim: "Data_Claim", mountPath: "data" } },
      ],
      mountConnections: ["missing"],
    };
    setConfig({});
    const expected = validateAgentArgs(bad as unknown as AgentArgs).filter((d) => d.severity === "error");
    assert.ok(expected.length >= 4, JSON.stringify(expected));
    const from = engine.recording.registrations.length;
    await assert.rejects(construct("polyaxon:index:Agent", "bad", bad, root, provider), (err: Error) => {
      for (const d of expected) assert.ok(err.message.includes(`error ${d.path}: ${d.message}`), `${d.path}: ${d.message}\nin: ${err.message}`);
      return true;
    });
    assert.deepEqual(engine.recording.registrations.slice(from), [], "nothing registered");
  });

  it("refuses a secret where it would be written in clear, and a value not known yet, naming each", async () => {
    const root = engine.seed("pulumi:pulumi:Stack", "consumer-dev-leak");
    const provider = engine.seed("pulumi:providers:kubernetes", "cluster-leak", root.urn);
    const inputs = {
      namespace: output(undefined),
      connections: [
        { name: "db", kind: "postgres", description: output(canary("description"), true), secret: { name: "pg", stringData: { PGPASSWORD: output(canary("pg"), true) } } },
      ],
    };
    const from = engine.recording.registrations.length;
    await assert.rejects(construct("polyaxon:index:Agent", "leak", inputs, root, provider), (err: Error) => {
      assert.match(err.message, /namespace: not known yet/);
      assert.match(err.message, /connections\[0\]\.description: holds a secret value, but it is written in clear/);
      assert.doesNotMatch(err.message, /PGPASSWORD|CANARY/);
      return true;
    });
    assert.deepEqual(engine.recording.registrations.slice(from), [], "nothing registered");
  });
});
