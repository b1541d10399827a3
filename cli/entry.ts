/** Entry point of the bundled CLI (dist/cli.js, built by scripts/build-bundles.js). */
import { config } from "zod";
import { main } from "./main.js";

// zod compiles a fast parser per object schema (`new Function`) the first time it parses;
// a command parses each schema a few times, so compiling costs more than it saves
// (validate of the dev stack: 20 ms of 90; no slower at 5,000 connections).
config({ jitless: true });

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
