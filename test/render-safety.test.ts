/**
 * `render` writes only where it may: it replaces a folder an earlier render wrote, never the
 * user's own; names that would reach outside the out folder are refused; a killed render's
 * staging folders are cleaned up; revealed output is private; concurrent renders of one
 * stack never leave a half tree or leftovers.
 */
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { copyFileSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { RENDER_MARKER } from "../cli/atomic-dir.js";
import { replaceFile, writeNewFile } from "../cli/exclusive-file.js";
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

/** The CLI as its own process, sent SIGINT once `interruptWhen()` holds (polled every ms). */
function spawnCli(args: string[], cwd: string, interruptWhen?: () => boolean): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const poll =
      interruptWhen &&
      setInterval(() => {
        if (!interruptWhen()) return;
        clearInterval(poll);
        child.kill("SIGINT");
      }, 1);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      done({ code, signal, stderr });
    });
  });
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

  it("refuses a folder whose marker was copied or symlinked in, touching nothing (exit 2)", async () => {
    const dir = project("dev", oneConnection);
    const rendered = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", rendered], dir)).code, 0);
    const marker = join(rendered, "dev", RENDER_MARKER);
    for (const [how, plant] of [
      ["copied", (to: string) => copyFileSync(marker, to)],
      ["symlinked", (to: string) => symlinkSync(marker, to)],
    ] as const) {
      const out = temp();
      mkdirSync(join(out, "dev"));
      writeFileSync(join(out, "dev/thesis.md"), "mine");
      plant(join(out, "dev", RENDER_MARKER));
      const before = snapshot(out);
      const r = await cli(["render", "--stack", "dev", "--out", out], dir);
      assert.equal(r.code, 2, `${how}: ${r.text}`);
      assert.match(r.stderr, how === "copied" ? /was written for another folder/ : /is not a regular file/);
      assert.match(r.stderr, /nothing was touched/);
      assert.deepEqual(snapshot(out), before, how);
    }
    // The folder itself a symlink to a render: not replaced either.
    const out = temp();
    symlinkSync(join(rendered, "dev"), join(out, "dev"));
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 2);
    assert.ok(lstatSync(join(out, "dev")).isSymbolicLink());
  });

  it("refuses its own render once anything it did not write is inside, naming each (exit 2)", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    const root = join(out, "dev");
    const manifest = readdirSync(join(root, "manifests"))[0]!;
    writeFileSync(join(root, "notes.md"), "my notes");
    mkdirSync(join(root, "manifests/extra"));
    writeFileSync(join(root, "manifests", manifest), "edited by hand\n");
    symlinkSync("/etc/hostname", join(root, "values/link.yaml"));
    const before = snapshot(out);
    const r = await cli(["render", "--stack", "dev", "--out", out], dir);
    assert.equal(r.code, 2, r.text);
    assert.match(r.stderr, /holds 4 entries render did not write: /);
    for (const entry of ["manifests/extra/", `manifests/${manifest} (changed since render wrote it)`, "notes.md", "values/link.yaml (not a regular file)"]) {
      assert.ok(r.stderr.includes(entry), `${entry} in ${r.stderr}`);
    }
    assert.match(r.stderr, /nothing was touched\. Fix: move them out of the folder/);
    assert.deepEqual(snapshot(out), before);
    // `render --all` refuses the same way, before writing any stack.
    const all = await cli(["render", "--all", "--out", out], dir);
    assert.equal(all.code, 2, all.text);
    assert.deepEqual(snapshot(out), before);
    // Once they are moved out, the folder is render's again.
    for (const entry of ["notes.md", "manifests/extra", `manifests/${manifest}`, "values/link.yaml"]) rmSync(join(root, entry), { recursive: true });
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
  });

  it("names a lock it cannot take, and the way out; never takes a stale one over (exit 1)", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    const lock = join(out, ".dev.render-lock");
    writeFileSync(join(out, "victim.txt"), "mine");
    for (const [plant, says] of [
      [() => writeFileSync(lock, "99999999"), /was left by render process 99999999, which is no longer running/],
      [() => writeFileSync(lock, "garbage"), /is in the way and names no render process/],
      [() => symlinkSync(join(out, "victim.txt"), lock), /is in the way and names no render process/],
      [() => writeFileSync(lock, String(process.pid)), new RegExp(`another render \\(process ${process.pid}\\) is writing it`)],
    ] as const) {
      plant();
      const r = await cli(["render", "--stack", "dev", "--out", out], dir);
      assert.equal(r.code, 1, r.text);
      assert.match(r.stderr, says);
      assert.ok(r.stderr.includes(`if no render of ${join(out, "dev")} is running, remove ${lock} and run again`), r.stderr);
      assert.deepEqual(readdirSync(out).sort(), [".dev.render-lock", "victim.txt"]);
      assert.equal(readFileSync(join(out, "victim.txt"), "utf8"), "mine");
      rmSync(lock);
    }
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    assert.deepEqual(readdirSync(out).sort(), ["dev", "victim.txt"]);
  });

  it("removes only leftovers it can prove its own: exact names, its marker bound to them", async () => {
    const dir = project("dev", oneConnection);
    const out = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    // A killed render's previous folder (renamed, so its marker still proves it) and empty staging.
    renameSync(join(out, "dev"), join(out, ".dev.render-old-4242-0123456789ab"));
    mkdirSync(join(out, ".dev.render-new-4242-0123456789ab"));
    // Look-alikes that are the user's, or another stack's.
    const theirs = [".dev.old-2024-06", ".dev.new-1-1", ".dev.render-new-7-aaaaaaaaaaaa", ".dev.x.render-new-7-aaaaaaaaaaaa", ".dev.render-old-7-bbbbbbbbbbbb"];
    for (const name of theirs) {
      mkdirSync(join(out, name));
      writeFileSync(join(out, name, "keep.txt"), "mine");
    }
    // Another stack's render renamed into our leftover's name: its marker names another folder.
    assert.equal((await cli(["render", "--stack", "other", "--out", out], project("other", oneConnection))).code, 0);
    renameSync(join(out, "other"), join(out, ".dev.render-old-8-cccccccccccc"));
    const before = snapshot(out);
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    assert.deepEqual(readdirSync(out).sort(), [...theirs, ".dev.render-old-8-cccccccccccc", "dev"].sort());
    for (const name of theirs) assert.equal(readFileSync(join(out, name, "keep.txt"), "utf8"), "mine");
    assert.deepEqual(
      snapshot(join(out, ".dev.render-old-8-cccccccccccc")),
      Object.fromEntries(
        Object.entries(before)
          .filter(([k]) => k.startsWith(".dev.render-old-8-"))
          .map(([k, v]) => [k.slice(".dev.render-old-8-cccccccccccc/".length), v]),
      ),
    );
  });

  it("re-renders by linking each unchanged file it wrote before, and writing only what changed", async () => {
    const two = (value: string) => ({
      "polyaxon:connections": [
        { name: "a", kind: "postgres", configMap: { name: "a", data: { K: "v" } } },
        { name: "b", kind: "postgres", configMap: { name: "b", data: { K: value } } },
      ],
    });
    const dir = project("dev", two("one"));
    const out = temp();
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    const file = (name: string) => join(out, "dev", "manifests", `polyaxon.configmap.${name}.yaml`);
    const [a, b] = [statSync(file("a")), statSync(file("b"))];
    writeFileSync(join(dir, "Pulumi.dev.yaml"), toYaml({ config: two("two") }));
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
    // The same file (its inode), now only in the new tree; the changed one written anew.
    assert.equal(statSync(file("a")).ino, a.ino);
    assert.equal(statSync(file("a")).nlink, 1);
    assert.notEqual(statSync(file("b")).ino, b.ino);
    assert.match(readFileSync(file("b"), "utf8"), /K: two/);
    assert.deepEqual(readdirSync(out), ["dev"]);
    // A third render sees its own files: nothing refused.
    assert.equal((await cli(["render", "--stack", "dev", "--out", out], dir)).code, 0);
  });

  it("writes --reveal output as files 0600 in folders 0700, also over an earlier render that was not revealed", async () => {
    const out = temp();
    assert.equal((await cli(["render", "--stack", "provisioned", "--out", out], FIXTURE_STACKS)).code, 0);
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
      Array.from(
        { length: 4 },
        () =>
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
        assert.match(
          run.stderr,
          /is busy: (another render \(process \d+\) is writing it\. Run again when it is done .*|other renders keep taking it; run again); nothing was touched/,
        );
      }
    }
    assert.ok(runs.some((r) => r.code === 0));
    assert.deepEqual(readdirSync(out), ["big"]);
    assert.equal(readdirSync(join(out, "big/manifests")).length, 400);
  });

  it("renders stacks big and big.x into one --out at once: neither touches the other's staging", async function () {
    this.timeout(120000);
    const connections = Array.from({ length: 300 }, (_, i) => ({ name: `c${i}`, kind: "postgres", configMap: { name: `c${i}`, data: { K: "v" } } }));
    const dir = project("big", { "polyaxon:connections": connections });
    writeFileSync(join(dir, "Pulumi.big.x.yaml"), readFileSync(join(dir, "Pulumi.big.yaml")));
    const out = temp();
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all(["big", "big.x", "big", "big.x"].map((stack) => spawnCli(["render", "--stack", stack, "--out", out], dir)));
      for (const run of runs) {
        if (run.code !== 0) assert.match(run.stderr, /is busy: (another render \(process \d+\) is writing it|other renders keep taking it)/, run.stderr);
      }
      assert.deepEqual(readdirSync(out).sort(), ["big", "big.x"]);
      for (const stack of ["big", "big.x"]) assert.equal(readdirSync(join(out, stack, "manifests")).length, 300, `${stack}, round ${round}`);
    }
  });

  it("ends on Ctrl-C during the write only once the write is done: exit 130, no stale lock, no half tree", async function () {
    this.timeout(120000);
    // 1,000 connections: a write long enough to be interrupted, in config pulumi up can still start.
    const connections = Array.from({ length: 1000 }, (_, i) => ({ name: `c${i}`, kind: "postgres", configMap: { name: `c${i}`, data: { K: "v" } } }));
    const dir = project("big", { "polyaxon:connections": connections });
    for (let round = 0; round < 3; round++) {
      const out = temp();
      // SIGINT as soon as the staging folder appears: the render is writing then.
      const run = spawnCli(["render", "--stack", "big", "--out", out], dir, () => readdirSync(out).some((n) => n.startsWith(".big.render-new-")));
      const { code, signal } = await run;
      assert.equal(code, 130, `round ${round}: ${code} ${signal}`);
      assert.deepEqual(readdirSync(out), ["big"]);
      assert.equal(readdirSync(join(out, "big/manifests")).length, 1000);
    }
  });
});

describe("files created beside the user's", () => {
  it("are created new, never through a symlink; a replacement swaps the link itself, never its target", () => {
    const dir = temp();
    writeFileSync(join(dir, "victim"), "mine");
    symlinkSync(join(dir, "victim"), join(dir, "planted"));
    assert.throws(() => writeNewFile(join(dir, "planted"), "x", 0o600), /EEXIST/);
    symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
    assert.throws(() => writeNewFile(join(dir, "dangling"), "x", 0o600), /EEXIST/);
    assert.ok(!existsSync(join(dir, "nowhere")));
    replaceFile(join(dir, "planted"), "new", 0o644);
    assert.equal(readFileSync(join(dir, "victim"), "utf8"), "mine");
    assert.equal(readFileSync(join(dir, "planted"), "utf8"), "new");
    assert.ok(lstatSync(join(dir, "planted")).isFile());
    assert.deepEqual(readdirSync(dir).sort(), ["dangling", "planted", "victim"]);
  });
});
