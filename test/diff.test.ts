/**
 * `diff --base` and `render --all`: what a pull request changes, per stack, without ever
 * showing a secret value; every stack rendered, byte-identically.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fromYaml, toYaml } from "../components/load/yaml.js";
import { assertGolden } from "./helpers/golden.js";
import { FIXTURE_STACKS, PROJECT_ROOT } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";
import { MAX_MARKDOWN_CHARS } from "../cli/diff/format-markdown.js";
import { RENDER_MARKER } from "../cli/render-marker.js";

const git = (dir: string, ...args: string[]) =>
  execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir, encoding: "utf8" });

/** A git repository holding the dev and provisioned stacks, committed. */
function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-diff-"));
  cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  cpSync(join(PROJECT_ROOT, "Pulumi.dev.yaml"), join(dir, "Pulumi.dev.yaml"));
  cpSync(join(FIXTURE_STACKS, "Pulumi.provisioned.yaml"), join(dir, "Pulumi.provisioned.yaml"));
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-qm", "base");
  return dir;
}

type StackDoc = { config: Record<string, unknown> };
function edit(dir: string, stack: string, change: (config: Record<string, unknown>) => void) {
  const file = join(dir, `Pulumi.${stack}.yaml`);
  const doc = fromYaml(readFileSync(file, "utf8")) as StackDoc;
  change(doc.config);
  writeFileSync(file, toYaml(doc));
}
const connectionsOf = (config: Record<string, unknown>) => config["polyaxon:connections"] as Record<string, unknown>[];

describe("diff --base", () => {
  it("shows no change for untouched stacks, and exits 0 even with --exit-code", async () => {
    const dir = repo();
    const r = await cli(["diff", "--base", "HEAD", "--exit-code"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /stack dev: unchanged/);
    assert.match(r.stdout, /stack provisioned: unchanged/);
    const md = await cli(["diff", "--base", "HEAD", "--format", "markdown"], dir);
    assert.match(md.stdout, /No change in 2 stacks/);
  });

  it("names an added connection in the markdown table, and exits 3 with --exit-code", async () => {
    const dir = repo();
    edit(dir, "dev", (c) => connectionsOf(c).push({ name: "team-slack", kind: "slack", secret: { name: "slack-webhook" } }));
    const r = await cli(["diff", "--base", "HEAD", "--stack", "dev", "--format", "markdown", "--exit-code"], dir);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stdout, /\| `dev` \| changed \| \+1 −0 ~0 \| — \| changed \|/);
    assert.match(r.stdout, /\| added \| `team-slack` \| slack \|/);
    assert.match(r.stdout, /<details><summary>values\/polyaxon-agent\.yaml \(changed\)<\/summary>/);
    assert.doesNotMatch(r.stdout, /provisioned/, "only the stack asked for");
  });

  it("lists a changed field with its old and new value, and a removed PVC", async () => {
    const dir = repo();
    edit(dir, "provisioned", (c) => {
      const s3 = connectionsOf(c).find((x) => x.name === "s3-datasets")!;
      (s3.schema as Record<string, unknown>).bucket = "s3://datasets-v2";
      delete connectionsOf(c).find((x) => x.name === "features")!.pvc;
    });
    const r = await cli(["diff", "--base", "HEAD", "--stack", "provisioned"], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /~ s3-datasets \(s3\)\n\s+schema\.bucket: "s3:\/\/datasets" -> "s3:\/\/datasets-v2"/);
    assert.match(r.stdout, /- PersistentVolumeClaim\/ml-team\/features/);
    assert.match(r.stdout, /~ features \(volume_claim\)\n(\s+pvc\.\w+: .* -> \(unset\)\n)*\s+pvc\.size: "50Gi" -> \(unset\)/);
  });

  it("says which Secret key changed, never its value (old or new)", async () => {
    const dir = repo();
    edit(dir, "provisioned", (c) => {
      c["polyaxon:s3SecretAccessKey"] = { secure: "v1:CANARY-NEW-ciphertext-77" };
    });
    const outputs = await Promise.all(["text", "markdown", "json"].map((format) => cli(["diff", "--base", "HEAD", "--format", format], dir)));
    for (const r of outputs) {
      assert.equal(r.code, 0, r.stderr);
      const all = r.stdout + r.stderr;
      assert.doesNotMatch(all, /CANARY-NEW|AAAABBBBccccDDDD0002/);
    }
    assert.match(outputs[0]!.stdout, /~ Secret\/ml-team\/s3-datasets-credentials: secret key AWS_SECRET_ACCESS_KEY changed/);
    assert.match(outputs[1]!.stdout, /secret key `AWS_SECRET_ACCESS_KEY` changed/);
    const json = JSON.parse(outputs[2]!.stdout) as { stacks: { stack: string; objects: { secretKeys: unknown[] }[] }[] };
    assert.deepEqual(json.stacks.find((s) => s.stack === "provisioned")!.objects[0]!.secretKeys, [{ key: "AWS_SECRET_ACCESS_KEY", change: "changed" }]);
  });

  it("shows an added stack", async () => {
    const dir = repo();
    cpSync(join(dir, "Pulumi.dev.yaml"), join(dir, "Pulumi.qa.yaml"));
    const r = await cli(["diff", "--base", "HEAD", "--format", "json"], dir);
    const stacks = (JSON.parse(r.stdout) as { stacks: { stack: string; status: string }[] }).stacks;
    assert.deepEqual(
      stacks.map((s) => [s.stack, s.status]),
      [
        ["dev", "unchanged"],
        ["provisioned", "unchanged"],
        ["qa", "added"],
      ],
    );
  });

  it("shows a stack that was invalid at the base and is removed now as removed", async () => {
    const dir = repo();
    edit(dir, "dev", (c) => connectionsOf(c).push({ name: "x", kind: "S3" }));
    git(dir, "commit", "-qam", "a broken stack");
    rmSync(join(dir, "Pulumi.dev.yaml"));
    const r = await cli(["diff", "--base", "HEAD", "--format", "json", "--exit-code"], dir);
    const stacks = (JSON.parse(r.stdout) as { stacks: { stack: string; status: string }[] }).stacks;
    assert.deepEqual(
      stacks.map((s) => [s.stack, s.status]),
      [
        ["dev", "removed"],
        ["provisioned", "unchanged"],
      ],
    );
    assert.equal(r.code, 3, "a removal is a change");
  });

  it("keeps markdown under GitHub's comment limit, summary first, and says what it cut", async () => {
    const dir = repo();
    // A catalog this large lives in a catalog file (in config, pulumi up could not start it).
    const catalog = { connections: [] as Record<string, unknown>[] };
    edit(dir, "dev", (c) => {
      catalog.connections = connectionsOf(c);
      delete c["polyaxon:connections"];
      c["polyaxon:catalogFile"] = "catalogs/dev.yaml";
    });
    mkdirSync(join(dir, "catalogs"));
    writeFileSync(join(dir, "catalogs/dev.yaml"), toYaml(catalog));
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "catalog file");
    for (let i = 0; i < 1500; i++)
      catalog.connections.push({ name: `bucket-${i}-${"x".repeat(20)}`, kind: "s3", schema: { bucket: `s3://bucket-${i}` }, secret: { name: `bucket-${i}` } });
    writeFileSync(join(dir, "catalogs/dev.yaml"), toYaml(catalog));
    const r = await cli(["diff", "--base", "HEAD", "--format", "markdown"], dir);
    assert.ok(r.stdout.length <= MAX_MARKDOWN_CHARS, `${r.stdout.length} characters`);
    assert.match(r.stdout, /\| `dev` \| changed \| \+1500 −0 ~0 \|/, "the summary is whole");
    assert.match(r.stdout, /\*\*Cut to stay under GitHub's comment limit:\*\* `dev` \(\d+ rows or diffs\)\. Run `npx polyaxon-connections diff --base <ref>`/);
    assert.doesNotMatch(r.stdout, /^\| --- \| --- \| --- \| --- \|\n\n/m, "no table is left without rows");
    const small = await cli(["diff", "--base", "HEAD~0", "--format", "markdown"], repo());
    assert.doesNotMatch(small.stdout, /Cut to stay/);
  });

  it("matches the markdown golden file for a mixed change", async () => {
    const dir = repo();
    edit(dir, "dev", (c) => {
      connectionsOf(c).push({ name: "team-slack", kind: "slack", secret: { name: "slack-webhook" } });
      connectionsOf(c).find((x) => x.name === "scratch")!.schema = { hostPath: "/mnt/fast-scratch", mountPath: "/scratch" };
    });
    edit(dir, "provisioned", (c) => {
      c["polyaxon:slackWebhooks"] = { secure: "v1:rotated" };
    });
    const r = await cli(["diff", "--base", "HEAD", "--format", "markdown"], dir);
    assertGolden("diff.md", `${r.stdout}\n`);
  });

  it("refuses a stack that does not validate, and an unknown base", async () => {
    const dir = repo();
    edit(dir, "dev", (c) => connectionsOf(c).push({ name: "x", kind: "S3" }));
    const bad = await cli(["diff", "--base", "HEAD"], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /stack dev does not validate[\s\S]*polyaxon:connections\[4\]\.kind/);
    assert.equal((await cli(["diff", "--base", "no-such-ref"], dir)).code, 2);
  });
});

describe("render --all", () => {
  // The marker records which folder it is in (its inode): only its list of files must agree.
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => {
        const text = readFileSync(join(e.parentPath, e.name), "utf8");
        const recorded = e.name === RENDER_MARKER ? JSON.stringify(JSON.parse(text.split("\n")[2]!).files) : text;
        return [join(e.parentPath, e.name).slice(dir.length), recorded];
      })
      .sort();

  it("writes a folder for every stack, the same bytes as rendering each stack alone", async () => {
    const dir = repo();
    const [a, b] = [mkdtempSync(join(tmpdir(), "plx-all-")), mkdtempSync(join(tmpdir(), "plx-all-"))];
    const r = await cli(["render", "--all", "--out", a], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(a).sort(), ["dev", "provisioned"]);
    for (const stack of ["dev", "provisioned"]) assert.equal((await cli(["render", "--stack", stack, "--out", b], dir)).code, 0);
    assert.deepEqual(files(a), files(b));
    const counts = [...r.stdout.matchAll(/rendered (\w+): (\d+) objects/g)].map((m) => `${m[1]}=${m[2]}`).sort();
    assert.equal(counts.length, 2);
    assert.ok(
      counts.every((c) => Number(c.split("=")[1]) > 0),
      counts.join(" "),
    );
  });

  it("renders the same catalog with its keys in another order byte-identically", async () => {
    const dir = repo();
    const out1 = mkdtempSync(join(tmpdir(), "plx-all-"));
    await cli(["render", "--all", "--out", out1], dir);
    const reverse = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverse)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverse(x)]),
            )
          : v;
    for (const stack of ["dev", "provisioned"]) {
      const file = join(dir, `Pulumi.${stack}.yaml`);
      writeFileSync(file, toYaml(reverse(fromYaml(readFileSync(file, "utf8")))).replace(/^/, ""));
    }
    const out2 = mkdtempSync(join(tmpdir(), "plx-all-"));
    await cli(["render", "--all", "--out", out2], dir);
    assert.deepEqual(files(out1), files(out2));
  });

  it("writes nothing when one stack is invalid", async () => {
    const dir = repo();
    edit(dir, "provisioned", (c) => {
      c["polyaxon:namespace"] = "Bad_NS";
    });
    const out = mkdtempSync(join(tmpdir(), "plx-all-"));
    const r = await cli(["render", "--all", "--out", out], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /stack provisioned:\nerror polyaxon:namespace/);
    assert.deepEqual(readdirSync(out), []);
  });

  it("needs exactly one of --stack or --all", async () => {
    assert.equal((await cli(["render", "--all", "--stack", "dev"], resolve(PROJECT_ROOT))).code, 2);
  });
});
