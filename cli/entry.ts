/** Entry point of the bundled CLI (dist/cli.js, built by scripts/build-cli.js). */
import { main } from "./main.js";

process.exitCode = main(process.argv.slice(2));
