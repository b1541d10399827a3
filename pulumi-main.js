// The stack program as `pulumi up` runs it (Pulumi.yaml's `main`). It runs the bundled
// program (dist/stack.js, built from index.ts by `npm ci` and `npm run build`) with plain
// Node and a V8 code cache: no TypeScript loader, no resolving of our modules at start.
// When a source is newer than that bundle (you edited a .ts file and did not rebuild), it
// runs the sources through tsx instead, so that `pulumi up` never deploys stale code.
// It exports the program: a function, which the SDK's runner calls (index.ts says why).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const SOURCES = ["index.ts", "program.ts", "components"];
const BUNDLE = path.join(__dirname, "dist", "stack.js");

/** Newest modification time under `file` (a file or a folder of sources). */
function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, name)));
  return latest;
}

function bundleIsFresh() {
  try {
    const built = fs.statSync(BUNDLE).mtimeMs;
    return SOURCES.every((s) => newest(path.join(__dirname, s)) <= built);
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  module.exports = require("./cli/run-bundle.js").runBundle(BUNDLE);
} else {
  require("tsx/cjs/api").register();
  module.exports = require("./index.ts");
}
