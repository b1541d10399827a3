/**
 * `npm run docs`: regenerates every generated file. A test fails when one is stale.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { schemaText, SCHEMA_FILE } from "../cli/schema-command.js";
import { renderConnectionsDocs } from "./connections-docs.js";
import { renderValidationDocs } from "./validation-docs.js";

const ROOT = resolve(__dirname, "..");

/** Project-relative path → generator of its content. */
export const GENERATED: Record<string, () => string> = {
  "docs/validation.md": renderValidationDocs,
  "docs/connections.md": renderConnectionsDocs,
  [SCHEMA_FILE]: schemaText,
};

if (require.main === module) {
  for (const [file, render] of Object.entries(GENERATED)) {
    writeFileSync(resolve(ROOT, file), render());
    console.log(`wrote ${file}`);
  }
}
