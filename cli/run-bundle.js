// Runs a bundle (the CLI, the stack program) built by scripts/build-bundles.js, after
// checking that it was built from the sources as they are now. Returns the bundle's exports.
// Plain JavaScript: it must run before (and without) any TypeScript loader.
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const module_ = require("node:module");
const path = require("node:path");

/** The project's own sources a bundle was built from, with their SHA-256: `<bundle>.sources.json`. */
const sourcesFileOf = (bundle) => bundle.replace(/\.js$/, ".sources.json");

const sha256 = (file) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * Why `bundle` does not match the sources beside it, or undefined when it does. By content,
 * not file times (a restored or copied dist/ keeps newer times). An installed package holds
 * its sources too (the component package reads them); one without any is taken as it is.
 */
function staleness(bundle, root) {
  if (!fs.existsSync(bundle)) return `${path.relative(root, bundle)} is missing`;
  let recorded;
  try {
    recorded = JSON.parse(fs.readFileSync(sourcesFileOf(bundle), "utf8"));
  } catch {
    return `${path.relative(root, sourcesFileOf(bundle))} is missing or unreadable`;
  }
  const present = Object.keys(recorded).filter((f) => fs.existsSync(path.join(root, f)));
  if (present.length === 0) return undefined;
  const changed = Object.keys(recorded).filter((f) => !present.includes(f) || sha256(path.join(root, f)) !== recorded[f]);
  if (changed.length === 0) return undefined;
  const shown = changed.slice(0, 3).join(", ") + (changed.length > 3 ? ` and ${changed.length - 3} more` : "");
  return `${path.relative(root, bundle)} was built from other sources than these (${shown} changed)`;
}

/**
 * Load `bundle` (a path under `root`, the project folder) with Node's compile cache, or end
 * the process with a clear message when it is missing or stale: never run old code.
 */
function runBundle(bundle, root) {
  const why = staleness(bundle, root);
  if (why !== undefined) {
    process.stderr.write(`polyaxon-connections: ${why}. Fix: run \`npm run build\` in ${root}\n`);
    process.exit(1);
  }
  // Node >= 22.1 keeps compiled code between runs (in the OS's temporary folder).
  module_.enableCompileCache?.();
  return require(bundle);
}

module.exports = { runBundle, staleness, sourcesFileOf, sha256 };
