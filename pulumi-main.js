// The stack program as `pulumi up` runs it (Pulumi.yaml's `main`). It loads the compiled
// program (lib/index.js, built by `npm ci` and `npm run build`) with plain Node: no
// TypeScript loader at start. When a source is newer than that build (you edited a .ts
// file and did not rebuild), it runs the sources through tsx instead, so that `pulumi up`
// never deploys stale code. Its exports are the stack outputs.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const SOURCES = ["index.ts", "program.ts", "components"];
const BUILT = path.join(__dirname, "lib", "index.js");

/** Newest modification time under `file` (a file or a folder of sources). */
function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, name)));
  return latest;
}

function builtIsFresh() {
  try {
    const built = fs.statSync(BUILT).mtimeMs;
    return SOURCES.every((s) => newest(path.join(__dirname, s)) <= built);
  } catch {
    return false;
  }
}

if (builtIsFresh()) {
  module.exports = require(BUILT);
} else {
  require("tsx/cjs/api").register();
  module.exports = require("./index.ts");
}
