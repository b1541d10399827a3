// The stack program as `pulumi up` runs it (Pulumi.yaml's `main`): the bundled program
// (dist/stack.js, built from index.ts by `npm ci` and `npm run build`), run with plain Node.
// When the bundle does not match the sources (edited and not rebuilt), it stops with
// "run npm run build" instead of deploying old code.
// It exports the program: a function, which the SDK's runner calls (index.ts says why).
"use strict";
const path = require("node:path");

module.exports = require("./cli/run-bundle.js").runBundle(path.join(__dirname, "dist", "stack.js"), __dirname);
