#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`: runs the bundled CLI (dist/cli.js, built by
// `npm ci`/`npm run build`), after checking that it matches the sources.
"use strict";
// A young generation that does not grow, set first, before anything is allocated: a render
// keeps its plan alive until it has written it, so a growing young generation holds mostly
// garbage (peak memory in docs/performance.md).
require("node:v8").setFlagsFromString("--semi-space-growth-factor=1");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
require("./run-bundle.js").runBundle(path.join(root, "dist", "cli.js"), root);
