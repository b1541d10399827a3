// Bundles, with esbuild, what must start fast: the CLI (cli/entry.ts and the pure catalog
// layer it imports) into dist/cli.js, and the stack program (index.ts, which `pulumi up`
// runs through pulumi-main.js; program.ts, which the benchmark runs on the mock engine)
// into dist/stack.js and dist/program.js, with the Pulumi SDK left outside. One minified
// file each, which Node loads without a TypeScript loader and without resolving hundreds
// of modules. `npm ci` builds them (prepare), and so do `npm start` and `npm test`, so that
// they always match the sources; cli/bin.js and pulumi-main.js only run them.
// Plain JavaScript so that it needs no loader itself.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const { sha256, sourcesFileOf } = require("../cli/run-bundle.js");

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
const DIST = path.join(ROOT, "dist");
/** The bundles: entry, output file, plugins, and (for the program) the Pulumi SDK left outside. */
const BUNDLES = [
  // `yaml` and `diff` stay installed packages, required when `import` or `diff` first needs them.
  { entry: "cli/entry.ts", out: "cli.js", plugins: [withoutZodLocales], external: ["yaml", "diff"] },
  { entry: "index.ts", out: "stack.js", plugins: [withoutZodLocales], external: ["@pulumi/*"] },
  { entry: "program.ts", out: "program.js", plugins: [withoutZodLocales], external: ["@pulumi/*"] },
];

/** Build every bundle (each written to a temporary file first, then renamed into place); resolves to their paths. */
async function build() {
  const esbuild = require("esbuild");
  fs.mkdirSync(DIST, { recursive: true });
  // Code caches of earlier versions (Node's compile cache replaced them).
  for (const f of fs.readdirSync(DIST)) if (f.endsWith(".cache")) fs.rmSync(path.join(DIST, f), { force: true });
  return Promise.all(
    BUNDLES.map(async ({ entry, out, plugins, external }) => {
      const file = path.join(DIST, out);
      const tmp = `${file}.${process.pid}.tmp`;
      const result = await esbuild.build({
        plugins,
        absWorkingDir: ROOT,
        entryPoints: [path.join(ROOT, entry)],
        outfile: tmp,
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        minify: true,
        // The program keeps its class names: the SDK and error messages show them.
        keepNames: out !== "cli.js",
        external,
        legalComments: "none",
        logLevel: "error",
        metafile: true,
      });
      // The project's own sources it was built from, by content: cli/run-bundle.js checks them at start.
      const sources = Object.keys(result.metafile.inputs)
        .filter((f) => !f.includes("node_modules/") && !f.includes(":"))
        .sort();
      const record = Object.fromEntries(sources.map((f) => [f, sha256(path.join(ROOT, f))]));
      fs.writeFileSync(sourcesFileOf(file), `${JSON.stringify(record, null, 1)}\n`);
      fs.renameSync(tmp, file);
      return file;
    }),
  );
}

module.exports = { DIST, build, withoutZodLocales };

if (require.main === module) {
  build().then(
    (files) => {
      console.log(`built ${files.map((f) => path.relative(ROOT, f)).join(", ")}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
