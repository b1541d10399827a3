/**
 * `polyaxon-connections <command>`: argument parsing and exit codes.
 */
import { Command, CommanderError, Option } from "commander";
import { EXIT_FAILURE, EXIT_INVALID, type Io, processIo } from "./io.js";

// Each command's module is loaded when the command runs: `validate` does not load the
// YAML editor `import` needs, nor the patch printer of `diff`.
/* eslint-disable @typescript-eslint/no-require-imports */
const commands = () => require("./commands.js") as typeof import("./commands.js");
const renderAll = () => require("./render-all.js") as typeof import("./render-all.js");
const diff = () => require("./diff/diff-command.js") as typeof import("./diff/diff-command.js");
const importing = () => require("./import-command.js") as typeof import("./import-command.js");
const schema = () => require("./schema-command.js") as typeof import("./schema-command.js");
/* eslint-enable @typescript-eslint/no-require-imports */

/** A person is watching: a terminal, and not CI. */
function isInteractive(io: Io): boolean {
  return io === processIo && process.stdout.isTTY === true && !process.env.CI;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io = processIo, projectDir = process.cwd()): Promise<number> {
  let code = 0;
  const program = new Command("polyaxon-connections")
    .description("Polyaxon's artifacts store and connection catalog as code")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  program
    .command("render")
    .description("render the agent Helm values and every Kubernetes object the stack creates (no cluster, no Pulumi CLI)")
    .option("-s, --stack <name>", "stack to render (Pulumi.<name>.yaml)")
    .option("-a, --all", "render every Pulumi.<stack>.yaml of the project", false)
    .option("-o, --out <dir>", "output folder; files go to <dir>/<stack>/", "out")
    .option("--reveal", "write Secret data in clear where PLXC_SECRET_<KEY> variables hold the values (local checks only)", false)
    .action(async (opts: { stack?: string; all: boolean; out: string; reveal: boolean }) => {
      if (opts.all === (opts.stack !== undefined)) {
        io.err("error: render needs exactly one of --stack <name> or --all");
        code = EXIT_INVALID;
      } else if (opts.all) {
        code = renderAll().renderAllCommand(projectDir, opts.out, io, { progress: isInteractive(io) });
      } else {
        code = commands().renderCommand(projectDir, opts.stack!, opts.out, io, opts.reveal);
      }
    });
  program
    .command("validate")
    .description("check a stack's config and report every problem, without writing anything")
    .requiredOption("-s, --stack <name>", "stack to check (Pulumi.<name>.yaml)")
    .action((opts: { stack: string }) => {
      code = commands().validateCommand(projectDir, opts.stack, io);
    });
  program
    .command("diff")
    .description("show what merging the working tree into --base would change, per stack (offline, no secret values)")
    .requiredOption("-b, --base <ref>", "git commit, branch or tag to compare with, e.g. origin/main")
    .option("-s, --stack <name...>", "only these stacks (default: every stack in either tree)")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .option("--exit-code", "exit 3 when something changed", false)
    .action((opts: { base: string; stack?: string[]; format: "text" | "markdown" | "json"; exitCode: boolean }) => {
      const color = isInteractive(io) && !process.env.NO_COLOR;
      code = diff().diffCommand(projectDir, { base: opts.base, stacks: opts.stack, format: opts.format, exitCode: opts.exitCode, color }, io);
    });
  program
    .command("import")
    .description("write Pulumi.<stack>.yaml from an existing agent (or CE) Helm values file")
    .argument("<values>", "the Helm values file (values.yaml / config.yaml)")
    .requiredOption("-s, --stack <name>", "stack to write (Pulumi.<name>.yaml)")
    .option("-f, --force", "write despite problems, and update an existing stack file's catalog keys", false)
    .option("-r, --release <name>", "the agent (Helm release) the values are for; needed for a stack with polyaxon:agents (a new name adds an agent)")
    .option("-c, --catalog-file <path>", "write the catalog to this file (relative to the project) and point polyaxon:catalogFile at it: for catalogs too large for Pulumi config")
    .action((values: string, opts: { stack: string; force: boolean; release?: string; catalogFile?: string }) => {
      code = importing().importCommand(projectDir, values, opts.stack, { force: opts.force, release: opts.release, catalogFile: opts.catalogFile }, io);
    });
  program
    .command("schema")
    .description("print the JSON Schema of a stack file (for editors and tools)")
    .action(() => {
      code = schema().schemaCommand(io);
    });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_INVALID;
    io.err(`error: ${(err as Error).message}`);
    return EXIT_FAILURE;
  }
  return code;
}
