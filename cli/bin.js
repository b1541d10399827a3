#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`. Runs the bundled CLI (dist/cli.js, built by
// `npm ci`/`npm run build`) and does no other work at start; from a checkout without the
// bundle it falls back to tsx on the sources.
"use strict";
// A young generation that does not grow, set before anything is allocated, and no
// optimizing compiler: short commands end sooner and peak lower; cli/v8-policy.ts says
// why, and restores both for large stack files.
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1 --no-opt");
const fs = require("node:fs");
const path = require("node:path");

const bundle = path.resolve(__dirname, "..", "dist", "cli.js");
if (fs.existsSync(bundle)) {
  require("./run-bundle.js").runBundle(bundle);
} else {
  require("tsx/cjs/api").register();
  const { main } = require("./main.ts");
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
