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
/**
 * Modules that cost milliseconds to load and that few commands use, loaded at their first
 * call instead of at start:
 * - `node:child_process` (with `net`, `dgram` and friends), which commander loads at start
 *   for executable subcommands the CLI does not have, and which only `diff` uses (git);
 * - `node:crypto`, which only hashes (the diff snapshot, the agent's checksum);
 * - the packages `yaml` (115 KB bundled: only `import` edits a stack file with it) and
 *   `diff` (only `diff` prints patches), which stay outside the bundle and are required from
 *   the installed dependencies when first called, so that every other command reads,
 *   deserialises and runs a fifth less code at start.
 * Each import of one becomes a module whose functions load the real one at first call.
 * Functions, not a Proxy: esbuild's interop reads every property of an imported CommonJS
 * module at start, which would load it anyway. A name not listed here fails the build ("No
 * matching export"), never a run.
 */
const LAZY_MODULES = {
  "node:child_process": ["exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"],
  "node:crypto": ["createHash", "randomBytes"],
  yaml: ["isMap", "isScalar", "isSeq", "parseDocument", "visit"],
  diff: ["createTwoFilesPatch"],
};
/** `child_process` and `node:child_process` are one module. */
const lazyKey = (specifier) => (`node:${specifier}` in LAZY_MODULES ? `node:${specifier}` : specifier);
const lazyModules = {
  name: "lazy-modules",
  setup(build) {
    const names = Object.keys(LAZY_MODULES).map((k) => k.replace(/^node:/, ""));
    build.onResolve({ filter: new RegExp(`^(node:)?(${names.join("|")})$`) }, (args) => {
      const key = lazyKey(args.path);
      if (!(key in LAZY_MODULES)) return undefined;
      // The stand-in's own require is the real module.
      return args.namespace === "lazy-module" ? { path: key, external: true } : { path: key, namespace: "lazy-module" };
    });
    build.onLoad({ filter: /.*/, namespace: "lazy-module" }, (args) => ({
      contents: [
        "let real;",
        `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
        ...LAZY_MODULES[args.path].map((name) => `export const ${name} = (...args) => load().${name}(...args);`),
      ].join("\n"),
      loader: "js",
    }));
  },
};

/** The bundles: entry, output file, plugins, and (for the program) the Pulumi SDK left outside. */
const BUNDLES = [
  { entry: "cli/entry.ts", out: "cli.js", plugins: [withoutZodLocales, lazyModules] },
  { entry: "index.ts", out: "stack.js", plugins: [withoutZodLocales], external: ["@pulumi/*"] },
  { entry: "program.ts", out: "program.js", plugins: [withoutZodLocales], external: ["@pulumi/*"] },
];

/** Build every bundle (each written to a temporary file first, then renamed into place); resolves to their paths. */
async function build() {
  const esbuild = require("esbuild");
  fs.mkdirSync(DIST, { recursive: true });
  return Promise.all(
    BUNDLES.map(async ({ entry, out, plugins, external }) => {
      const file = path.join(DIST, out);
      const tmp = `${file}.${process.pid}.tmp`;
      await esbuild.build({
        plugins,
        entryPoints: [path.join(ROOT, entry)],
        outfile: tmp,
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node20",
        minify: true,
        // The program keeps its class names: the SDK and error messages show them.
        keepNames: external !== undefined,
        external,
        legalComments: "none",
        logLevel: "error",
      });
      fs.renameSync(tmp, file);
      return file;
    }),
  );
}

/**
 * Writes the CLI's code cache (dist/cli.cache) from a render of the dev stack, instead of
 * leaving it to whichever command runs first: the cache holds the functions the run that
 * wrote it compiled, so a cache written by `validate` (or `schema`) left every render to
 * compile its writer and manifests from source again (a 1,000-connection render: 3% of its
 * time). A render also runs everything validate runs. Written to a scratch folder, never to
 * the project; when the dev stack cannot be rendered, the first command writes the cache,
 * as before.
 */
function warmCliCache() {
  const { spawnSync } = require("node:child_process");
  const os = require("node:os");
  fs.rmSync(path.join(DIST, "cli.cache"), { force: true });
  if (!fs.existsSync(path.join(ROOT, "Pulumi.dev.yaml"))) return;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "plx-warm-"));
  try {
    spawnSync(process.execPath, [path.join(ROOT, "cli", "bin.js"), "render", "--stack", "dev", "--out", out], { cwd: ROOT, stdio: "ignore" });
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

module.exports = { DIST, build, withoutZodLocales };

if (require.main === module) {
  build().then(
    (files) => {
      warmCliCache();
      console.log(`built ${files.map((f) => path.relative(ROOT, f)).join(", ")}`);
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
