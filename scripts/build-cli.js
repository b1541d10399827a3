// Bundles the CLI (cli/entry.ts and the pure catalog layer it imports) into dist/cli.js
// with esbuild: one minified file that Node loads without a TypeScript loader and without
// resolving hundreds of modules. `npm ci` builds it (prepare); cli/bin.js rebuilds it when
// a source file is newer. Plain JavaScript so that it needs no loader itself.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "dist", "cli.js");
const SOURCES = ["cli", "components", "package-lock.json"];

/** Newest modification time among the sources the bundle is built from. */
function newestSource() {
  let newest = 0;
  const visit = (p) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else if (/\.(ts|json)$/.test(p)) newest = Math.max(newest, st.mtimeMs);
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return newest;
}

/** True when dist/cli.js is missing or older than a source file. */
function isStale() {
  try {
    return fs.statSync(OUT).mtimeMs < newestSource();
  } catch {
    return true;
  }
}

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

module.exports = { OUT, build, isStale };

if (require.main === module) console.log(`built ${path.relative(ROOT, build())}`);
