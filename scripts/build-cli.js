// Bundles the CLI (cli/entry.ts and the pure catalog layer it imports) into dist/cli.js
// with esbuild: one minified file that Node loads without a TypeScript loader and without
// resolving hundreds of modules. `npm ci` builds it (prepare), and so do `npm start` and
// `npm test`, so that the bundle always matches the sources; cli/bin.js only runs it.
// Plain JavaScript so that it needs no loader itself.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

/**
 * zod re-exports every one of its ~50 translations as `z.locales`: a third of the bundle,
 * which Node would read and compile on every command. The CLI never uses them (zod's
 * English messages come from `locales/en.js`, imported directly by its schemas), so the
 * index both `zod` and `zod/v4/core` re-export is replaced by an empty module.
 */
const withoutZodLocales = {
  name: "without-zod-locales",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer) ? { path: "zod-locales", namespace: "empty" } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
  },
};
const OUT = path.join(ROOT, "dist", "cli.js");
/**
 * `node:child_process` (with `net`, `dgram` and friends) costs a few milliseconds to load;
 * commander loads it at start for executable subcommands the CLI does not have, and only
 * `diff` and a parallel `render --all` spawn anything. Each import of it becomes a module
 * that loads the real one at first use.
 */
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      // The stand-in's own require is the real module.
      args.namespace === "lazy-builtin" ? { path: "node:child_process", external: true } : { path: "child_process", namespace: "lazy-builtin" },
    );
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, () => ({
      contents: `let real;
const load = () => (real ??= require("node:child_process"));
module.exports = new Proxy({}, { get: (_, name) => load()[name], has: (_, name) => name in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, name) => Object.getOwnPropertyDescriptor(load(), name) });`,
      loader: "js",
    }));
  },
};

/** Build dist/cli.js (written to a temporary file first, then renamed into place); resolves to its path. */
async function build() {
  const esbuild = require("esbuild");
  const tmp = `${OUT}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  await esbuild.build({
    plugins: [withoutZodLocales, lazyChildProcess],
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

module.exports = { OUT, build, withoutZodLocales };

if (require.main === module) {
  build().then(
    (out) => console.log(`built ${path.relative(ROOT, out)}`),
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
