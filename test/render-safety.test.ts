/**
 * `render` writes only where it may: it replaces a folder an earlier render wrote, never the
 * user's own; names that would reach outside the out folder are refused; a killed render's
 * staging folders are cleaned up; revealed output is private; concurrent renders of one
 * stack never leave a half tree or leftovers.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { RENDER_MARKER } from "../cli/atomic-dir.js";
import { toYaml } from "../components/load/yaml.js";
import { cli } from "./helpers/cli.js";
import { FIXTURE_STACKS, PROJECT_ROOT } from "./helpers/stacks.js";

const BIN = resolve(PROJECT_ROOT, "cli/bin.js");
const temp = () => mkdtempSync(join(tmpdir(), "plx-safety-"));

function project(stack: string, config: Record<string, unknown>): string {
  const dir = temp();
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  writeFileSync(join(dir, `Pulumi.${stack}.yaml`), toYaml({ config }));
  return dir;
}

/** Every file under `dir` with its content. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]),
  );
}

const oneConnection = { "polyaxon:connections": [{ name: "a", kind: "postgres", configMap: { name: "a", data: { K: "v" } } }] };

describe("render writes only where it may", () => {
  it("refuses to replace a folder it did not write, touching nothing (exit 2)", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    mkdirSync(join(out, "dev/notes"), { recursive: true });
    writeFileSync(join(out, "dev/notes/plan.md"), "my own notes");
    writeFileSync(join(out, "keep.txt"), "mine");
    const before = snapshot(out);
    const r = await cli(["render", "--stack", "dev", "--out", out], dir);
    assert.equal(r.code, 2, r.text);
    assert.match(r.stderr, new RegExp(`${join(out, "dev")} exists and was not written by render .*nothing was touched.*Fix: pass another --out`));
    assert.deepEqual(snapshot(out), before);
    assert.deepEqual(readdirSync(out).sort(), ["dev", "keep.txt"]);
    // A file where the folder would go is not ours either.
    const fileOut = temp();
    writeFileSync(join(fileOut, "dev"), "a file");
    assert.equal((await cli(["render", "--stack", "dev", "--out", fileOut], dir)).code, 2);
    assert.equal(readFileSync(join(fileOut, "dev"), "utf8"), "a file");
  });

  it("replaces its own earlier render, marked as such", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    assert.match(readFileSync(join(out, "dev", RENDER_MARKER), "utf8"), /written by `polyaxon-connections render`/);
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    assert.deepEqual(readdirSync(out), ["dev"]);
  });

  it("refuses stack names that are folders or paths, even when a matching file exists", async () => {
    for (const stack of [".", "..", "a/b", "../dev", "x".repeat(101)]) {
      const dir = project("dev", oneConnection);
      // `Pulumi.<stack>.yaml` exists for `.` and `..`, so only the name check stops them.
      writeFileSync(join(dir, "Pulumi...yaml"), "config: {}\n");
      writeFileSync(join(dir, "Pulumi....yaml"), "config: {}\n");
      const out = join(temp(), "out");
      mkdirSync(out);
      writeFileSync(join(out, "mine.txt"), "mine");
      const r = await cli(["render", "--stack", stack, "--out", out], dir);
      assert.equal(r.code, 2, `${stack}: ${r.text}`);
      assert.match(r.stderr, /--stack: (is a folder, not a stack name|is not a stack name)/);
      assert.deepEqual(readdirSync(out), ["mine.txt"]);
      assert.ok(existsSync(join(dir, "Pulumi.yaml")));
    }
    // `render --all` skips files whose name is no stack name rather than writing out/. or out/..
    const dir = project("dev", oneConnection);
    writeFileSync(join(dir, "Pulumi...yaml"), "config: {}\n");
    const out = temp();
    assert.equal((await cli(["render", "--all", "--out", out], dir)).code, 0);
    assert.deepEqual(readdirSync(out), ["dev"]);
  });

  it("removes staging folders a killed render left behind", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    mkdirSync(join(out, ".dev.new-99999999-1700000000000/values"), { recursive: true });
    mkdirSync(join(out, ".dev.old-99999999-1700000000000"));
    writeFileSync(join(out, ".dev.render-lock"), "99999999"); // its process is gone
    mkdirSync(join(out, ".other.new-1-1")); // another stack's: not ours to clean now
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    assert.deepEqual(readdirSync(out).sort(), [".other.new-1-1", "dev"]);
  });

  it("writes --reveal output as files 0600 in folders 0700", async () => {
    const out = temp();
    const r = await cli(["render", "--stack", "provisioned", "--out", out, "--reveal"], FIXTURE_STACKS);
    assert.equal(r.code, 0, r.text);
    const root = join(out, "provisioned");
    assert.equal(statSync(root).mode & 0o777, 0o700);
    for (const e of readdirSync(root, { recursive: true, withFileTypes: true })) {
      const mode = statSync(join(e.parentPath, e.name)).mode & 0o777;
      assert.equal(mode, e.isDirectory() ? 0o700 : 0o600, join(e.parentPath, e.name));
    }
  });

  it("runs concurrent renders of one stack: each succeeds or says busy; never a half tree or leftovers", async function () {
    this.timeout(60000);
    const connections = Array.from({ length: 400 }, (_, i) => ({ name: `c${i}`, kind: "postgres", configMap: { name: `c${i}`, data: { K: "v" } } }));
    const dir = project("big", { "polyaxon:connections": connections });
    const out = temp();
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [BIN, "render", "--stack", "big", "--out", out], { cwd: dir });
          let stderr = "";
          child.stderr.on("data", (d) => (stderr += d));
          child.on("close", (code) => done({ code, stderr }));
        }),
      ),
    );
    for (const run of runs) {
      if (run.code !== 0) {
        assert.equal(run.code, 1, run.stderr);
        assert.match(run.stderr, /is busy: another render \(process \d+\) is writing it; nothing was touched/);
      }
    }
    assert.ok(runs.some((r) => r.code === 0));
    assert.deepEqual(readdirSync(out), ["big"]);
    assert.equal(readdirSync(join(out, "big/manifests")).length, 400);
  });
});
