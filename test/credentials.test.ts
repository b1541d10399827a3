/**
 * A credential typed where a config key name belongs is refused and never printed: not by
 * validate, render, diff, nor the stack program's error.
 */
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStackFile } from "../cli/stack-file.js";
import { looksLikeCredential } from "../components/internal.js";
import { runStack } from "../program.js";
import { cli } from "./helpers/cli.js";
import { resetRegistered, registered } from "./helpers/pulumi-mocks.js";
import { exampleStacks, FIXTURE_STACKS, loadStackIntoConfig } from "./helpers/stacks.js";

const CREDENTIALS = {
  github: "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
  aws: "AKIAIOSFODNN7EXAMPLE",
  awsSecret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  slack: "xoxb-2048-4096-Zq8Xm3vL0pRt",
  gitlab: "glpat-Xk3mZ9qWv2Lp8RtY6nB4",
  stripe: "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
  jwt: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
  random: "Zx9mQ2vL8pR4tY7wK3nB6cD1fG5hJ0sA",
  hex40: "3f786850e387550fdab836ed7e6dc881de23001b",
  hex64: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  uuid: "5b6b2a0e-7c1d-4f3e-9a8b-2c4d6e8f0a1b",
};

const stackWith = (keys: string[]) => ({
  config: {
    "polyaxon:artifactsStore": { name: "store", kind: "s3", schema: { bucket: "s3://store" }, secret: { name: "s3-store" } },
    "polyaxon:connections": [
      { name: "code", kind: "git", schema: { url: "https://github.com/acme/ml" }, secret: { name: "git-token", gitToken: keys[0] } },
      { name: "db", kind: "postgres", secret: { name: "pg", fromConfig: Object.fromEntries(keys.slice(1).map((k, i) => [`KEY_${i}`, k])) } },
    ],
  },
});

function project(doc: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "plx-cred-"));
  cpSync(join(FIXTURE_STACKS, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
  writeFileSync(join(dir, "Pulumi.leak.yaml"), JSON.stringify(doc));
  return dir;
}

const leaked = (text: string) => Object.values(CREDENTIALS).filter((c) => text.includes(c) || text.includes(c.slice(0, 12)));

describe("credentials typed where config key names belong", () => {
  it("recognises each provider's token forms, and none of the example stacks' key names", () => {
    for (const [provider, value] of Object.entries(CREDENTIALS)) assert.ok(looksLikeCredential(value), provider);
    assert.ok(looksLikeCredential("-----BEGIN RSA PRIVATE KEY-----\nMIIE"));
    assert.ok(looksLikeCredential('{"type": "service_account", "private_key": "x"}'));
    assert.ok(looksLikeCredential("https://hooks.slack.com/services/T000/B000/XXXX"));
    const names = exampleStacks().flatMap(({ dir, stack }) => JSON.stringify([...readStackFile(dir, stack)]).match(/[A-Za-z0-9_.:-]{3,}/g) ?? []);
    assert.deepEqual(names.filter(looksLikeCredential), []);
  });

  it("refuses them in validate and render, naming the path, echoing none", async () => {
    const dir = project(stackWith(Object.values(CREDENTIALS)));
    for (const args of [
      ["validate", "--stack", "leak"],
      ["render", "--stack", "leak", "--out", join(dir, "out")],
    ]) {
      const r = await cli(args, dir);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /polyaxon:connections\[0\]\.secret\.gitToken: looks like a credential, not a config key name\. Fix: store the value with `pulumi config set --secret <key> <value>`/,
      );
      assert.match(r.stderr, /polyaxon:connections\[1\]\.secret\.fromConfig\.KEY_0: looks like a credential/);
      assert.deepEqual(leaked(r.text), []);
    }
  });

  it("never shows them in a diff, in the base or in the working tree", async () => {
    const dir = project(stackWith(Object.values(CREDENTIALS)));
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", ...args], { cwd: dir });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "a token slipped in");
    for (const format of ["text", "markdown", "json"]) {
      const head = await cli(["diff", "--base", "HEAD", "--format", format], dir);
      assert.equal(head.code, 2);
      assert.deepEqual(leaked(head.text), []);
    }
    const fixed = stackWith(["githubToken", "pgPassword"]) as { config: Record<string, unknown> };
    fixed.config["polyaxon:githubToken"] = { secure: "v1:AAAA" };
    fixed.config["polyaxon:pgPassword"] = { secure: "v1:BBBB" };
    writeFileSync(join(dir, "Pulumi.leak.yaml"), JSON.stringify(fixed));
    for (const format of ["text", "markdown", "json"]) {
      const fixed = await cli(["diff", "--base", "HEAD", "--format", format], dir);
      assert.equal(fixed.code, 0, fixed.text);
      assert.deepEqual(leaked(fixed.text), []);
    }
  });

  it("refuses them in the stack program, echoing none, registering nothing", () => {
    const dir = project(stackWith(Object.values(CREDENTIALS)));
    loadStackIntoConfig(dir, "leak");
    resetRegistered();
    assert.throws(
      () => runStack(),
      (err: Error) => /looks like a credential/.test(err.message) && leaked(err.message).length === 0,
    );
    assert.equal(registered.length, 0);
  });

  it("never echoes the values of an env given in Kubernetes' list form", async () => {
    const dir = project({ config: { "polyaxon:connections": [{ name: "db", kind: "postgres", env: [{ name: "PGPASSWORD", value: "Hunter2-env-CANARY" }] }] } });
    const r = await cli(["validate", "--stack", "leak"], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /polyaxon:connections\[0\]\.env: invalid value\. Fix: it must be a mapping/);
    assert.doesNotMatch(r.text, /Hunter2/);
  });

  it("refuses, offline too, an inline kubeconfig holding credentials in clear, echoing none", async () => {
    const kubeconfig = "apiVersion: v1\nusers:\n- name: ci\n  user:\n    client-key-data: CANARYkeydata\n";
    const dir = project({ config: { "kubernetes:kubeconfig": kubeconfig } });
    const r = await cli(["validate", "--stack", "leak"], dir);
    assert.equal(r.code, 2, r.text);
    assert.match(r.stderr, /error kubernetes:kubeconfig: holds cluster credentials .* Fix: store it encrypted: `pulumi config set --secret kubernetes:kubeconfig/);
    assert.doesNotMatch(r.text, /CANARYkeydata/);
    const path = project({ config: { "kubernetes:kubeconfig": "/home/ci/.kube/config" } });
    assert.equal((await cli(["validate", "--stack", "leak"], path)).code, 0, "a kubeconfig path holds no credential");
  });
});
