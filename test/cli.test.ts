/**
 * The command line end to end: files written, exit codes, redaction, nothing written on
 * bad input, atomic replacement of an earlier render.
 */
import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { RENDER_MARKER } from "../cli/atomic-dir.js";
import { toYaml as stringify } from "../components/load/yaml.js";
import { FIXTURE_STACKS, PROJECT_ROOT } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";

const BIN = resolve(PROJECT_ROOT, "cli/bin.js");

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "plx-cli-"));
}

/** A project folder holding one stack file with `config`. */
function projectWith(stack: string, config: Record<string, unknown>): string {
  const dir = tempDir();
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  writeFileSync(join(dir, `Pulumi.${stack}.yaml`), stringify({ config }));
  return dir;
}

/** What a render wrote, less its marker file (test/render-safety.test.ts checks that one). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== RENDER_MARKER)
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe("command line", () => {
  it("npm start's command renders the dev stack's values and manifests (spawned bin)", async () => {
    const out = tempDir();
    const r = spawnSync(process.execPath, [BIN, "render", "--stack", "dev", "--out", out], { cwd: PROJECT_ROOT, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(filesUnder(join(out, "dev")), [
      "manifests/polyaxon.configmap.pg-settings.yaml",
      "manifests/polyaxon.persistentvolumeclaim.training-data.yaml",
      "values/polyaxon-agent.yaml",
    ]);
    assert.equal(readFileSync(join(out, "dev/values/polyaxon-agent.yaml"), "utf8"), readFileSync(resolve(__dirname, "golden/dev-values.yaml"), "utf8"));
    assert.match(r.stdout, /rendered stack dev: agent polyaxon-agent in namespace polyaxon/);
    assert.match(r.stdout, /values: +.*dev\/values\/polyaxon-agent\.yaml/);
    assert.match(r.stderr, /warning polyaxon:artifactsStore/);
  });

  it("redacts every Secret value and never prints the encrypted config", async () => {
    const out = tempDir();
    const r = await cli(["render", "--stack", "provisioned", "--out", out], FIXTURE_STACKS);
    assert.equal(r.code, 0, r.stderr);
    const secrets = filesUnder(join(out, "provisioned")).filter((f) => f.includes(".secret."));
    assert.equal(secrets.length, 3);
    for (const f of secrets) assert.match(readFileSync(join(out, "provisioned", f), "utf8"), /<redacted: from config polyaxon:/);
    const everything = filesUnder(join(out, "provisioned"))
      .map((f) => readFileSync(join(out, "provisioned", f), "utf8"))
      .join("\n");
    assert.doesNotMatch(everything + r.stdout + r.stderr, /AAAABBBBccccDDDD/);
    assert.ok(existsSync(join(out, "provisioned/releases/team-agent.yaml")));
  });

  it("never prints a secret that was stored in plain text by mistake", async () => {
    const dir = projectWith("leaky", {
      "polyaxon:connections": [{ name: "db", kind: "postgres", secret: { name: "db", fromConfig: { PGPASSWORD: "dbPassword" } } }],
      "polyaxon:dbPassword": "CANARY-plaintext-5e1b",
    });
    const out = tempDir();
    for (const args of [
      ["validate", "--stack", "leaky"],
      ["render", "--stack", "leaky", "--out", out],
    ]) {
      const r = await cli(args, dir);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /polyaxon:connections\[0\]\.secret\.fromConfig\.PGPASSWORD: config key polyaxon:dbPassword is stored in plain text/);
      assert.doesNotMatch(r.stdout + r.stderr, /CANARY-plaintext/);
    }
    assert.deepEqual(readdirSync(out), []);
  });

  it("exits 2 on bad input, lists every culprit's config path, and writes nothing", async () => {
    const dir = projectWith("broken", {
      "polyaxon:artifactsStore": { name: "shared", kind: "git", schema: { url: "https://x" } },
      "polyaxon:connections": [
        { name: "wrong-kind", kind: "S3", schema: { bucket: "s3://a" } },
        { name: "no-bucket", kind: "s3", schema: {} },
        { name: "unknown-key", kind: "host_path", schema: { hostPath: "/a", mountPath: "/a" }, mount: true },
      ],
    });
    const out = tempDir();
    const r = spawnSync(process.execPath, [BIN, "render", "--stack", "broken", "--out", out], { cwd: dir, encoding: "utf8" });
    assert.equal(r.status, 2);
    for (const path of ["polyaxon:artifactsStore.kind", "polyaxon:connections[0].kind", "polyaxon:connections[1].schema.bucket", "polyaxon:connections[2].mount"]) {
      assert.ok(r.stderr.includes(`error ${path}:`), `${path} missing from:\n${r.stderr}`);
    }
    assert.deepEqual(readdirSync(out), []);
    assert.equal(r.stdout, "");
  });

  it("refuses a name used twice (the store included) with exit 2", async () => {
    const dir = projectWith("dupe", {
      "polyaxon:artifactsStore": { name: "data", kind: "s3", schema: { bucket: "s3://a" } },
      "polyaxon:connections": [{ name: "data", kind: "gcs", schema: { bucket: "gs://b" } }],
    });
    const r = await cli(["validate", "--stack", "dupe"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /error polyaxon:connections\[0\]\.name: the name is already used by polyaxon:artifactsStore \(got "data"\)/);
  });

  it("validates a good stack with exit 0 and writes nothing", async () => {
    const before = filesUnder(FIXTURE_STACKS);
    const r = await cli(["validate", "--stack", "provisioned"], FIXTURE_STACKS);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /stack provisioned is valid: .* 6 objects to create; 0 warnings/);
    assert.deepEqual(filesUnder(FIXTURE_STACKS), before);
  });

  it("replaces an earlier render whole, and keeps it when the new input is invalid", async () => {
    const out = tempDir();
    const dir = projectWith("s", { "polyaxon:connections": [{ name: "a", kind: "postgres", configMap: { name: "a", data: { K: "v" } } }] });
    assert.equal((await cli(["render", "--stack", "s", "--out", out], dir)).code, 0);
    assert.ok(existsSync(join(out, "s/manifests/polyaxon.configmap.a.yaml")));

    writeFileSync(join(dir, "Pulumi.s.yaml"), stringify({ config: { "polyaxon:connections": [{ name: "b", kind: "git" }] } }));
    assert.equal((await cli(["render", "--stack", "s", "--out", out], dir)).code, 0);
    assert.deepEqual(filesUnder(join(out, "s")), ["values/polyaxon-agent.yaml"]);

    const rendered = readFileSync(join(out, "s/values/polyaxon-agent.yaml"), "utf8");
    writeFileSync(join(dir, "Pulumi.s.yaml"), stringify({ config: { "polyaxon:connections": [{ name: "b", kind: "gitt" }] } }));
    assert.equal((await cli(["render", "--stack", "s", "--out", out], dir)).code, 2);
    assert.equal(readFileSync(join(out, "s/values/polyaxon-agent.yaml"), "utf8"), rendered);
    assert.deepEqual(readdirSync(out), ["s"], "no staging folder left behind");
  });

  it("exits 2 for an unknown stack, naming the ones that exist", async () => {
    const r = await cli(["validate", "--stack", "nope"], FIXTURE_STACKS);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no Pulumi\.nope\.yaml in the project .*use one of: provisioned/);
  });

  it("exits 2 for a YAML syntax error and for a bad command line", async () => {
    const dir = projectWith("y", {});
    writeFileSync(join(dir, "Pulumi.y.yaml"), "config:\n  polyaxon:connections: [a\n");
    assert.equal((await cli(["validate", "--stack", "y"], dir)).code, 2);
    assert.equal((await cli(["render"], dir)).code, 2);
    assert.equal((await cli(["frobnicate"], dir)).code, 2);
  });
});

describe("the bundled CLI's start", () => {
  /**
   * Runs the bundle through cli/bin.js in `cwd`; reports its exit status, output, which of
   * the packages `yaml` and `diff` it loaded (by the require cache), and how many functions
   * it compiled from strings (zod's JIT).
   */
  const run = (args: string[], cwd = PROJECT_ROOT) => {
    const script = `process.argv = [process.argv[0], "cli", ...${JSON.stringify(args)}];
      let compiled = 0;
      const RealFunction = Function;
      globalThis.Function = new Proxy(RealFunction, { construct: (target, a) => (compiled++, Reflect.construct(target, a)), apply: (target, self, a) => (compiled++, Reflect.apply(target, self, a)) });
      require(${JSON.stringify(BIN)});
      process.on("exit", () => {
        const packages = Object.keys(require.cache).map((f) => /node_modules[\\/](yaml|diff)[\\/]/.exec(f)?.[1]).filter(Boolean);
        process.stderr.write("\\nloaded: " + JSON.stringify({ modules: [...new Set(packages)], compiled }));
      });`;
    // A script file, not `node -e`: Node's eval mode loads crypto itself.
    const file = join(mkdtempSync(join(tmpdir(), "plx-loads-")), "run.js");
    writeFileSync(file, script);
    const r = spawnSync(process.execPath, [file], { cwd, encoding: "utf8" });
    const report = JSON.parse(/loaded: (\{.*\})/.exec(r.stderr)?.[1] ?? "null") as { modules: string[]; compiled: number } | null;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, modules: report?.modules, compiled: report?.compiled };
  };

  it("loads the yaml and diff packages only when a command uses them (validate and render neither)", () => {
    assert.deepEqual(run(["validate", "--stack", "dev"]).modules, []);
    const out = mkdtempSync(join(tmpdir(), "plx-bundle-render-"));
    assert.deepEqual(run(["render", "--stack", "dev", "--out", out]).modules, []);
  });

  it("builds its zod schemas jitless: validate compiles no function from a string", () => {
    const r = run(["validate", "--stack", "dev"]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.compiled, 0);
  });

  it("loads the yaml package when import edits a stack file, and the diff package when diff shows a patch", () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-bundle-lazy-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    cpSync(join(PROJECT_ROOT, "Pulumi.dev.yaml"), join(dir, "Pulumi.dev.yaml"));
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    const imported = run(["import", join(PROJECT_ROOT, "test/fixtures/import/agent-s3.yaml"), "--stack", "dev", "--force"], dir);
    assert.equal(imported.status, 0, imported.stderr);
    assert.ok(imported.modules?.includes("yaml"), JSON.stringify(imported.modules));
    assert.match(readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8"), /kind: s3/);
    const diff = run(["diff", "--base", "HEAD", "--stack", "dev"], dir);
    assert.equal(diff.status, 0, diff.stderr);
    assert.ok(diff.modules?.includes("diff"), JSON.stringify(diff.modules));
    assert.match(diff.stdout, /^\s*\+\s+kind: s3$/m);
  });
});
