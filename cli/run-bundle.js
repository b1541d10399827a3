// Runs the bundled CLI with a V8 code cache next to it (dist/cli.cache), so that repeated
// runs skip parsing and compiling the bundle: most of what a short command costs.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

function runBundle(file) {
  const cacheFile = file.replace(/\.js$/, ".cache");
  const source = fs.readFileSync(file, "utf8");
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
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, path.dirname(file));
}

module.exports = { runBundle };
