/**
 * Secret config stays secret in the Pulumi state: a `secure:` value at any depth reaches
 * the engine only inside secret envelopes (resource inputs, component and stack outputs,
 * the provider's kubeconfig), is refused where Kubernetes would store it in clear, and is
 * redacted by the offline render, which never writes the `secure:` mapping.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PulumiConfigReader, runStack, stackResources } from "../program.js";
import { cli } from "./helpers/cli.js";
import { isSecretValue, plainTextOf, registered, registeredOutputs, resetRegistered, settled, valueOf } from "./helpers/pulumi-mocks.js";
import { CANARY_PATTERN, canaryFor, loadStackIntoConfig } from "./helpers/stacks.js";

// Internal modules of the SDK: the runner's own way to run a program as the root stack.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runInPulumiStack } = require("@pulumi/pulumi/runtime/stack");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { waitForRPCs } = require("@pulumi/pulumi/runtime/settings");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { setStackResource } = require("@pulumi/pulumi/runtime/state");

const DIR = resolve(__dirname, "fixtures/secret-config");
const PASSWORD = "polyaxon:agent.values.postgresql.auth.password";

/**
 * Run index.ts, the real entry point, as the root stack, the way the SDK's runner does
 * (cmd/run/run.js): load it, call the function it exports, and take its result as the
 * stack outputs.
 */
async function runEntryPoint(): Promise<Record<string, unknown>> {
  const entry = require.resolve("../index.ts");
  delete require.cache[entry];
  try {
    const outputs = await runInPulumiStack(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program as the SDK loads it
      const program = require(entry) as unknown;
      return program instanceof Function ? program() : program;
    });
    await waitForRPCs();
    return outputs;
  } finally {
    setStackResource(undefined); // later tests register without a root stack, as before
  }
}

describe("secret config in the Pulumi state", () => {
  it("keeps a nested secret of agent.values and a secret kubeconfig inside secret envelopes everywhere", async () => {
    resetRegistered();
    loadStackIntoConfig(DIR, "nested");
    const out = runStack(new PulumiConfigReader(join(DIR, "Pulumi.nested.yaml")));
    await settled(stackResources(out));

    const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
    assert.ok(isSecretValue(release.inputs.values), "Release values are a secret input");
    assert.match(JSON.stringify(release.inputs.values), new RegExp(canaryFor(PASSWORD).match(CANARY_PATTERN)![0]), "the chart still gets the value");
    const provider = registered.find((r) => r.type === "pulumi:providers:kubernetes")!;
    assert.ok(isSecretValue(provider.inputs.kubeconfig), "the provider's kubeconfig is a secret input");
    const agent = registeredOutputs.find((o) => o.urn.endsWith("polyaxon:index:Agent::polyaxon-agent"))!;
    assert.ok(isSecretValue(agent.outputs.valuesYaml), "the Agent's valuesYaml output is secret");
    assert.equal(await pulumi.isSecret(out.values["polyaxon-agent"]!), true);

    // Nothing the engine stores holds a canary outside a secret envelope.
    for (const r of registered) assert.doesNotMatch(plainTextOf(r.inputs), CANARY_PATTERN, `${r.type} ${r.name}`);
    for (const o of registeredOutputs) assert.doesNotMatch(plainTextOf(o.outputs), CANARY_PATTERN, o.urn);
  });

  it("keeps the stack outputs of index.ts secret when the values hold secret config", async () => {
    resetRegistered();
    loadStackIntoConfig(DIR, "nested");
    const outputs = await runEntryPoint();
    const stack = registeredOutputs.find((o) => o.urn.includes("pulumi:pulumi:Stack"))!;
    assert.ok(stack, "the stack registered its outputs");
    const values = stack.outputs.values as Record<string, unknown>;
    assert.ok(isSecretValue(values["polyaxon-agent"]), JSON.stringify(stack.outputs).slice(0, 200));
    assert.doesNotMatch(plainTextOf(stack.outputs), CANARY_PATTERN);
    assert.ok(outputs.values);
  });

  it("leaves values without secret config in plain text (nothing to hide, readable previews)", async () => {
    resetRegistered();
    loadStackIntoConfig(resolve(__dirname, "fixtures/stacks"), "provisioned");
    const out = runStack();
    await settled(stackResources(out));
    const release = registered.find((r) => r.type === "kubernetes:helm.sh/v3:Release")!;
    assert.ok(!isSecretValue(release.inputs.values));
    assert.equal(await pulumi.isSecret(out.values["team-agent"]!), false);
    assert.ok((await valueOf(out.values["team-agent"]!)).includes("artifactsStore"));
  });

  it("refuses a secret in an entry's env or annotations, naming each path, in the program and offline", async () => {
    resetRegistered();
    loadStackIntoConfig(DIR, "in-entry");
    assert.throws(
      () => runStack(new PulumiConfigReader(join(DIR, "Pulumi.in-entry.yaml"))),
      (err: Error) =>
        /polyaxon:connections\[0\]\.env\.PGPASSWORD: holds a secret config value, but the chart writes every catalog entry, in clear, into its ConfigMap/.test(err.message) &&
        /polyaxon:connections\[0\]\.annotations\.token: holds a secret config value, but annotations are stored in clear/.test(err.message) &&
        !CANARY_PATTERN.test(err.message),
    );
    assert.equal(registered.length, 0);
    // Without the stack file the engine only says the key is secret: the whole key is refused.
    assert.throws(() => runStack(new PulumiConfigReader(join(DIR, "missing.yaml"))), /polyaxon:connections: holds a secret config value/);

    const r = await cli(["validate", "--stack", "in-entry"], DIR);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /polyaxon:connections\[0\]\.env\.PGPASSWORD: holds a secret config value.*Fix: keep the value in the entry's Secret: secret\.fromConfig/);
    assert.doesNotMatch(r.text, /v1:cGc=|secure/);
  });

  it("renders offline with the nested secret redacted, one note, and never the secure: mapping", async () => {
    const out = mkdtempSync(join(tmpdir(), "plx-secret-config-"));
    const r = await cli(["render", "--stack", "nested", "--out", out], DIR);
    assert.equal(r.code, 0, r.text);
    const values = readFileSync(join(out, "nested/values/polyaxon-agent.yaml"), "utf8");
    assert.match(values, /password: "<redacted: secret config polyaxon:agent\.values\.postgresql\.auth\.password>"/);
    const written = readdirSync(join(out, "nested"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), "utf8"))
      .join("\n");
    assert.doesNotMatch(written, /secure|v1:cGFzc3dvcmQ=/);
    const notes = r.stderr.split("\n").filter((l) => l.startsWith("note:"));
    assert.equal(notes.length, 1, r.stderr);
    assert.match(notes[0]!, /1 secret config value in the values is redacted/);
  });
});
