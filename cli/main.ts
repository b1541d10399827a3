/**
 * `polyaxon-connections <command>`: argument parsing and exit codes.
 */
import { Command, CommanderError } from "commander";
import { renderCommand, validateCommand } from "./commands.js";
import { importCommand } from "./import-command.js";
import { EXIT_FAILURE, EXIT_INVALID, type Io, processIo } from "./io.js";
import { schemaCommand } from "./schema-command.js";

/** Run the CLI; resolves to the exit code. */
export function main(argv: readonly string[], io: Io = processIo, projectDir = process.cwd()): number {
  let code = 0;
  const program = new Command("polyaxon-connections")
    .description("Polyaxon's artifacts store and connection catalog as code")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command("render")
    .description("render the agent Helm values and every Kubernetes object the stack creates (no cluster, no Pulumi CLI)")
    .requiredOption("-s, --stack <name>", "stack to render (Pulumi.<name>.yaml)")
    .option("-o, --out <dir>", "output folder; files go to <dir>/<stack>/", "out")
    .action((opts: { stack: string; out: string }) => {
      code = renderCommand(projectDir, opts.stack, opts.out, io);
    });
  program
    .command("validate")
    .description("check a stack's config and report every problem, without writing anything")
    .requiredOption("-s, --stack <name>", "stack to check (Pulumi.<name>.yaml)")
    .action((opts: { stack: string }) => {
      code = validateCommand(projectDir, opts.stack, io);
    });
  program
    .command("import")
    .description("write Pulumi.<stack>.yaml from an existing agent (or CE) Helm values file")
    .argument("<values>", "the Helm values file (values.yaml / config.yaml)")
    .requiredOption("-s, --stack <name>", "stack to write (Pulumi.<name>.yaml)")
    .option("-f, --force", "write despite problems, and update an existing stack file's catalog keys", false)
    .action((values: string, opts: { stack: string; force: boolean }) => {
      code = importCommand(projectDir, values, opts.stack, opts.force, io);
    });
  program
    .command("schema")
    .description("print the JSON Schema of a stack file (for editors and tools)")
    .action(() => {
      code = schemaCommand(io);
    });
  try {
    program.parse(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_INVALID;
    io.err(`error: ${(err as Error).message}`);
    return EXIT_FAILURE;
  }
  return code;
}
