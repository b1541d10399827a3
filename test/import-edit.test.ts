/**
 * `import --force` into an existing stack file edits only what it owns: every other key,
 * every comment and the key order stay; with `polyaxon:agents` it targets one agent by
 * release or refuses; chart secrets are never written in clear nor printed.
 */
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createTwoFilesPatch } from "diff";
import { fromYaml, toYaml } from "../components/internal.js";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

const IMPORTS = resolve(__dirname, "fixtures/import");

function projectWithProd(): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-import-edit-"));
  for (const f of ["Pulumi.yaml", "Pulumi.prod.yaml"]) cpSync(join(PROJECT_ROOT, f), join(dir, f));
  return dir;
}

/** The lines a change removed from `before` (a unified diff's `-` lines). */
function removedLines(before: string, after: string): string[] {
  return createTwoFilesPatch("a", "b", before, after)
    .split("\n")
    .filter((l) => l.startsWith("-") && !l.startsWith("---"));
}

const comments = (text: string) => text.split("\n").filter((l) => l.trim().startsWith("#"));

describe("import --force edits only what it owns", () => {
  it("refuses a stack with several agents unless --release names one, touching nothing", async () => {
    const dir = projectWithProd();
    const before = readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8");
    const r = await cli(["import", join(IMPORTS, "agent-s3.yaml"), "--stack", "prod", "--force"], dir);
    assert.equal(r.code, 2, r.text);
    assert.match(r.stderr, /several agents \(polyaxon:agents: vision-agent, nlp-agent\); say which one the values are for with --release <name>/);
    assert.equal(readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8"), before);
  });

  it("updates one agent of the two-agent prod stack, keeping the other, every comment and the key order", async () => {
    const dir = projectWithProd();
    const file = join(dir, "Pulumi.prod.yaml");
    const before = readFileSync(file, "utf8");
    const r = await cli(["import", join(IMPORTS, "agent-s3.yaml"), "--stack", "prod", "--force", "--release", "nlp-agent"], dir);
    assert.equal(r.code, 0, r.text);
    const after = readFileSync(file, "utf8");
    assert.deepEqual(comments(after), comments(before));
    const doc = fromYaml(after) as { config: Record<string, unknown> };
    const beforeDoc = fromYaml(before) as { config: Record<string, unknown> };
    assert.deepEqual(Object.keys(doc.config), Object.keys(beforeDoc.config));
    const [vision, nlp] = doc.config["polyaxon:agents"] as Record<string, unknown>[];
    assert.deepEqual(vision, (beforeDoc.config["polyaxon:agents"] as unknown[])[0], "the other agent is untouched");
    const imported = fromYaml(readFileSync(join(IMPORTS, "agent-s3.yaml"), "utf8")) as Record<string, unknown>;
    assert.equal(nlp!.release, "nlp-agent");
    assert.deepEqual(nlp!.artifactsStore, imported.artifactsStore);
    assert.deepEqual(nlp!.connections, imported.connections);
    // The vision agent's lines are byte for byte as they were, and so is all before them.
    assert.ok(after.startsWith(before.slice(0, before.indexOf("- release: nlp-agent"))));
    assert.ok(removedLines(before, after).length > 0);
  });

  it("adds a new agent for a new --release", async () => {
    const dir = projectWithProd();
    const r = await cli(["import", join(IMPORTS, "agent-claim.yaml"), "--stack", "prod", "--force", "--release", "speech-agent"], dir);
    assert.equal(r.code, 0, r.text);
    const agents = (fromYaml(readFileSync(join(dir, "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, Record<string, unknown>[]> }).config["polyaxon:agents"]!;
    assert.deepEqual(
      agents.map((a) => a.release),
      ["vision-agent", "nlp-agent", "speech-agent"],
    );
  });

  it("keeps the short form's other keys, comments, secure values and settings it does not own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-import-edit-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    const original = [
      "# my team's stack",
      "encryptionsalt: v1:salt",
      "config:",
      "  kubernetes:context: ml # the ML cluster",
      "  polyaxon:agent:",
      "    release: team # our release name",
      "    deploy: true",
      "    values:",
      "      postgresql:",
      "        auth:",
      "          password:",
      "            secure: v1:abc",
      "  polyaxon:mountConnections: [old]",
      "  polyaxon:dbPassword:",
      "    secure: v1:def",
      "",
    ].join("\n");
    writeFileSync(join(dir, "Pulumi.team.yaml"), original);
    const r = await cli(["import", join(IMPORTS, "agent-claim.yaml"), "--stack", "team", "--force"], dir);
    assert.equal(r.code, 0, r.text);
    const after = readFileSync(join(dir, "Pulumi.team.yaml"), "utf8");
    for (const line of [
      "# my team's stack",
      "kubernetes:context: ml # the ML cluster",
      "release: team # our release name",
      "secure: v1:abc",
      "secure: v1:def",
      "encryptionsalt: v1:salt",
    ]) {
      assert.ok(after.includes(line), `kept: ${line}\n${after}`);
    }
    const config = (fromYaml(after) as { config: Record<string, Record<string, unknown>> }).config;
    assert.equal(config["polyaxon:agent"]!.deploy, true);
    assert.deepEqual(Object.keys(config).slice(0, 2), ["kubernetes:context", "polyaxon:agent"]);
    const imported = fromYaml(readFileSync(join(IMPORTS, "agent-claim.yaml"), "utf8")) as Record<string, unknown>;
    assert.deepEqual(config["polyaxon:mountConnections"], imported.mountConnections, "the catalog keys are the imported ones");
  });

  it("never writes or prints a chart secret; lists each with its pulumi config set --secret --path command", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-import-edit-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    const canaries = {
      user: { password: "CANARY-user-pw" },
      encryptionSecret: "CANARY-encryption",
      platformSecret: "CANARY-platform",
      postgresql: { enabled: true, auth: { password: "CANARY-pg", username: "polyaxon" } },
      redis: { auth: { password: "CANARY-redis" } },
      rabbitmq: { auth: { password: "CANARY-rabbit" } },
      email: { host: "smtp.acme.io", smtpPassword: "CANARY-smtp" },
      integrations: { apiToken: "CANARY-token", signingKey: "CANARY-key" },
      artifactsStore: { name: "s", kind: "s3", schema: { bucket: "s3://s" }, secret: { name: "s3" } },
    };
    const values = join(dir, "ce.yaml");
    writeFileSync(values, toYaml(canaries));
    const r = await cli(["import", values, "--stack", "ce"], dir);
    assert.equal(r.code, 0, r.text);
    assert.doesNotMatch(r.text, /CANARY/);
    const written = readFileSync(join(dir, "Pulumi.ce.yaml"), "utf8");
    assert.doesNotMatch(written, /CANARY/);
    const expected = [
      "user.password",
      "encryptionSecret",
      "platformSecret",
      "postgresql.auth.password",
      "redis.auth.password",
      "rabbitmq.auth.password",
      "email.smtpPassword",
      "integrations.apiToken",
      "integrations.signingKey",
    ];
    for (const path of expected) {
      assert.ok(r.stdout.includes(`pulumi config set --secret --path 'polyaxon:agent.values.${path}' '<value>' --stack ce`), `${path}\n${r.stdout}`);
    }
    // What is not secret stays: the chart still gets its settings.
    const agent = (fromYaml(written) as { config: Record<string, Record<string, Record<string, unknown>>> }).config["polyaxon:agent"]!;
    assert.deepEqual(agent.values!.postgresql, { enabled: true, auth: { username: "polyaxon" } });
  });
});
