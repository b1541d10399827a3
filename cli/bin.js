#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`. Runs the bundled CLI (dist/cli.js, built by
// `npm ci`/`npm run build`) and does no other work at start; from a checkout without the
// bundle it falls back to tsx on the sources.
"use strict";
// V8 doubles the young generation whenever many objects survive a scavenge, up to 32 MiB;
// a render keeps its plan alive while it writes, so the young generation grew to the
// maximum and held mostly garbage (5,000 connections: 173 MiB peak). Kept at its initial
// size, scavenges stay cheap (most objects die young) and the peak drops to 120 MiB, at
// the same speed. The flag is read each time V8 considers growing, so it applies here.
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");
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
