// The stack program on the SDK's mock engine, bundled (dist/program.js) and run with plain
// Node and its compile cache, as `pulumi up` runs the stack (see pulumi-main.js): loaded, then
// called from the runner's own async continuation, as the SDK's cmd/run/run.js calls the
// function a program exports (index.ts). Args: project dir, stack. Encrypted config values
// get stand-in plaintext. Prints {seconds, resources} as JSON.
"use strict";
const path = require("node:path");
const pulumi = require("@pulumi/pulumi");
// Loaded before the clock starts, as the hand-written baseline loads it: neither program's
// SDK load is timed here (the bench's "program start" row measures it).
require("@pulumi/kubernetes");
const { readFileSync } = require("node:fs");
const { load, CORE_SCHEMA } = require("js-yaml");
const { runBundle } = require("../cli/run-bundle.js");

async function main() {
  const [dir, stack] = process.argv.slice(2);
  const start = process.hrtime.bigint();
  let resources = 0;
  pulumi.runtime.setMocks(
    {
      newResource: (args) => (resources++, { id: `${args.name}-id`, state: args.inputs }),
      call: (args) => args.inputs,
    },
    "polyaxon-connections",
    stack,
    false,
  );
  // The stack's config as the Pulumi CLI hands it to a program: each key's value as a string
  // (JSON for structures), secure values decrypted (here: a stand-in, the baseline's).
  const config = load(readFileSync(path.join(path.resolve(dir), `Pulumi.${stack}.yaml`), "utf8"), { schema: CORE_SCHEMA }).config;
  const plain = {};
  const secrets = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === "object" && value !== null && "secure" in value) secrets[key] = "value";
    else plain[key] = typeof value === "string" ? value : JSON.stringify(value);
  }
  pulumi.runtime.setAllConfig({ ...plain, ...secrets }, Object.keys(secrets));
  // The program reads its stack and catalog files from the project folder, as under pulumi up.
  process.chdir(path.resolve(dir));
  const { runStack, stackResources } = runBundle(path.join(__dirname, "..", "dist", "program.js"), path.join(__dirname, ".."));
  // run.js awaits between loading the program and calling it; index.ts's function is runStack.
  await null;
  const all = stackResources(runStack());
  await Promise.all(all.map((r) => new Promise((ok) => r.urn.apply(ok))));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, resources }));
}

void main();
