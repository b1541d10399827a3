/**
 * The typed Agent API: a program type-checks against it (and a wrong one does not), runs
 * on the mock engine and creates the Secret from `stringData` as Pulumi secrets; invalid
 * args throw one RunError listing every problem before anything is registered.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Agent, CatalogError, validateAgentArgs } from "../components/internal.js";
import { teamAgent } from "./fixtures/typed/team-agent.js";
import { isSecretValue, plainTextOf, registered, resetRegistered, setConfig, settled, valueOf } from "./helpers/pulumi-mocks.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

async function settle(agent: Agent) {
  await settled([agent, agent.artifactsStore, ...agent.artifactsStore.resources, ...agent.connections.flatMap((c) => [c, ...c.resources]), ...agent.resources]);
}

/** `tsc --noEmit` (strict, nodenext) of one program importing the components; its output. */
function typeCheck(program: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(PROJECT_ROOT, "test", ".typed-"));
  try {
    writeFileSync(join(dir, "program.ts"), program);
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "ES2022", noEmit: true, skipLibCheck: true, types: ["node"] },
        files: ["program.ts"],
      }),
    );
    const r = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", dir], { encoding: "utf8" });
    return { ok: r.status === 0, output: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const header = `import * as pulumi from "@pulumi/pulumi";\nimport { Agent } from "../../components/index.js";\nconst cfg = new pulumi.Config();\n`;

describe("the typed Agent API", function () {
  this.timeout(60000);

  it("type-checks a program, and refuses an s3 entry with a git schema at compile time", () => {
    const good = typeCheck(
      `${header}export const agent = new Agent("t", { artifactsStore: { name: "a", kind: "s3", schema: { bucket: "s3://a" }, secret: { name: "s", stringData: { K: cfg.requireSecret("k") } } } });\n`,
    );
    assert.ok(good.ok, good.output);
    const bad = typeCheck(`${header}export const agent = new Agent("t", { connections: [{ name: "c", kind: "s3", schema: { url: "https://github.com/acme/ml" } }] });\n`);
    assert.equal(bad.ok, false);
    assert.match(bad.output, /url/);
  });

  it("runs the README's program: the Secret from stringData holds Pulumi secrets; the values name it", async () => {
    resetRegistered();
    setConfig({}, { "polyaxon-connections:s3Id": "CANARY-id-9d2f7c", "polyaxon-connections:s3Key": "CANARY-key-9d2f7c" });
    const agent = teamAgent();
    await settle(agent);
    const secret = registered.find((r) => r.type === "kubernetes:core/v1:Secret")!;
    assert.equal(secret.name, "team/artifacts-s3");
    const data = secret.inputs.stringData as Record<string, unknown>;
    assert.ok(isSecretValue(data) || Object.values(data).every(isSecretValue));
    assert.doesNotMatch(plainTextOf(secret.inputs), /CANARY/);
    const values = agent.values as { artifactsStore: { secret: unknown }; mountConnections: string[] };
    assert.deepEqual(values.artifactsStore.secret, { name: "artifacts-s3" });
    assert.deepEqual(values.mountConnections, ["data"]);
    assert.doesNotMatch(agent.valuesYaml, /CANARY|stringData/);
  });

  it("throws one CatalogError (a RunError) listing every problem, its diagnostics as data with paths as in the args, and registers nothing", () => {
    resetRegistered();
    setConfig({});
    assert.throws(
      () =>
        new Agent("bad", {
          release: "Bad_Release",
          artifactsStore: { name: "store", kind: "s3", schema: { bucket: "gs://wrong" } },
          connections: [{ name: "db", kind: "postgres", secret: { name: "pg", fromConfig: { PGPASSWORD: "pgPassword" } } }],
          mountConnections: ["nothing"],
        }),
      (err: Error) =>
        err instanceof pulumi.RunError &&
        pulumi.RunError.isInstance(err) &&
        err instanceof CatalogError &&
        ["release", "artifactsStore.schema.bucket", "connections[0].secret.fromConfig.PGPASSWORD", "mountConnections[0]"].every((path) =>
          err.diagnostics.some((d) => d.severity === "error" && d.path === path),
        ) &&
        /^error release:/m.test(err.message) &&
        /^error artifactsStore\.schema\.bucket:/m.test(err.message) &&
        /^error connections\[0\]\.secret\.fromConfig\.PGPASSWORD: config key polyaxon:pgPassword is not set/m.test(err.message) &&
        /^error mountConnections\[0\]:/m.test(err.message),
    );
    assert.equal(registered.length, 0);
  });

  it("names each Output or promise where a value must be known before anything is created, and registers nothing", () => {
    resetRegistered();
    setConfig({});
    const args = {
      namespace: pulumi.output("team"),
      values: pulumi.output({ replicas: 2 }) as unknown as Record<string, unknown>,
      connections: [{ name: Promise.resolve("c") as unknown as string, kind: "postgres" as const }],
      artifactsStore: { name: "a", kind: "s3" as const, schema: { bucket: "s3://a" }, secret: { name: "s", stringData: { K: pulumi.secret("v") } } },
    };
    assert.throws(
      () => new Agent("outputs", args),
      (err: Error) =>
        err instanceof CatalogError &&
        assert.deepEqual(
          err.diagnostics.map((d) => d.path),
          ["namespace", "values", "connections[0].name"],
        ) === undefined &&
        /^error namespace: is a Pulumi Output, known only once the deployment runs/m.test(err.message),
    );
    assert.equal(registered.length, 0);
  });

  it("takes Outputs inside the chart values: checked as placeholders, resolved into the release and valuesOutput", async () => {
    resetRegistered();
    setConfig({});
    const host = pulumi.output("db.internal");
    const agent = new Agent("with-outputs", {
      deploy: true,
      agentSecret: { name: "agent-token" },
      values: { gateway: { env: [{ name: "DB_HOST", value: host }] }, replicas: Promise.resolve(2) },
    });
    assert.match(agent.valuesYaml, /value: <output 1>/);
    const yaml = await valueOf(agent.valuesOutput);
    assert.match(yaml, /value: db\.internal/);
    assert.match(yaml, /replicas: 2/);
    assert.doesNotMatch(yaml, /<output/);
    await settled([agent, agent.release!]);
    const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
    const values = release.inputs.values as { gateway: { env: { value: string }[] }; replicas: number };
    assert.equal(values.gateway.env[0]!.value, "db.internal");
    assert.equal(values.replicas, 2);
  });

  it("names stringData where its keys are, and a Secret key filled by two sources, without echoing a value", () => {
    setConfig({}, { "polyaxon:awsKey": "AKIACANARY0000000000" });
    const args = {
      artifactsStore: {
        name: "a",
        kind: "s3" as const,
        schema: { bucket: "s3://a" },
        secret: { name: "s", stringData: { "bad key!": pulumi.secret("CANARY-1"), AWS_SECRET_ACCESS_KEY: "CANARY-2" } },
      },
      connections: [
        {
          name: "b",
          kind: "s3" as const,
          schema: { bucket: "s3://b" },
          secret: { name: "t", stringData: { AWS_ACCESS_KEY_ID: "CANARY-3", AWS_SECRET_ACCESS_KEY: "CANARY-4" }, fromConfig: { AWS_ACCESS_KEY_ID: "awsKey" } },
        },
      ],
    };
    const found = validateAgentArgs(args).filter((d) => d.severity === "error");
    assert.deepEqual(
      found.map((d) => [d.rule, d.path]),
      [
        ["type", "artifactsStore.secret.stringData.bad key!"],
        ["secret-key-once", "connections[0].secret.fromConfig.AWS_ACCESS_KEY_ID"],
      ],
    );
    assert.match(found[1]!.message, /fills Secret key AWS_ACCESS_KEY_ID, which secret\.stringData\.AWS_ACCESS_KEY_ID fills already/);
    assert.doesNotMatch(JSON.stringify(found), /CANARY|plxc/);
  });

  it("validateAgentArgs returns the same diagnostics the constructor throws", () => {
    setConfig({});
    const args = { release: "Bad_Release", connections: [{ name: "db", kind: "postgres" as const, secret: { name: "pg", fromConfig: { PGPASSWORD: "pgPassword" } } }] };
    const thrown = (() => {
      try {
        new Agent("bad", args);
      } catch (err) {
        return err as CatalogError;
      }
      throw new Error("no error thrown");
    })();
    assert.deepEqual(validateAgentArgs(args), thrown.diagnostics);
  });
});
