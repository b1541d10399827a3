/**
 * `schema`: the JSON Schema of a stack file, generated from the zod schemas. The copy in
 * schema/stack.schema.json (written by `npm run docs`) is what editors load.
 */
import { existsSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { stackFileJsonSchema } from "../components/model/index.js";
import { EXIT_OK, type Io } from "./io.js";

/** The path of the committed schema, relative to the project root. */
export const SCHEMA_FILE = "schema/stack.schema.json";

/** The schema `import` writes beside a stack file when the package's own copy is out of the project's reach. */
export const LOCAL_SCHEMA_FILE = "polyaxon-connections.schema.json";

/** This package's folder: the CLI runs from dist/ (or, in this repository's tests, from cli/). */
const PACKAGE_ROOT = resolve(__dirname, "..");

/** The first line of a stack file, so that yaml-language-server validates and completes it with `schemaPath` (relative). */
const modeline = (schemaPath: string) => `# yaml-language-server: $schema=./${schemaPath.split(sep).join("/")}`;

/** The first line of a new stack file, and the schema copy to write with it (when one is needed). */
export interface SchemaModeline {
  line: string;
  /** Where to write a copy of the schema with the stack file; undefined when the package's own copy serves. */
  copyTo?: string;
}

/**
 * The modeline for a new stack file in `projectDir`, pointing at a schema that is there for
 * everyone who opens the project: the package's own copy when it lies inside the project
 * (`./schema/...` in this repository, `./node_modules/polyaxon-connections/schema/...` where
 * the package is installed), else a copy beside the stack file (run by npx or from a global
 * install, whose path is this machine's own). An existing copy is left as it is.
 */
export function schemaModelineFor(projectDir: string): SchemaModeline {
  const own = relative(projectDir, join(PACKAGE_ROOT, SCHEMA_FILE));
  if (!own.startsWith("..") && !isAbsolute(own)) return { line: modeline(own) };
  const local = join(projectDir, LOCAL_SCHEMA_FILE);
  return { line: modeline(LOCAL_SCHEMA_FILE), ...(existsSync(local) ? {} : { copyTo: local }) };
}

/** Write the schema copy a new stack file's modeline names, if it needs one. */
export function writeSchemaCopy({ copyTo }: SchemaModeline, io: Io): void {
  if (copyTo === undefined) return;
  writeFileSync(copyTo, schemaText(), { mode: 0o644 });
  io.out(`wrote ${LOCAL_SCHEMA_FILE}: the stack file's JSON Schema, for editors (refresh it with \`polyaxon-connections schema > ${LOCAL_SCHEMA_FILE}\`)`);
}

export function schemaText(): string {
  return `${JSON.stringify(stackFileJsonSchema(), null, 2)}\n`;
}

export function schemaCommand(io: Io): number {
  io.out(schemaText().trimEnd());
  return EXIT_OK;
}
