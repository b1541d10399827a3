// Runs a bundle (the CLI, the stack program) with a V8 code cache next to it
// (dist/<name>.cache), so that repeated runs skip parsing and compiling the bundle: most of
// what a short command costs. Returns the bundle's exports.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { createRequire } = require("node:module");
const { isAscii } = require("node:buffer");

function runBundle(file) {
  const cacheFile = file.replace(/\.js$/, ".cache");
  const bytes = fs.readFileSync(file);
  // esbuild writes ASCII (it escapes other characters), which decodes as Latin-1 into a
  // one-byte string in half the time UTF-8 decoding takes (5 ms of a short command).
  const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
    // A cache older than the bundle belongs to another build.
    if (fs.statSync(cacheFile).mtimeMs < fs.statSync(file).mtimeMs) cachedData = undefined;
  } catch {
    cachedData = undefined;
  }
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, after the run, so that the cache holds the functions the run compiled.
    process.once("exit", () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData(), { flag: "wx" }); // new, never through a symlink
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const mod = { exports: {} };
  // The bundle's own require resolves its external modules (the Pulumi SDK) from where it lies.
  script.runInThisContext()(mod.exports, createRequire(file), mod, file, path.dirname(file));
  return mod.exports;
}

module.exports = { runBundle };
