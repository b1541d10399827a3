#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`: runs the bundled CLI (dist/cli.js, built by
// `npm ci`/`npm run build`), after checking that it matches the sources.
"use strict";
const path = require("node:path");
// Loaded first: it loads node:crypto, which Node compiles from its own code cache only while
// V8's flags are as Node started them (docs/performance.md).
const { runBundle } = require("./run-bundle.js");
// A young generation that does not grow, set before the bundle allocates anything: a render
// keeps its plan alive until it has written it, so a growing young generation holds mostly
// garbage (peak memory in docs/performance.md).
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");

const root = path.resolve(__dirname, "..");
runBundle(path.join(root, "dist", "cli.js"), root);
