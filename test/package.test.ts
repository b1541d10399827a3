/**
 * The published package, as a user gets it: `npm pack`, installed into a fresh project from
 * the tarball. A consumer type-checks against it (a wrong one does not), runs on Pulumi's
 * mock engine with plain `node` (no loader), and the CLI runs from the installed package.
 * Neither tsx nor esbuild is installed with it.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromYaml } from "../components/load/yaml.js";
import { constructFor, startPlugin } from "./helpers/engine/plugin.js";
import { EngineStandIn } from "./helpers/engine/stand-in.js";
import { YamlLanguageServer } from "./helpers/yaml-language-server.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const TSC = require.resolve("typescript/bin/tsc");

const CONSUMER = `import * as pulumi from "@pulumi/pulumi";
import { Agent } from "polyaxon-connections";
const cfg = new pulumi.Config();
export const agent = new Agent("team", {
  namespace: "team",
  artifactsStore: {
    name: "artifacts", kind: "s3", schema: { bucket: "s3://team-artifacts" },
    secret: { name: "artifacts-s3", stringData: { AWS_ACCESS_KEY_ID: cfg.requireSecret("s3Id"), AWS_SECRET_ACCESS_KEY: cfg.requireSecret("s3Key") } },
  },
  connections: [
    { name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" }, secret: { name: "git-token" } },
    { name: "data", kind: "volume_claim", schema: { volumeClaim: "data", mountPath: "/data" } },
  ],
  mountConnections: ["data"],
});
`;

const RUN_ON_MOCKS = `"use strict";
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks({ newResource: (a) => (registered.push(a.type + " " + a.name), { id: a.name + "-id", state: a.inputs }), call: (a) => a.inputs }, "consumer", "dev", false);
pulumi.runtime.setAllConfig({ "consumer:s3Id": "id", "consumer:s3Key": "key" }, ["consumer:s3Id", "consumer:s3Key"]);
const { agent } = require("./consumer.js");
setTimeout(() => console.log(JSON.stringify({ registered: registered.sort(), values: agent.valuesYaml })), 2000);
`;

describe("the package, packed and installed", function () {
  this.timeout(300000);
  let project: string;

  before(() => {
    const packs = mkdtempSync(join(tmpdir(), "plx-pack-"));
    execFileSync(NPM, ["pack", "--pack-destination", packs], { cwd: PROJECT_ROOT, stdio: "pipe" });
    const tarball = join(
      packs,
      readdirSync(packs).find((f) => f.endsWith(".tgz"))!,
    );
    project = mkdtempSync(join(tmpdir(), "plx-consumer-"));
    writeFileSync(
      join(project, "package.json"),
      JSON.stringify({ name: "consumer", version: "1.0.0", private: true, dependencies: { "polyaxon-connections": `file:${tarball}`, "@types/node": "20.19.25" } }),
    );
    execFileSync(NPM, ["install", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: project, stdio: "pipe" });
  });

  it("installs without tsx or esbuild", () => {
    assert.ok(existsSync(join(project, "node_modules/polyaxon-connections/lib/components/index.d.ts")));
    assert.ok(!existsSync(join(project, "node_modules/tsx")));
    assert.ok(!existsSync(join(project, "node_modules/esbuild")));
  });

  it("type-checks a consumer (strict, nodenext), and not a wrong one", () => {
    const check = (source: string) => {
      writeFileSync(join(project, "consumer.ts"), source);
      writeFileSync(
        join(project, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "ES2022", outDir: ".", declaration: false, skipLibCheck: true },
          files: ["consumer.ts"],
        }),
      );
      return spawnSync(process.execPath, [TSC, "-p", project], { encoding: "utf8" });
    };
    const wrong = check(CONSUMER.replace('schema: { bucket: "s3://team-artifacts" }', 'schema: { url: "s3://team-artifacts" }'));
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stdout, /url/);
    const good = check(CONSUMER);
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });

  it("runs the consumer on the mock engine with plain node", () => {
    writeFileSync(join(project, "run.js"), RUN_ON_MOCKS);
    const r = spawnSync(process.execPath, ["run.js"], { cwd: project, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const { registered, values } = JSON.parse(r.stdout.trim().split("\n").pop()!) as { registered: string[]; values: string };
    assert.ok(registered.includes("kubernetes:core/v1:Secret team/artifacts-s3"), registered.join("\n"));
    assert.ok(registered.includes("polyaxon:index:Agent team"));
    assert.match(values, /bucket: "?s3:\/\/team-artifacts/);
    assert.doesNotMatch(values, /stringData/);
  });

  it("runs the CLI from the installed package", () => {
    for (const f of ["Pulumi.yaml", "Pulumi.dev.yaml"]) cpSync(join(PROJECT_ROOT, f), join(project, f));
    const r = spawnSync(join(project, "node_modules/.bin/polyaxon-connections"), ["validate", "--stack", "dev"], { cwd: project, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /stack dev is valid/);
  });

  it("imports a stack file whose modeline names the installed schema, which yaml-language-server loads", async () => {
    writeFileSync(join(project, "values.yaml"), "namespace: team\nconnections:\n  - {name: data, kind: volume_claim, schema: {volumeClaim: data, mountPath: /data}}\n");
    const r = spawnSync(join(project, "node_modules/.bin/polyaxon-connections"), ["import", "values.yaml", "--stack", "imported"], { cwd: project, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(project, "Pulumi.imported.yaml"), "utf8");
    assert.equal(text.split("\n")[0], "# yaml-language-server: $schema=./node_modules/polyaxon-connections/schema/stack.schema.json");
    const server = await YamlLanguageServer.start(project);
    try {
      const diagnostics = await server.open(join(project, "Pulumi.imported.yaml"), text);
      assert.deepEqual(
        diagnostics.map((d) => d.message),
        [],
      );
      const wrong = await server.open(join(project, "Pulumi.wrong.yaml"), text.replace("kind: volume_claim", "kind: volume"));
      assert.match(wrong.map((d) => d.message).join("\n"), /Valid values: .*"volume_claim"/);
    } finally {
      await server.stop();
    }
  });

  it("holds what `pulumi package add` needs, and the LICENSE", () => {
    const installed = join(project, "node_modules/polyaxon-connections");
    for (const f of ["LICENSE", "provider/PulumiPlugin.yaml", "provider/package.json", "provider/tsconfig.json", "lib/provider/index.js", "components/package/agent.ts"])
      assert.ok(existsSync(join(installed, f)), `${f} is in the package`);
  });

  it("serves the component package from the installed copy, as `pulumi package add` starts it: schema and an Agent", async () => {
    const engine = await EngineStandIn.start({ stack: "dev", project: "consumer", preview: false });
    const plugin = await startPlugin(join(project, "node_modules/polyaxon-connections/provider"), project, engine.address);
    try {
      const schema = JSON.parse(await plugin.getSchema()) as { resources: Record<string, unknown> };
      assert.ok("polyaxon:index:Agent" in schema.resources && "polyaxon:index:GitConnection" in schema.resources, Object.keys(schema.resources).join(", "));
      const root = engine.seed("pulumi:pulumi:Stack", "consumer-dev");
      const provider = engine.seed("pulumi:providers:kubernetes", "cluster", root.urn);
      const inputs = { namespace: "team", connections: [{ name: "data", kind: "volume_claim", schema: { volumeClaim: "data", mountPath: "/data" }, pvc: { size: "10Gi" } }] };
      const result = await constructFor(plugin, engine.address, { type: "polyaxon:index:Agent", name: "team", inputs, parent: root, provider });
      assert.deepEqual(result.state.objectIds, ["PersistentVolumeClaim/team/data"]);
      assert.deepEqual(engine.recording.violations, []);
    } finally {
      await plugin.stop();
      await engine.stop();
    }
  });

  it("requires with plain node, no loader", () => {
    const r = spawnSync(process.execPath, ["-e", 'const m = require("polyaxon-connections"); process.stdout.write(Object.keys(m).sort().join(","))'], {
      cwd: project,
      encoding: "utf8",
    });
    assert.equal(r.status, 0, r.stderr);
    for (const name of ["Agent", "BucketConnection", "CatalogError", "GitConnection", "validateAgentArgs"]) assert.ok(r.stdout.split(",").includes(name), r.stdout);
  });
});

describe("this repository as a Pulumi project", () => {
  it("runs pulumi-main.js: Pulumi.yaml's main overrides package.json's (the library), with plain Node", () => {
    const project = fromYaml(readFileSync(join(PROJECT_ROOT, "Pulumi.yaml"), "utf8")) as { main?: string; runtime: { options?: Record<string, unknown> } };
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { main: string };
    assert.equal(project.main, "pulumi-main.js");
    assert.deepEqual(project.runtime.options, { typescript: false, nodeargs: "--max-semi-space-size=64" });
    assert.equal(pkg.main, "lib/components/index.js");
  });

  it("passes node flags this Node accepts (runtime.options.nodeargs: node refuses a bad option)", () => {
    const project = fromYaml(readFileSync(join(PROJECT_ROOT, "Pulumi.yaml"), "utf8")) as { runtime: { options: { nodeargs: string } } };
    const r = spawnSync(process.execPath, [...project.runtime.options.nodeargs.split(/\s+/), join(PROJECT_ROOT, "pulumi-main.js")], { cwd: PROJECT_ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
  });

  it("pulumi-main.js and the CLI never run a bundle built from other sources: by content, not file times", function () {
    this.timeout(60000);
    // A copy of the project's sources and bundles, so that editing one touches nothing here.
    const copy = mkdtempSync(join(tmpdir(), "plx-fresh-"));
    for (const f of ["pulumi-main.js", "index.ts", "program.ts", "components", "cli", "dist", "Pulumi.yaml", "Pulumi.dev.yaml", "package.json"])
      cpSync(join(PROJECT_ROOT, f), join(copy, f), { recursive: true });
    symlinkSync(join(PROJECT_ROOT, "node_modules"), join(copy, "node_modules"));
    const start = (args: string[]) => spawnSync(process.execPath, args, { cwd: copy, encoding: "utf8" });
    const program = ["-e", `require(${JSON.stringify(join(copy, "pulumi-main.js"))})`];
    const validate = [join(copy, "cli/bin.js"), "validate", "--stack", "dev"];
    try {
      assert.equal(start(program).status, 0, start(program).stderr);
      assert.equal(start(validate).status, 0);
      // An edit, then the bundle's times set newer than every source (a restored dist/).
      const edited = join(copy, "components/plan/values.ts");
      writeFileSync(edited, `${readFileSync(edited, "utf8")}\n// edited\n`);
      const later = new Date(Date.now() + 3_600_000);
      for (const f of ["stack.js", "cli.js"]) utimesSync(join(copy, "dist", f), later, later);
      for (const args of [program, validate]) {
        const r = start(args);
        assert.equal(r.status, 1, r.stderr);
        assert.match(
          r.stderr,
          /^polyaxon-connections: dist\/(stack|cli)\.js was built from other sources than these \(components\/plan\/values\.ts changed\)\. Fix: run `npm run build` in /,
        );
      }
      // An installed package holds the bundles without their sources: taken as they are.
      rmSync(join(copy, "components"), { recursive: true });
      for (const f of ["index.ts", "program.ts"]) rmSync(join(copy, f));
      for (const f of readdirSync(join(copy, "cli"))) if (f.endsWith(".ts")) rmSync(join(copy, "cli", f));
      rmSync(join(copy, "cli/diff"), { recursive: true });
      assert.equal(start(validate).status, 0, start(validate).stderr);
      assert.equal(start(program).status, 0, start(program).stderr);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
