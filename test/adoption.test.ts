/**
 * Adopting existing deployments: `import` of real-world-shaped values files round-trips
 * through `render`; the JSON Schema validates the example stacks; generated docs are fresh.
 */
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { schemaText } from "../cli/schema-command.js";
import { allKindGuides, CONNECTION_KINDS, configSourceFrom, fromYaml, loadCatalog, stackFileJsonSchema } from "../components/internal.js";
import { GENERATED } from "../scripts/docs.js";
import { exampleStacks, FIXTURE_STACKS, PROJECT_ROOT } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";

const IMPORTS = resolve(__dirname, "fixtures/import");
const EVERY_KIND = resolve(__dirname, "fixtures/every-kind-values.yaml");

function emptyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-import-"));
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  return dir;
}

const yamlFile = (file: string) => fromYaml(readFileSync(file, "utf8")) as Record<string, unknown>;

describe("import", () => {
  const roundTrips = [
    ...readdirSync(IMPORTS)
      .filter((f) => f !== "invalid-values.yaml")
      .map((f) => join(IMPORTS, f)),
    EVERY_KIND,
  ];
  for (const file of roundTrips) {
    it(`imports ${file.split("/").pop()} and renders back the same catalog`, async () => {
      const dir = emptyProject();
      const imported = await cli(["import", file, "--stack", "imported"], dir);
      assert.equal(imported.code, 0, imported.stderr);
      const stackFile = readFileSync(join(dir, "Pulumi.imported.yaml"), "utf8");
      assert.match(stackFile, /^# yaml-language-server: \$schema=/);

      const out = mkdtempSync(join(tmpdir(), "plx-import-out-"));
      const rendered = await cli(["render", "--stack", "imported", "--out", out], dir);
      assert.equal(rendered.code, 0, rendered.stderr);
      const input = yamlFile(file);
      const values = yamlFile(join(out, "imported/values/polyaxon-agent.yaml"));
      if (input.artifactsStore) assert.deepEqual(values.artifactsStore, input.artifactsStore);
      assert.deepEqual(values.connections, input.connections ?? []);
      assert.deepEqual(values.mountConnections, input.mountConnections ?? []);
      assert.equal(values.agentSecret, input.agentSecret);
    });
  }

  it("never copies an inline agent token, and says how to store it", async () => {
    const dir = emptyProject();
    const r = await cli(["import", join(IMPORTS, "agent-s3.yaml"), "--stack", "prod"], dir);
    assert.equal(r.code, 0, r.stderr);
    const written = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    for (const text of [written, r.stdout, r.stderr]) assert.doesNotMatch(text, /CANARY-1b7e/);
    assert.match(r.stderr, /agent\.token was NOT copied/);
    assert.match(r.stderr, /pulumi config set --secret agentToken <token> --stack prod/);
    const config = (fromYaml(written) as { config: Record<string, Record<string, unknown>> }).config;
    const agent = config["polyaxon:agent"]!;
    assert.deepEqual(agent.instance, "acme.4d9e6f");
    assert.deepEqual(agent.additionalNamespaces, ["ml-runs"]);
    // Settings we do not model are kept as chart values, nothing lost.
    assert.deepEqual(agent.values, {
      agent: { resources: { limits: { cpu: "1", memory: "1Gi" } } },
      nodeSelector: { pool: "system" },
      imagePullSecrets: ["regcred"],
    });
    assert.equal(config["polyaxon:namespace"], "polyaxon");
  });

  it("recognises CE values and keeps the platform settings", async () => {
    const dir = emptyProject();
    const r = await cli(["import", join(IMPORTS, "ce-values.yaml"), "--stack", "ce"], dir);
    assert.equal(r.code, 0, r.stderr);
    const agent = (yamlFile(join(dir, "Pulumi.ce.yaml")).config as Record<string, Record<string, Record<string, unknown>>>)["polyaxon:agent"]!;
    assert.deepEqual(agent.chart, { name: "polyaxon" });
    assert.deepEqual(Object.keys(agent.values!).sort(), ["externalServices", "postgresql", "ui"]);
    // organizationKey names a key: a chart secret, set with its own command, never in clear.
    assert.match(r.stdout, /pulumi config set --secret --path 'polyaxon:agent\.values\.organizationKey' '<value>' --stack ce/);
  });

  it("lists the problems of invalid values and writes nothing, unless --force", async () => {
    const dir = emptyProject();
    const r = await cli(["import", join(IMPORTS, "invalid-values.yaml"), "--stack", "bad"], dir);
    assert.equal(r.code, 2);
    for (const path of ["polyaxon:artifactsStore.kind", "polyaxon:connections[0].schema.subPath"]) {
      assert.ok(r.stderr.includes(`error ${path}:`), r.stderr);
    }
    assert.match(r.stderr, /nothing was written/);
    assert.deepEqual(readdirSync(dir), ["Pulumi.yaml"]);
    const forced = await cli(["import", join(IMPORTS, "invalid-values.yaml"), "--stack", "bad", "--force"], dir);
    assert.equal(forced.code, 0);
    assert.match(forced.stdout, /problem\(s\) left: run validate/);
  });

  it("never overwrites a stack file without --force, and then keeps its other keys", async () => {
    const dir = emptyProject();
    const original = "encryptionsalt: v1:salt\nconfig:\n  kubernetes:context: prod\n  polyaxon:token:\n    secure: v1:abc\n  polyaxon:connections: []\n";
    writeFileSync(join(dir, "Pulumi.prod.yaml"), original);
    const r = await cli(["import", join(IMPORTS, "agent-claim.yaml"), "--stack", "prod"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /exists; nothing was written/);
    assert.equal(readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8"), original);

    assert.equal((await cli(["import", join(IMPORTS, "agent-claim.yaml"), "--stack", "prod", "--force"], dir)).code, 0);
    const doc = yamlFile(join(dir, "Pulumi.prod.yaml")) as { encryptionsalt: string; config: Record<string, unknown> };
    assert.equal(doc.encryptionsalt, "v1:salt");
    assert.equal(doc.config["kubernetes:context"], "prod");
    assert.deepEqual(doc.config["polyaxon:token"], { secure: "v1:abc" });
    assert.equal((doc.config["polyaxon:connections"] as unknown[]).length, 2);
  });

  it("refuses a stack name that is a path", async () => {
    assert.equal((await cli(["import", join(IMPORTS, "agent-claim.yaml"), "--stack", "../x"], emptyProject())).code, 2);
  });
});

describe("JSON Schema and generated docs", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(stackFileJsonSchema());

  it("`schema` prints the JSON Schema of a stack file", async () => {
    const r = await cli(["schema"], PROJECT_ROOT);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), stackFileJsonSchema());
    assert.equal(`${r.stdout}\n`, schemaText());
  });

  for (const { dir, stack } of exampleStacks()) {
    it(`accepts the example stack ${stack}, which carries the editor modeline`, async () => {
      const text = readFileSync(join(dir, `Pulumi.${stack}.yaml`), "utf8");
      assert.match(text, /^# yaml-language-server: \$schema=.*schema\/stack\.schema\.json/);
      assert.ok(validate(fromYaml(text)), JSON.stringify(validate.errors?.slice(0, 3)));
    });
  }

  it("carries the field docs of the zod model, with shared shapes once under $defs", () => {
    const schema = stackFileJsonSchema() as { $defs: Record<string, Record<string, unknown>>; properties: { config: { properties: Record<string, Record<string, unknown>> } } };
    const text = JSON.stringify(schema, null, 2);
    assert.ok(text.split("\n").length < 3000, `${text.split("\n").length} lines`);
    for (const name of ["ConnectionEntry", "ArtifactsStoreEntry", "SecretRef", "ConfigMapRef", "PvcProvision", "AgentRelease"]) assert.ok(schema.$defs[name], name);
    const config = schema.properties.config.properties;
    // What an editor shows on hover: the node's description, or the one of the shape it refers to.
    const resolve = (node: Record<string, unknown>): Record<string, unknown> =>
      typeof node.$ref === "string" ? { ...resolve(schema.$defs[node.$ref.split("/").pop()!]!), ...node } : node;
    const described = (node: Record<string, unknown>): unknown => resolve(node).description;
    for (const key of ["polyaxon:namespace", "polyaxon:connections", "polyaxon:agents", "polyaxon:ambientCluster"]) {
      assert.equal(typeof described(config[key]!), "string", key);
    }
    const secret = schema.$defs.SecretRef!.properties as Record<string, Record<string, unknown>>;
    assert.match(String(described(secret.fromConfig!)), /Pulumi secret config key/);
    const pvc = schema.$defs.PvcProvision!.properties as Record<string, Record<string, unknown>>;
    assert.deepEqual(resolve(pvc.size!).examples, ["100Gi"]);
  });

  it("rejects a bad stack file", async () => {
    const bad = { config: { "polyaxon:connections": [{ name: "a", kind: "S3", schema: { bucket: "s3://a" } }] } };
    assert.equal(validate(bad), false);
    assert.equal(validate({ config: { "polyaxon:mountConnections": "a" } }), false);
  });

  it("has a valid example for each kind in docs/connections.md", async () => {
    const guides = allKindGuides();
    assert.equal(guides.length, CONNECTION_KINDS.length);
    for (const [kind, guide] of guides) {
      const keys = Object.values((guide.example.secret as { fromConfig?: Record<string, string> } | undefined)?.fromConfig ?? {});
      const { diagnostics } = loadCatalog(
        configSourceFrom(
          { connections: [guide.example], artifactsStore: { name: "store", kind: "s3", schema: { bucket: "s3://s" } } },
          keys.map((k) => `polyaxon:${k}`),
        ),
      );
      assert.deepEqual(
        diagnostics.filter((d) => d.severity === "error"),
        [],
        kind,
      );
    }
  });

  for (const [file, render] of Object.entries(GENERATED)) {
    it(`${file} is up to date (npm run docs)`, async () => {
      assert.equal(readFileSync(resolve(PROJECT_ROOT, file), "utf8"), render());
    });
  }
});
