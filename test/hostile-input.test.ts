/**
 * Hostile and malformed input: bounded alias expansion, non-UTF-8 bytes, stack files of the
 * wrong shape, unknown stacks and folders where files belong. Each is exit 2 with a message
 * that names the file, and nothing is written.
 */
import { strict as assert } from "node:assert";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { invalidUtf8Offset } from "../cli/project-files.js";
import { fromYaml, MAX_ALIAS_EXPANSION, YamlAliasError } from "../components/load/yaml.js";
import { cli } from "./helpers/cli.js";
import { FIXTURE_STACKS, PROJECT_ROOT } from "./helpers/stacks.js";
import { MAX_INPUT_BYTES } from "../components/load/input-file.js";
import { PulumiConfigReader } from "../program.js";

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-hostile-"));
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Nine levels of nine aliases each: 9^9 strings once expanded, in about 600 bytes. */
const BILLION_LAUGHS = [
  "config:",
  "  polyaxon:agent:",
  "    values:",
  '      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => {
    const prev = "abcdefgh"[i];
    return `      ${k}: &${k} [${Array(9).fill(`*${prev}`).join(",")}]`;
  }),
  "",
].join("\n");

/** Refused with exit 2 by validate and render; nothing written. */
async function refused(dir: string, stack: string, pattern: RegExp): Promise<void> {
  const out = join(dir, "out");
  const v = await cli(["validate", "--stack", stack], dir);
  assert.equal(v.code, 2, v.text);
  assert.match(v.stderr, pattern);
  const r = await cli(["render", "--stack", stack, "--out", out], dir);
  assert.equal(r.code, 2, r.text);
  assert.ok(!readdirSync(dir).includes("out"), "nothing written");
}

describe("hostile and malformed input", () => {
  it("refuses a billion-laughs stack file, naming it", async () => {
    assert.ok(BILLION_LAUGHS.length < 700, `${BILLION_LAUGHS.length} bytes`);
    await refused(
      project({ "Pulumi.bomb.yaml": BILLION_LAUGHS }),
      "bomb",
      /Pulumi\.bomb\.yaml: not valid YAML: aliases expand the document by more than 100000 nodes\. Fix: write the values out/,
    );
  });

  it("bounds alias expansion but accepts ordinary anchors and merges", () => {
    const doc = fromYaml("base: &b {kind: s3, tags: [a, b]}\nx: *b\ny: {<<: *b, name: y}\n") as Record<string, unknown>;
    assert.deepEqual(doc.x, doc.base);
    const wide = `a: &a [${Array(1000).fill("1").join(",")}]\nb: [${Array(Math.ceil(MAX_ALIAS_EXPANSION / 1000) + 1)
      .fill("*a")
      .join(",")}]\n`;
    assert.throws(() => fromYaml(wide), YamlAliasError);
  });

  it("refuses non-UTF-8 bytes with their offset", async () => {
    const bytes = Buffer.concat([Buffer.from('config:\n  polyaxon:namespace: "ab'), Buffer.from([0xff, 0xfe]), Buffer.from('"\n')]);
    await refused(project({ "Pulumi.latin.yaml": bytes }), "latin", /Pulumi\.latin\.yaml: not UTF-8 text: byte 0xff at offset 33 is not valid UTF-8\. Fix: save the file as UTF-8/);
    assert.equal(invalidUtf8Offset(Buffer.from("héllo ✓ 😀")), -1);
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong
    assert.equal(invalidUtf8Offset(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
    assert.equal(invalidUtf8Offset(Buffer.from([0x61, 0xe2, 0x9c])), 1); // cut short
  });

  it("refuses a top-level list, a config that is no mapping and a misspelled config key", async () => {
    await refused(project({ "Pulumi.l.yaml": "- polyaxon:namespace: ml\n" }), "l", /Pulumi\.l\.yaml: is not a mapping .*Fix: a stack file is a mapping with a `config:` key/);
    await refused(project({ "Pulumi.n.yaml": "config: 42\n" }), "n", /Pulumi\.n\.yaml: config: is not a mapping \(got 42\)/);
    await refused(project({ "Pulumi.k.yaml": "konfig:\n  polyaxon:namespace: ml\n" }), "k", /unknown top-level key `konfig`\. Fix: did you mean `config`\?/);
  });

  it("refuses a stack file that is a folder, naming it", async () => {
    const dir = project({});
    mkdirSync(join(dir, "Pulumi.f.yaml"));
    await refused(dir, "f", /Pulumi\.f\.yaml: is a folder, not a file.*Fix: move the folder away/);
  });

  it("reports a schema error and a bad name of one entry in one run", async () => {
    const stack = "config:\n  polyaxon:connections:\n    - {name: Bad_Name, kind: volume_claim, schema: {volumeClaim: data}}\n";
    const dir = project({ "Pulumi.e.yaml": stack });
    const r = await cli(["validate", "--stack", "e"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /polyaxon:connections\[0\]\.schema\.mountPath: is required/);
    assert.match(r.stderr, /polyaxon:connections\[0\]\.name: is not a DNS-1123 label.*\(got "Bad_Name"\)\. Fix: rename it, e\.g\. bad-name/);
  });

  it("diff exits 2 for a stack in neither tree, even with --exit-code", async () => {
    const dir = project({ "Pulumi.dev.yaml": "config: {}\n" });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    const r = await cli(["diff", "--base", "HEAD", "--stack", "ghost", "--exit-code"], dir);
    assert.equal(r.code, 2, r.text);
    assert.match(r.stderr, /no Pulumi\.ghost\.yaml in the working tree or at HEAD \(got "ghost"\)\. Fix: use one of: dev/);
    assert.equal(r.stdout, "");
  });

  describe("inputs that are not regular files, or too large", function () {
    this.timeout(120_000);
    /** A project whose stack files are a symlink to /dev/zero, a FIFO and a sparse file past the limit. */
    const hostile = () => {
      const dir = project({});
      symlinkSync("/dev/zero", join(dir, "Pulumi.zero.yaml"));
      execFileSync("mkfifo", [join(dir, "Pulumi.fifo.yaml")]);
      writeFileSync(join(dir, "Pulumi.big.yaml"), "");
      truncateSync(join(dir, "Pulumi.big.yaml"), MAX_INPUT_BYTES + 1);
      return dir;
    };
    /** The CLI as users run it, in its own process: a hang or a blow-up is killed at 15 s and fails the test. */
    const run = (args: string[], cwd: string) => spawnSync(process.execPath, [join(PROJECT_ROOT, "cli/bin.js"), ...args], { cwd, encoding: "utf8", timeout: 15_000 });
    const WHY = {
      zero: /Pulumi\.zero\.yaml: is a character device, not a file/,
      fifo: /Pulumi\.fifo\.yaml: is a FIFO \(named pipe\), not a file/,
      big: /Pulumi\.big\.yaml: is 33554433 bytes, more than the 33554432 \(32\.0 MiB\)/,
    };

    it("are refused at once with exit 2 by validate, render, render --all and diff, naming the file and the fix", () => {
      const dir = hostile();
      for (const [stack, why] of Object.entries(WHY)) {
        for (const args of [
          ["validate", "--stack", stack],
          ["render", "--stack", stack, "--out", join(dir, "out")],
        ]) {
          const r = run(args, dir);
          assert.equal(r.status, 2, `${args.join(" ")}: ${r.signal ?? ""} ${r.stderr}`);
          assert.match(r.stderr, why);
          assert.match(r.stderr, /Fix: make Pulumi\.\w+\.yaml a regular YAML file of at most 32 MiB/);
        }
      }
      const all = run(["render", "--all", "--out", join(dir, "out")], dir);
      assert.equal(all.status, 2, all.stderr);
      for (const why of Object.values(WHY)) assert.match(all.stderr, why);
      execFileSync("git", ["init", "-q"], { cwd: dir });
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "base"], { cwd: dir });
      const diff = run(["diff", "--base", "HEAD", "--stack", "zero"], dir);
      assert.equal(diff.status, 2, diff.stderr);
      assert.match(diff.stderr, WHY.zero);
      assert.deepEqual(
        readdirSync(dir).filter((f) => f === "out"),
        [],
        "nothing written",
      );
    });

    it("are refused by import, as the values file", () => {
      const dir = hostile();
      for (const values of ["/dev/zero", join(dir, "Pulumi.fifo.yaml"), join(dir, "Pulumi.big.yaml")]) {
        const r = run(["import", values, "--stack", "imported"], dir);
        assert.equal(r.status, 2, `${values}: ${r.signal ?? ""} ${r.stderr}`);
        assert.match(r.stderr, /not a file|more than the 33554432 \(32\.0 MiB\)/);
      }
      assert.ok(!readdirSync(dir).includes("Pulumi.imported.yaml"));
    });

    it("are refused by the stack program when it reads its stack file", () => {
      const dir = hostile();
      for (const [stack, why] of Object.entries(WHY)) {
        const reader = new PulumiConfigReader(join(dir, `Pulumi.${stack}.yaml`));
        assert.throws(
          () => reader.storedVersion("polyaxon:connections"),
          (err: Error) => why.test(err.message),
        );
      }
    });
  });
});
