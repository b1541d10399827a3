/**
 * Secret sources: existing Secrets, Secrets built from Pulumi secret config (with the typed
 * helpers) and Secrets synced by the External Secrets Operator — and canary values that
 * never reach values, manifests, diffs, logs, errors or plain outputs.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackConfig, readStackFile } from "../cli/stack-file.js";
import { secretEnvVar } from "../cli/secret-env.js";
import { renderFiles } from "../cli/render.js";
import { composeSecret, fromYaml, loadCatalog, loadStack, planAgent, planStack } from "../components/internal.js";
import { reverseKeys } from "./helpers/key-order.js";
import { runStack, stackResources } from "../program.js";
import { isSecretValue, registered, resetRegistered, setConfig, settled, unwrapSecrets } from "./helpers/pulumi-mocks.js";
import { CANARY_PATTERN, exampleStacks, FIXTURE_STACKS, loadStackIntoConfig } from "./helpers/stacks.js";
import { cli } from "./helpers/cli.js";

/** Run `f` with extra environment variables, then restore. */
async function withEnv<T>(vars: Record<string, string>, f: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function filesUnder(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]),
  );
}

/** Every `secure:` ciphertext of a stack file. */
function ciphertexts(dir: string, stack: string): string[] {
  return [...readStackFile(dir, stack).values()].filter((v): v is { secure: string } => typeof v === "object" && v !== null && "secure" in v).map((v) => v.secure);
}

describe("secret sources", () => {
  it("renders an ExternalSecret for a secret kept in a secret manager, and the values reference the Secret it produces", async () => {
    const out = mkdtempSync(join(tmpdir(), "plx-secrets-"));
    const r = await cli(["render", "--stack", "secrets", "--out", out], FIXTURE_STACKS);
    assert.equal(r.code, 0, r.text);
    const files = filesUnder(join(out, "secrets"));
    const external = fromYaml(files.get("manifests/research.externalsecret.artifacts-s3.yaml")!) as {
      apiVersion: string;
      spec: { target: { name: string }; secretStoreRef: unknown; refreshInterval: string; data: unknown[] };
    };
    assert.equal(external.apiVersion, "external-secrets.io/v1");
    assert.deepEqual(external.spec.secretStoreRef, { name: "vault", kind: "ClusterSecretStore" });
    assert.equal(external.spec.refreshInterval, "15m");
    assert.deepEqual(external.spec.data[0], { secretKey: "AWS_ACCESS_KEY_ID", remoteRef: { key: "ml/artifacts", property: "access_key_id" } });
    const values = fromYaml(files.get("values/research-agent.yaml")!) as { artifactsStore: { secret: unknown } };
    assert.deepEqual(values.artifactsStore.secret, { name: external.spec.target.name });
    assert.ok(!files.has("manifests/research.secret.artifacts-s3.yaml"), "the operator, not the stack, writes that Secret");
  });

  it("renders every object the same whatever the key order of the stack file (ExternalSecret data included)", () => {
    const source = readStackConfig(FIXTURE_STACKS, "secrets");
    const reversed = { ...source, value: (key: string) => reverseKeys(source.value(key)) };
    const files = renderFiles(planStack(loadStack(source).stack!));
    assert.deepEqual([...renderFiles(planStack(loadStack(reversed).stack!))], [...files]);
    const external = fromYaml(files.get("manifests/research.externalsecret.artifacts-s3.yaml")!) as { spec: { data: { secretKey: string }[] } };
    const keys = external.spec.data.map((d) => d.secretKey);
    assert.deepEqual(keys, [...keys].sort());
  });

  for (const { dir, stack } of exampleStacks()) {
    it(`redacts every Secret manifest of stack ${stack} and prints no ciphertext`, async () => {
      const out = mkdtempSync(join(tmpdir(), "plx-secrets-"));
      const r = await cli(["render", "--stack", stack, "--out", out], dir);
      assert.equal(r.code, 0, r.text);
      const files = filesUnder(join(out, stack));
      for (const [name, text] of files) {
        if (!name.includes(".secret.")) continue;
        const data = (fromYaml(text) as { stringData: Record<string, string> }).stringData;
        for (const v of Object.values(data)) assert.match(v, /^<redacted: /, name);
      }
      const everything = [...files.values()].join("\n") + r.text;
      for (const c of ciphertexts(dir, stack)) assert.ok(!everything.includes(c), `${c} leaked`);
    });
  }

  it("builds a valid Docker config.json with the registry helper (unredacted here)", () => {
    const { catalog } = loadCatalog(readStackConfig(FIXTURE_STACKS, "secrets"));
    const secret = planAgent(catalog!).objects.find((o) => o.id === "Secret/research/docker-conf")!;
    const json = JSON.parse(composeSecret(secret.secretData!["config.json"]!, () => "CANARY-pw-31")) as {
      auths: Record<string, { username: string; password: string; auth: string }>;
    };
    const auth = json.auths["registry.example.com"]!;
    assert.deepEqual([auth.username, auth.password], ["ci-bot", "CANARY-pw-31"]);
    assert.equal(Buffer.from(auth.auth, "base64").toString(), "ci-bot:CANARY-pw-31");
  });

  it("builds the notifier list vents reads, and the S3 keys with endpoint and region", () => {
    const { catalog } = loadCatalog(readStackConfig(FIXTURE_STACKS, "secrets"));
    const objects = new Map(planAgent(catalog!).objects.map((o) => [o.id, o]));
    const pd = objects.get("Secret/research/pagerduty-notifier")!.secretData!;
    assert.deepEqual(JSON.parse(composeSecret(pd.pagerduty!, (k) => `<${k}>`)), [{ url: "<polyaxon:pagerdutyUrl>", service_key: "<polyaxon:pagerdutyServiceKey>" }]);
    const s3 = objects.get("Secret/research/minio-datasets")!.secretData!;
    assert.deepEqual(Object.fromEntries(Object.entries(s3).map(([k, r]) => [k, composeSecret(r, (key) => `<${key}>`)])), {
      AWS_ACCESS_KEY_ID: "<polyaxon:minioKeyId>",
      AWS_SECRET_ACCESS_KEY: "<polyaxon:minioSecretKey>",
      AWS_REGION: "us-east-1",
      AWS_ENDPOINT_URL: "https://minio.research.svc:9000",
    });
  });

  it("writes values in clear only with --reveal, from PLXC_SECRET_* variables, and says so once", async () => {
    const env = { [secretEnvVar("polyaxon:githubToken")]: "CANARY-gh-55" };
    await withEnv(env, async () => {
      const plain = mkdtempSync(join(tmpdir(), "plx-secrets-"));
      const redacted = await cli(["render", "--stack", "secrets", "--out", plain], FIXTURE_STACKS);
      assert.doesNotMatch([...filesUnder(plain).values()].join() + redacted.text, /CANARY-gh-55/);
      assert.equal(redacted.text.match(/note: Secret data is redacted/g)?.length, 1);

      const revealed = mkdtempSync(join(tmpdir(), "plx-secrets-"));
      const r = await cli(["render", "--stack", "secrets", "--out", revealed, "--reveal"], FIXTURE_STACKS);
      assert.match(r.text, /--reveal: Secret data written in clear from 1 of 8/);
      assert.doesNotMatch(r.text, /CANARY-gh-55/);
      const token = fromYaml(readFileSync(join(revealed, "secrets/manifests/research.secret.git-token.yaml"), "utf8")) as { stringData: Record<string, string> };
      assert.equal(token.stringData.POLYAXON_GIT_CREDENTIALS, "CANARY-gh-55");
    });
  });

  it("checks a notifier value from the environment offline, without echoing it", async () => {
    const env = { [secretEnvVar("polyaxon:slackWebhooks")]: '{"url": "https://hooks.slack.com/CANARY-slack-9"}' };
    await withEnv(env, async () => {
      const r = await cli(["validate", "--stack", "provisioned"], FIXTURE_STACKS);
      assert.equal(r.code, 2);
      assert.match(r.text, /polyaxon:connections\[1\]\.secret\.fromConfig\.slack: the value of config key polyaxon:slackWebhooks is JSON but not a list/);
      assert.doesNotMatch(r.text, /CANARY-slack-9/);
    });
  });

  for (const { dir, stack } of exampleStacks()) {
    it(`keeps the canaries of stack ${stack} inside Pulumi secrets under the mock engine`, async () => {
      resetRegistered();
      const { secrets } = loadStackIntoConfig(dir, stack);
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...a: unknown[]) => warnings.push(a.join(" "));
      let out: ReturnType<typeof runStack>;
      try {
        out = runStack();
        await settled(stackResources(out));
      } finally {
        console.warn = original;
      }
      for (const r of registered) {
        const plain = JSON.stringify(unwrapSecrets(r.inputs, () => "<secret>"));
        assert.doesNotMatch(plain, CANARY_PATTERN, `${r.type} ${r.name} holds a canary outside a secret`);
      }
      const inSecrets = registered.flatMap((r) => (r.inputs.stringData === undefined ? [] : [JSON.stringify(unwrapSecrets(r.inputs.stringData))]));
      for (const canary of Object.values(secrets)) {
        const marker = CANARY_PATTERN.exec(canary)![0];
        assert.ok(
          inSecrets.some((s) => s.includes(marker)),
          `${marker} did not reach its Secret`,
        );
      }
      const secretInputs = registered.filter((r) => r.inputs.stringData !== undefined);
      for (const r of secretInputs) {
        const data = r.inputs.stringData;
        assert.ok(isSecretValue(data) || Object.values(data as object).every(isSecretValue), `${r.name} data is not secret`);
      }
      assert.doesNotMatch(JSON.stringify({ v: out!.values, o: out!.objects, w: out!.warnings }) + warnings.join("\n"), CANARY_PATTERN);
    });
  }
});

describe("decrypted secret config in the program's messages", () => {
  /** Where a rule can fail on a value: each gets a weak secret (a credential detector would not catch it). */
  const AT: Record<string, (v: string) => Record<string, unknown>> = {
    "secret.fromConfig value": (v) => ({ name: "db", kind: "postgres", secret: { name: "pg", fromConfig: { PGPASSWORD: v } } }),
    "secret.gitToken": (v) => ({ name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" }, secret: { name: "git", gitToken: v } }),
    "secret.name": (v) => ({ name: "db", kind: "postgres", secret: { name: v } }),
    "schema.bucket": (v) => ({ name: "data", kind: "s3", schema: { bucket: v } }),
    kind: (v) => ({ name: "x", kind: v }),
    name: (v) => ({ name: v, kind: "postgres" }),
    "schema.mountPath": (v) => ({ name: "vol", kind: "volume_claim", schema: { volumeClaim: "vol", mountPath: v } }),
    "env value": (v) => ({ name: "db", kind: "postgres", env: { PGPASSWORD: v } }),
    "env list": (v) => ({ name: "db", kind: "postgres", env: [{ name: "PGPASSWORD", value: v }] }),
    "annotations value": (v) => ({ name: "db", kind: "postgres", annotations: { "example.com/token": v } }),
    "configMap data": (v) => ({ name: "db", kind: "postgres", configMap: { name: "pg-settings", data: { PGHOST: v } } }),
  };

  for (const [where, entry] of Object.entries(AT)) {
    it(`never prints a secret typed at ${where}, registering nothing`, () => {
      const weak = `Weak Pass ${where.length}x`;
      resetRegistered();
      setConfig({ "kubernetes:context": "c" }, { "polyaxon:connections": JSON.stringify([entry(weak)]) });
      assert.throws(
        () => runStack(),
        (err: Error) => {
          assert.ok(!err.message.includes(weak) && !err.message.includes(JSON.stringify(weak).slice(1, -1)), err.message);
          return /nothing was created/.test(err.message);
        },
      );
      assert.equal(registered.length, 0);
    });
  }
});
