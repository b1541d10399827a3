// Bundles the CLI (cli/entry.ts and the pure catalog layer it imports) into dist/cli.js
// with esbuild: one minified file that Node loads without a TypeScript loader and without
// resolving hundreds of modules. `npm ci` builds it (prepare), and so do `npm start` and
// `npm test`, so that the bundle always matches the sources; cli/bin.js only runs it.
// Plain JavaScript so that it needs no loader itself.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist", "cli.js");
/** Build dist/cli.js (written to a temporary file first, then renamed into place). */
function build() {
  const esbuild = require("esbuild");
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  esbuild.buildSync({
    entryPoints: [path.join(ROOT, "cli", "entry.ts")],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    minify: true,
    legalComments: "none",
    logLevel: "error",
  });
  fs.renameSync(tmp, OUT);
  return OUT;
}

module.exports = { OUT, build };

if (require.main === module) console.log(`built ${path.relative(ROOT, build())}`);
