/**
 * A catalog in a catalog file (`polyaxon:catalogFile`) reads as if set in config: render
 * writes the same bytes, diff compares it at a git revision, and every problem of the file
 * (missing, outside the project, a symlink, keys in both places, secure values, a bad
 * entry) is reported with the file's name, all at once.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromYaml, toYaml } from "../components/internal.js";
import { RENDER_MARKER } from "../cli/render-marker.js";
import { scaleProject } from "../bench/catalog.js";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

/** Every file under `dir` but the render marker, with its content. */
const tree = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name !== RENDER_MARKER)
      .map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), "utf8")]),
  );

describe("the catalog file", () => {
  it("renders the same bytes as the same catalog in config", async () => {
    const inConfig = scaleProject(PROJECT_ROOT, 30, "config", 5);
    const inFile = scaleProject(PROJECT_ROOT, 30, "file", 5);
    const [a, b] = [join(inConfig, "out"), join(inFile, "out")];
    assert.equal((await cli(["render", "--stack", "big", "--out", a], inConfig)).code, 0);
    const r = await cli(["render", "--stack", "big", "--out", b], inFile);
    assert.equal(r.code, 0, r.text);
    assert.deepEqual(tree(join(b, "big")), tree(join(a, "big")));
    assert.ok(Object.keys(tree(join(b, "big"))).length > 90);
  });

  it("reports every problem of the file at once, naming it, and reads nothing outside the project", async () => {
    const dir = scaleProject(PROJECT_ROOT, 2, "file");
    const stackFile = join(dir, "Pulumi.big.yaml");
    const stack = fromYaml(readFileSync(stackFile, "utf8")) as { config: Record<string, unknown> };
    const setFile = (value: unknown, extra: Record<string, unknown> = {}) =>
      writeFileSync(stackFile, toYaml({ config: { ...stack.config, "polyaxon:catalogFile": value, ...extra } }));
    const validate = async () => {
      const r = await cli(["validate", "--stack", "big"], dir);
      assert.equal(r.code, 2, r.text);
      return r.stderr;
    };
    for (const [value, says] of [
      ["/etc/passwd", /polyaxon:catalogFile: is an absolute path; it must stay inside the project/],
      ["../outside.yaml", /polyaxon:catalogFile: leaves the project folder/],
      ["catalogs/none.yaml", /polyaxon:catalogFile: names catalogs\/none.yaml, which does not exist/],
      ["catalogs/big.txt", /polyaxon:catalogFile: must name a \.yaml or \.yml file/],
    ] as const) {
      setFile(value);
      assert.match(await validate(), says);
    }
    symlinkSync("/etc/hostname", join(dir, "catalogs/link.yaml"));
    setFile("catalogs/link.yaml");
    assert.match(await validate(), /catalogs\/link\.yaml: is a symlink/);

    // Keys in both places, a secure value, an unknown key and a bad entry: four errors in one run.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed catalog, read by path
    const catalog = fromYaml(readFileSync(join(dir, "catalogs/big.yaml"), "utf8")) as Record<string, any>;
    catalog.connections[1].kind = "gti";
    writeFileSync(join(dir, "catalogs/big.yaml"), toYaml({ ...catalog, mountConnections: { secure: "v1:x" }, ambientCluster: true }));
    setFile("catalogs/big.yaml", { "polyaxon:namespace": "other" });
    const errors = (await validate()).split("\n").filter((l) => l.startsWith("error "));
    assert.deepEqual(
      errors.map((l) => l.slice(0, l.indexOf(": ", l.indexOf(": ") + 2))).sort(),
      [
        "error catalogs/big.yaml: ambientCluster",
        "error catalogs/big.yaml: connections[1].kind",
        "error catalogs/big.yaml: mountConnections",
        "error catalogs/big.yaml: namespace",
      ],
      errors.join("\n"),
    );
    rmSync(dir, { recursive: true, force: true });
  });

  it("diff reads the catalog file at the base revision too", async () => {
    const dir = scaleProject(PROJECT_ROOT, 3, "file");
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "base");
    assert.match((await cli(["diff", "--base", "HEAD", "--stack", "big"], dir)).stdout, /stack big: unchanged/);
    const file = join(dir, "catalogs/big.yaml");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed catalog, read by path
    const catalog = fromYaml(readFileSync(file, "utf8")) as Record<string, any>;
    catalog.connections[2].configMap.data.DB_PORT = "6543";
    writeFileSync(file, toYaml(catalog));
    const r = await cli(["diff", "--base", "HEAD", "--stack", "big"], dir);
    assert.equal(r.code, 0, r.text);
    assert.match(r.stdout, /conn-2/);
    assert.match(r.stdout, /6543/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("import --catalog-file writes the catalog to the file and the release settings to the stack file; both layouts render alike", async () => {
    const values = join(PROJECT_ROOT, "test/fixtures/import/agent-s3.yaml");
    const plain = mkdtempSync(join(tmpdir(), "plx-import-"));
    const filed = mkdtempSync(join(tmpdir(), "plx-import-"));
    for (const d of [plain, filed]) writeFileSync(join(d, "Pulumi.yaml"), readFileSync(join(PROJECT_ROOT, "Pulumi.yaml")));
    assert.equal((await cli(["import", values, "--stack", "dev"], plain)).code, 0);
    const r = await cli(["import", values, "--stack", "dev", "--catalog-file", "catalogs/dev.yaml"], filed);
    assert.equal(r.code, 0, r.text);
    assert.match(r.stdout, /wrote catalogs\/dev\.yaml: .*connections.*; Pulumi\.dev\.yaml: .*polyaxon:catalogFile/);
    const config = (fromYaml(readFileSync(join(filed, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> }).config;
    assert.equal(config["polyaxon:catalogFile"], "catalogs/dev.yaml");
    assert.equal(config["polyaxon:connections"], undefined);
    assert.ok((fromYaml(readFileSync(join(filed, "catalogs/dev.yaml"), "utf8")) as Record<string, unknown>).connections);
    for (const d of [plain, filed]) assert.equal((await cli(["render", "--stack", "dev", "--out", join(d, "out")], d)).code, 0);
    assert.deepEqual(tree(join(filed, "out/dev")), tree(join(plain, "out/dev")));
    // Again: the file exists, so only --force replaces it; a path outside the project is refused.
    assert.equal((await cli(["import", values, "--stack", "dev", "--catalog-file", "catalogs/dev.yaml"], filed)).code, 2);
    assert.equal((await cli(["import", values, "--stack", "qa", "--catalog-file", "../x.yaml"], filed)).code, 2);
  });
});
