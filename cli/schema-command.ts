/**
 * `schema`: the JSON Schema of a stack file, generated from the zod schemas. The copy in
 * schema/stack.schema.json (written by `npm run docs`) is what editors load.
 */
import { stackFileJsonSchema } from "../components/model/index.js";
import { EXIT_OK, type Io } from "./io.js";

/** The path of the committed schema, relative to the project root. */
export const SCHEMA_FILE = "schema/stack.schema.json";

/** First line of stack files, so that yaml-language-server validates and completes them. */
export const SCHEMA_MODELINE = `# yaml-language-server: $schema=./${SCHEMA_FILE}`;

export function schemaText(): string {
  return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: Io): number {
  io.out(schemaText().trimEnd());
  return EXIT_OK;
}
