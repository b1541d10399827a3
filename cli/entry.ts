/** Entry point of the bundled CLI (dist/cli.js, built by scripts/build-bundles.js). */
// First: the model's schemas are built when main.js is evaluated, and zod fixes jitless then.
import "./zod-jitless.js";
import { main } from "./main.js";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
