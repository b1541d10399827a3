/**
 * The stack file's JSON Schema in a real editor's language server (yaml-language-server,
 * driven over stdio as VS Code drives it): `import` writes a stack file whose modeline names a
 * schema that exists from the project (here, run from outside the project: a copy beside the
 * stack file; from an installed package, test/package.test.ts); the server loads it, and its
 * hovers, completions and messages are what a user needs.
 */
import { strict as assert } from "node:assert";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CONNECTION_KINDS } from "../components/internal.js";
import { LOCAL_SCHEMA_FILE } from "../cli/schema-command.js";
import { cli } from "./helpers/cli.js";
import { YamlLanguageServer } from "./helpers/yaml-language-server.js";

const VALUES = `namespace: team
artifactsStore:
  name: artifacts
  kind: s3
  schema: {bucket: "s3://team-artifacts"}
  secret: {name: artifacts-s3}
connections:
  - name: data
    kind: volume_claim
    schema: {volumeClaim: data, mountPath: /data}
`;

/** A stack file to hover and complete in (after the modeline `import` wrote). */
const DOCUMENT = `config:
  polyaxon:namespace: team
  polyaxon:connections:
    - name: data
      kind: s3
      schema:
        bucket: s3://a
      secret:
        name: s
        fromConfig:
          K: key
  polyaxon:agent:
    release: rel
`;

/** Line and column of `text` in `doc` (the first one). */
function at(doc: string, text: string): [number, number] {
  const lines = doc.split("\n");
  const line = lines.findIndex((l) => l.includes(text));
  assert.ok(line >= 0, text);
  return [line, lines[line]!.indexOf(text) + 1];
}

describe("the stack file's schema in yaml-language-server", function () {
  this.timeout(60000);
  let project: string;
  let server: YamlLanguageServer;
  let modeline: string;

  before(async () => {
    project = mkdtempSync(join(tmpdir(), "plx-editor-"));
    writeFileSync(join(project, "Pulumi.yaml"), "name: team\nruntime: nodejs\n");
    writeFileSync(join(project, "values.yaml"), VALUES);
    const r = await cli(["import", join(project, "values.yaml"), "--stack", "dev"], project);
    assert.equal(r.code, 0, r.stderr);
    modeline = readFileSync(join(project, "Pulumi.dev.yaml"), "utf8").split("\n")[0]!;
    server = await YamlLanguageServer.start(project);
  });

  after(async () => {
    await server?.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it("loads the schema `import` names, from the project: no problem in the imported stack file", async () => {
    assert.equal(modeline, `# yaml-language-server: $schema=./${LOCAL_SCHEMA_FILE}`);
    assert.ok(existsSync(join(project, LOCAL_SCHEMA_FILE)));
    const diagnostics = await server.open(join(project, "Pulumi.dev.yaml"), readFileSync(join(project, "Pulumi.dev.yaml"), "utf8"));
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      [],
    );
  });

  it("leaves a schema copy that is already there as it is (it may be the user's)", async () => {
    const other = mkdtempSync(join(tmpdir(), "plx-editor-"));
    try {
      writeFileSync(join(other, "Pulumi.yaml"), "name: team\nruntime: nodejs\n");
      writeFileSync(join(other, "values.yaml"), VALUES);
      writeFileSync(join(other, LOCAL_SCHEMA_FILE), "{}\n");
      const r = await cli(["import", join(other, "values.yaml"), "--stack", "dev"], other);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(join(other, LOCAL_SCHEMA_FILE), "utf8"), "{}\n");
      assert.equal(readFileSync(join(other, "Pulumi.dev.yaml"), "utf8").split("\n")[0], modeline);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("shows the description of kind, schema, secret, fromConfig and release on hover", async () => {
    const doc = `${modeline}\n${DOCUMENT}`;
    const path = join(project, "Pulumi.hover.yaml");
    await server.open(path, doc);
    const expected: [string, RegExp][] = [
      ["kind:", /connection kind .*selects what/],
      ["schema:", /The kind's own settings/],
      ["secret:", /Secret injected into runs/],
      ["fromConfig:", /Pulumi secret config key/],
      ["release:", /Helm release name/],
    ];
    for (const [key, description] of expected) assert.match(await server.hover(path, ...at(doc, key)), description, key);
  });

  it("completes every one of the 45 kinds, and offers no internal name anywhere", async () => {
    const doc = `${modeline}\n${DOCUMENT}`;
    const path = join(project, "Pulumi.complete.yaml");
    await server.open(path, doc);
    const [line, column] = at(doc, "kind: s3");
    const kinds = await server.completion(path, line, column + "kind: ".length);
    assert.deepEqual([...kinds].sort(), [...CONNECTION_KINDS].sort());
    // Every position of every line: what the editor may offer there.
    const labels = new Set<string>();
    for (const [i, text] of doc.split("\n").entries()) for (let c = 0; c <= text.length; c += 2) for (const l of await server.completion(path, i, c)) labels.add(l);
    assert.deepEqual(
      [...labels].filter((l) => /__schema|\$defs|#\//.test(l)),
      [],
    );
  });

  it("names the valid kinds when one is wrong", async () => {
    const doc = `${modeline}\n${DOCUMENT.replace("kind: s3", "kind: s3x")}`;
    const diagnostics = await server.open(join(project, "Pulumi.wrong.yaml"), doc);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    for (const kind of CONNECTION_KINDS) assert.ok(diagnostics[0]!.message.includes(`"${kind}"`), kind);
  });
});
