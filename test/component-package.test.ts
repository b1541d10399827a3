/**
 * The component package (provider/) as Pulumi starts it for a Python, Go, C# or YAML
 * program: the SDK's plugin runner in the consumer's folder (helpers/engine/plugin.ts),
 * `GetSchema` checked against Pulumi's package metaschema, and `Construct` of every
 * component with a secret input, its registrations seen by the engine stand-in.
 *
 * test/fixtures/pulumi-package-metaschema.json is pulumi/pulumi v3.248.0
 * `pkg/codegen/schema/pulumi.json`, unchanged.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { isSecretValue, unwrapSecrets } from "./helpers/engine/envelopes.js";
import { constructFor, plainTextAfterConstruct, type RunningPlugin, startPlugin } from "./helpers/engine/plugin.js";
import { EngineStandIn, SECRET_SIG, SIG_KEY } from "./helpers/engine/stand-in.js";
import { CANARY_PATTERN, PROJECT_ROOT } from "./helpers/stacks.js";

const PROVIDER = join(PROJECT_ROOT, "provider");
const METASCHEMA = JSON.parse(readFileSync(resolve(__dirname, "fixtures/pulumi-package-metaschema.json"), "utf8")) as object;

const secret = (value: string) => ({ [SIG_KEY]: SECRET_SIG, value });
const canary = (what: string) => `CANARY-${what}-9d2f7c`;

/** Each component's inputs as a program in another language sends them, a secret among them where it takes one. */
const CONSTRUCTS: Record<string, Record<string, unknown>> = {
  BucketConnection: {
    name: "datasets",
    namespace: "team",
    kind: "s3",
    bucket: "s3://datasets",
    secret: { name: "datasets-s3", stringData: { AWS_ACCESS_KEY_ID: secret(canary("s3-id")), AWS_SECRET_ACCESS_KEY: secret(canary("s3-key")) } },
  },
  VolumeClaimConnection: { name: "data", namespace: "team", volumeClaim: "data", mountPath: "/data", pvc: { size: "10Gi" } },
  HostPathConnection: { name: "scratch", namespace: "team", hostPath: "/scratch", mountPath: "/scratch", configMap: { name: "scratch-settings", data: { MODE: "fast" } } },
  GitConnection: {
    name: "code",
    namespace: "team",
    url: "https://github.com/acme/ml",
    secret: { name: "git-token", stringData: { POLYAXON_GIT_CREDENTIALS: secret(canary("git")) } },
  },
  RegistryConnection: {
    name: "images",
    namespace: "team",
    url: "registry.acme.io/ml",
    secret: { name: "docker-conf", mountPath: "/kaniko/.docker", stringData: { "config.json": secret(`{"auths": {"registry.acme.io": {"auth": "${canary("registry")}"}}}`) } },
  },
  NotifierConnection: {
    name: "team-slack",
    namespace: "team",
    kind: "slack",
    secret: { name: "slack", stringData: { slack: secret(`[{"url": "https://hooks.slack.com/services/${canary("slack")}"}]`) } },
  },
  GenericConnection: { name: "db", namespace: "team", kind: "postgres", secret: { name: "pg", stringData: { PGPASSWORD: secret(canary("pg")) } } },
};

describe("the component package, started as Pulumi starts it", function () {
  this.timeout(180_000);
  let engine: EngineStandIn;
  let plugin: RunningPlugin;
  let consumer: string;
  type Props = Record<string, { description?: string }>;
  let schema: {
    name: string;
    namespace?: string;
    resources: Record<string, { isComponent?: boolean; inputProperties: Props; requiredInputs?: string[] }>;
    types?: Record<string, { properties?: Props; required?: string[] }>;
  };

  before(async () => {
    engine = await EngineStandIn.start({ stack: "dev", project: "consumer", preview: false });
    consumer = mkdtempSync(join(tmpdir(), "plx-consumer-"));
    plugin = await startPlugin(PROVIDER, consumer, engine.address);
    schema = JSON.parse(await plugin.getSchema());
  });

  after(async () => {
    await plugin?.stop();
    await engine?.stop();
    rmSync(consumer, { recursive: true, force: true });
  });

  it("serves a schema valid against Pulumi's package metaschema, with its name and namespace", () => {
    const validate = new Ajv2020({ strict: false, allErrors: true, logger: false }).compile(METASCHEMA);
    assert.ok(validate(schema), JSON.stringify(validate.errors, null, 2));
    assert.equal(schema.name, "polyaxon");
    assert.equal(schema.namespace, "polyaxon-connections");
    assert.deepEqual(
      Object.keys(schema.resources).sort(),
      // The per-kind components, and the Agent (test/package-agent.test.ts constructs it).
      ["Agent", ...Object.keys(CONSTRUCTS)].map((c) => `polyaxon:index:${c}`).sort(),
    );
    for (const r of Object.values(schema.resources)) assert.equal(r.isComponent, true);
  });

  it("describes every input, and says the default of each optional one (from the args' TSDoc @default)", () => {
    const missing: string[] = [];
    const check = (owner: string, props: Props = {}, required: string[] = []) => {
      for (const [name, p] of Object.entries(props)) {
        if (!p.description) missing.push(`${owner}.${name}: no description`);
        else if (!required.includes(name) && !/Default: .+\.$/.test(p.description)) missing.push(`${owner}.${name}: optional, no default said`);
      }
    };
    for (const [token, r] of Object.entries(schema.resources)) check(token, r.inputProperties, r.requiredInputs);
    for (const [token, t] of Object.entries(schema.types ?? {})) check(token, t.properties, t.required);
    assert.deepEqual(missing, []);
    const namespace = schema.resources["polyaxon:index:GitConnection"]!.inputProperties.namespace!.description;
    assert.match(namespace!, /^Namespace of the agent that reads the connection\. [^]* Default: "polyaxon"\.$/);
  });

  it("defines every name the README's Python example uses (its SDK's snake_case names, nested types included)", () => {
    const readme = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");
    const example = /```python\n([^]*?)```/.exec(readme)?.[1];
    assert.ok(example?.includes("plx.Agent("), "the README's Python example builds an Agent");
    const dir = mkdtempSync(join(tmpdir(), "plx-python-"));
    try {
      writeFileSync(join(dir, "schema.json"), JSON.stringify(schema));
      writeFileSync(join(dir, "__main__.py"), example!);
      const run = (program: string) =>
        spawnSync("python3", [resolve(__dirname, "fixtures/python/schema_stubs.py"), program], { env: { ...process.env, PLX_SCHEMA: join(dir, "schema.json") }, encoding: "utf8" });
      const r = run(join(dir, "__main__.py"));
      assert.equal(r.status, 0, r.stderr);
      // The stand-ins refuse a name the schema does not define, nested ones too.
      writeFileSync(join(dir, "wrong.py"), example!.replace('"access_modes"', '"access_mode"'));
      assert.match(run(join(dir, "wrong.py")).stderr, /ClaimSpec has no accessMode/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  for (const [component, inputs] of Object.entries(CONSTRUCTS)) {
    it(`constructs ${component}: registered as its schema token, objects on the given provider, secrets in envelopes`, async () => {
      const token = `polyaxon:index:${component}`;
      const root = engine.seed("pulumi:pulumi:Stack", `consumer-dev-${component}`);
      const provider = engine.seed("pulumi:providers:kubernetes", `cluster-${component}`, root.urn, { context: "team" });
      const from = engine.recording.registrations.length;
      const result = await constructFor(plugin, engine.address, { type: token, name: inputs.name as string, inputs, parent: root, provider });
      const registered = engine.recording.registrations.slice(from);
      assert.deepEqual(engine.recording.violations, []);
      const self = registered.find((r) => r.urn === result.urn);
      assert.equal(self?.type, token, "the component registers the type its schema names");
      const objects = registered.filter((r) => r.custom);
      assert.ok(objects.length > 0, `${component} created nothing: ${plugin.stderr()}`);
      for (const o of objects) assert.equal(o.provider, `${provider.urn}::${provider.id}`, `${o.urn} goes to the given provider`);
      for (const o of objects.filter((x) => x.type === "kubernetes:core/v1:Secret")) {
        const data = o.inputs.stringData;
        assert.ok(isSecretValue(data) || Object.values(data as object).every(isSecretValue), `${o.urn}: Secret data is a Pulumi secret`);
        assert.match(JSON.stringify(unwrapSecrets(data)), CANARY_PATTERN);
      }
      assert.ok((unwrapSecrets(result.state) as { objectIds: string[] }).objectIds.length === objects.length, "objectIds lists what it created");
      const plain = plainTextAfterConstruct(
        engine,
        plugin,
        registered.map((r) => r.inputs),
        result.state,
      );
      assert.doesNotMatch(plain, CANARY_PATTERN);
    });
  }

  it("refuses to construct a component that creates objects with no provider, naming the fix", async () => {
    const root = engine.seed("pulumi:pulumi:Stack", "consumer-dev-unprovided");
    await assert.rejects(
      constructFor(plugin, engine.address, { type: "polyaxon:index:GitConnection", name: "code", inputs: CONSTRUCTS.GitConnection!, parent: root }),
      /names no Kubernetes provider.*providers/s,
    );
    // A secret anywhere but in the Secret's data would be written in clear.
    const inputs = { ...CONSTRUCTS.GenericConnection!, annotations: { token: secret(canary("annotation")) } };
    const provider = engine.seed("pulumi:providers:kubernetes", "cluster-unprovided", root.urn);
    const from = engine.recording.registrations.length;
    await assert.rejects(
      constructFor(plugin, engine.address, { type: "polyaxon:index:GenericConnection", name: "db2", inputs, parent: root, provider }),
      (err: Error) => /annotations: holds a secret value, but it is written in clear/.test(err.message) && !CANARY_PATTERN.test(err.message),
    );
    assert.deepEqual(engine.recording.registrations.slice(from), [], "nothing registered");
  });
});
