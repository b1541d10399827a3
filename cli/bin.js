#!/usr/bin/env node
// Entry point of `npx polyaxon-connections`. Runs the bundled CLI (dist/cli.js), rebuilt
// first when a source file changed; without esbuild it falls back to tsx on the sources.
"use strict";
const { build, isStale, OUT } = require("../scripts/build-cli.js");

let bundle = OUT;
try {
  if (isStale()) bundle = build();
} catch {
  bundle = undefined;
}
if (bundle) {
  require("./run-bundle.js").runBundle(bundle);
} else {
  require("tsx/cjs/api").register();
  const { main } = require("./main.ts");
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
