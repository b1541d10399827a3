/**
 * No credential in clear: `validate` refuses every plain credential in a catalog or in the
 * chart values (by the name that holds it and by its shape), and `import` never writes one,
 * printing the route to a Pulumi secret for each. Names of Secrets are not credentials.
 */
import { strict as assert } from "node:assert";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fromYaml, toYaml } from "../components/internal.js";
import { findPlainCredentials } from "../components/model/plain-credentials.js";
import { cli } from "./helpers/cli.js";
import { PROJECT_ROOT } from "./helpers/stacks.js";

/** Canaries, each a credential of one form; `C` marks them so that no output may hold one. */
const C = (n: number) => `CANARY${n}x`;
const ghToken = (n: number) => `ghp_${C(n)}abcdefghijklmnopqrstuvwxyz012345`;

/** A values file with 29 credentials planted where the attack pass found them. */
function plantedValues(): { values: Record<string, unknown>; planted: string[] } {
  const values = {
    artifactsStore: { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3-store" } },
    connections: [
      {
        name: "warehouse-db",
        kind: "postgres",
        secret: { name: "pg-credentials" },
        env: { PGHOST: "db.internal", PGPASSWORD: C(1), AWS_SECRET_ACCESS_KEY: C(2), DB_TOKEN: C(3) },
        annotations: { "acme.io/owner": "data", "acme.io/api-token": C(4), "acme.io/webhook": `https://hooks.slack.com/services/T0/B0/${C(5)}` },
      },
      { name: "repo", kind: "git", schema: { url: `https://ci-bot:${C(6)}@github.com/acme/models`, revision: "a".repeat(40) } },
      { name: "repo-token", kind: "git", schema: { url: `https://${ghToken(7)}@github.com/acme/data` } },
      { name: "api", kind: "webhook", schema: { apiKey: C(8), headers: { Authorization: `Bearer ${C(9)}`, "X-Trace": "on" } } },
      { name: "discord", kind: "discord", schema: { url: `https://discord.com/api/webhooks/123456/${C(10)}` } },
      { name: "docs", kind: "custom", schema: { url: `https://docs.acme.io/feed?token=${C(11)}`, password: C(12) } },
      { name: "settings", kind: "postgres", configMap: { name: "settings" }, schema: { dsn: `postgres://app:${C(13)}@db/app` } },
    ],
    agent: {
      env: [
        { name: "PGPASSWORD", value: C(14) },
        { name: "HOME", value: "/root" },
        { name: "API_TOKEN", value: C(15) },
      ],
    },
    externalDb: { dsn: C(16), credentials: C(17), pwd: C(18), passphrase: C(19) },
    ldap: { enabled: true, ldapBindPw: C(20), bindDn: "cn=admin,dc=acme" },
    email: { smtpPassword: C(21), host: "smtp.acme.io" },
    integrations: { apiKey: C(22), signingKey: C(23), slackWebhook: `https://hooks.slack.com/services/T1/B1/${C(24)}` },
    sentry: { dsn: `https://${C(25)}@o1.ingest.sentry.io/5` },
    encryptionSecret: C(26),
    platformSecret: C(27),
    postgresql: { auth: { password: C(28), username: "polyaxon" } },
    redis: { auth: { password: 123456789 } },
    // Names of Secrets, and other look-alikes: kept.
    ssl: { enabled: true, secretName: "my-tls" },
    imagePullSecrets: [{ name: "regcred" }],
    existingSecret: "polyaxon-db",
    agentSecret: "polyaxon-agent-secret",
    tokenUrl: "https://auth.acme.io/token",
  };
  return { values, planted: Array.from({ length: 28 }, (_, i) => C(i + 1)) };
}

describe("plain credentials", () => {
  it("the detector finds each planted credential once, and none of the look-alikes", () => {
    const { values } = plantedValues();
    const found = findPlainCredentials(values);
    assert.equal(found.length, 29, JSON.stringify(found.map((f) => f.path.join("."))));
    assert.equal(new Set(found.map((f) => f.path.join("."))).size, 29);
    for (const f of found) assert.ok(!["ssl", "imagePullSecrets", "existingSecret", "agentSecret", "tokenUrl"].includes(String(f.path[0])), f.path.join("."));
    assert.ok(found.every((f) => !JSON.stringify(f).includes("CANARY")));
  });

  it("import writes none of the 29, prints no value, keeps what names a Secret, and prints a route for each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-plain-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    const { values } = plantedValues();
    writeFileSync(join(dir, "values.yaml"), toYaml(values));
    const r = await cli(["import", join(dir, "values.yaml"), "--stack", "dev", "--force"], dir);
    assert.doesNotMatch(r.text, /CANARY|123456789/);
    const written = readFileSync(join(dir, "Pulumi.dev.yaml"), "utf8");
    assert.doesNotMatch(written, /CANARY|123456789/);
    assert.match(r.stdout, /29 credential\(s\) were not written in clear/);
    const routes = r.stdout.split("\n").filter((l) => l.startsWith("  "));
    assert.equal(routes.length, 29, r.stdout);
    for (const path of ["externalDb.dsn", "ldap.ldapBindPw", "agent.env[0].value", "agent.env[2].value", "redis.auth.password", "integrations.slackWebhook"]) {
      assert.ok(
        r.stdout.includes(`polyaxon:agent.values.${path}: `) &&
          r.stdout.includes(`run \`pulumi config set --secret --path 'polyaxon:agent.values.${path}' '<value>' --stack dev\``),
        `${path}\n${r.stdout}`,
      );
    }
    const route = (at: string, rest: string) => assert.ok(r.stdout.includes(`  ${at}: ${rest}`), `${at}: ${rest}\n${r.stdout}`);
    route(
      "polyaxon:connections[0].env.PGPASSWORD",
      "a credential (by its name): add secret.fromConfig: {PGPASSWORD: warehouseDbPgpassword} to entry warehouse-db, then run `pulumi config set --secret warehouseDbPgpassword '<value>' --stack dev`",
    );
    route("polyaxon:connections[0].annotations.acme.io/api-token", "a credential (by its name): add secret.fromConfig: {acme.io_api-token: warehouseDbAcmeIoApiToken}");
    route(
      "polyaxon:connections[1].schema.url",
      "a URL with a password (the URL was kept without its credentials): add secret.gitToken: repoGitToken to entry repo, then run `pulumi config set --secret repoGitToken '<value>' --stack dev`",
    );
    route("polyaxon:connections[4].schema.url", "a webhook URL (its path is its secret): add secret.notifier: [{url: discordWebhookUrl}] to entry discord");
    route("polyaxon:connections[6].schema.dsn", "a URL with a password (the URL was kept without its credentials): add secret.fromConfig: {dsn: settingsDsn}");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a written stack file, read by path
    const config = (fromYaml(written) as { config: Record<string, any> }).config;
    assert.equal(config["polyaxon:connections"][1].schema.url, "https://github.com/acme/models");
    assert.equal(config["polyaxon:connections"][1].schema.revision, "a".repeat(40));
    assert.equal(config["polyaxon:connections"][2].schema.url, "https://github.com/acme/data");
    assert.deepEqual(config["polyaxon:connections"][0].env, { PGHOST: "db.internal" });
    assert.deepEqual(config["polyaxon:connections"][3].schema.headers, { "X-Trace": "on" });
    const chart = config["polyaxon:agent"].values;
    assert.deepEqual(chart.ssl, { enabled: true, secretName: "my-tls" });
    assert.deepEqual(chart.imagePullSecrets, [{ name: "regcred" }]);
    assert.equal(chart.existingSecret, "polyaxon-db");
    assert.equal(chart.tokenUrl, "https://auth.acme.io/token");
    // The list form keeps its names, so each --path route puts the value back in place.
    assert.deepEqual(chart.agent.env, [{ name: "PGPASSWORD" }, { name: "HOME", value: "/root" }, { name: "API_TOKEN" }]);
    assert.deepEqual(chart.postgresql, { auth: { username: "polyaxon" } });
  });

  it("validate refuses each plain credential of a stack once, naming its path and never its value (exit 2)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-plain-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    const { values } = plantedValues();
    const { artifactsStore, connections, agentSecret: _a, ...chart } = values;
    const config = { "polyaxon:artifactsStore": artifactsStore, "polyaxon:connections": connections, "polyaxon:agent": { values: chart }, "kubernetes:context": "kind-dev" };
    writeFileSync(join(dir, "Pulumi.dev.yaml"), toYaml({ config }));
    const r = await cli(["validate", "--stack", "dev"], dir);
    assert.equal(r.code, 2, r.text);
    assert.doesNotMatch(r.text, /CANARY|123456789/);
    const errors = r.stderr.split("\n").filter((l) => l.startsWith("error "));
    const credential = errors.filter((l) => /holds .* in clear/.test(l));
    assert.equal(credential.length, 29, credential.join("\n"));
    for (const path of [
      "polyaxon:connections[0].env.PGPASSWORD",
      "polyaxon:connections[0].annotations.acme.io/api-token",
      "polyaxon:connections[1].schema.url",
      "polyaxon:connections[3].schema.headers.Authorization",
      "polyaxon:agent.values.ldap.ldapBindPw",
    ]) {
      assert.ok(
        credential.some((l) => l.startsWith(`error ${path}: `)),
        `${path}\n${credential.join("\n")}`,
      );
    }
    assert.ok(credential.every((l) => / Fix: /.test(l)));
    // One error per field: each path once.
    const paths = errors.map((l) => l.slice("error ".length, l.indexOf(": ")));
    assert.equal(new Set(paths).size, paths.length, errors.join("\n"));
  });

  it("routes a credential of an env in the list form by the variable's name, offline and in import", async () => {
    const dir = mkdtempSync(join(tmpdir(), "plx-plain-"));
    cpSync(join(PROJECT_ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    const db = {
      name: "db",
      kind: "postgres",
      secret: { name: "pg" },
      env: [
        { name: "HOME", value: "/root" },
        { name: "PGPASSWORD", value: C(1) },
      ],
    };
    writeFileSync(join(dir, "Pulumi.dev.yaml"), toYaml({ config: { "polyaxon:connections": [db], "kubernetes:context": "kind-dev" } }));
    writeFileSync(join(dir, "values.yaml"), toYaml({ connections: [db] }));
    const route = /add secret\.fromConfig: \{PGPASSWORD: dbPgpassword\} to entry db/;
    const v = await cli(["validate", "--stack", "dev"], dir);
    assert.match(
      v.stderr.split("\n").find((l) => l.startsWith("error polyaxon:connections[0].env[1].value: "))!,
      route,
    );
    const i = await cli(["import", join(dir, "values.yaml"), "--stack", "staging", "--force"], dir);
    assert.match(i.text.split("\n").find((l) => l.includes("connections[0].env[1].value: ")) ?? i.text, route);
    assert.doesNotMatch(v.text + i.text, /CANARY/);
  });
});
