#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`: runs the bundled CLI (dist/cli.js, built by
// `npm ci`/`npm run build`), after checking that it matches the sources.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
require("./run-bundle.js").runBundle(path.join(root, "dist", "cli.js"), root);
