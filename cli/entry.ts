/** Entry point of the bundled CLI (dist/cli.js, built by scripts/build-cli.js). */
import { main } from "./main.js";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
