/**
 * `diff --base <ref>`: renders every stack (or the ones named) in the working tree and at
 * `ref`, and shows what a merge would change. Exit 0 whatever changed, or 3 with
 * --exit-code when something did; 2 when a stack of the working tree does not validate.
 */
import { errorsOf, formatDiagnostics } from "../../components/catalog.js";
import { EXIT_INVALID, EXIT_OK, type Io } from "../io.js";
import { GitError, gitRevision, type ProjectFiles, workingTree } from "../project-files.js";
import { listStacks } from "../stack-file.js";
import { compareStacks, type StackDiff } from "./compare.js";
import { formatMarkdown } from "./format-markdown.js";
import { formatText } from "./format-text.js";
import { snapshotStack } from "./snapshot.js";

export const EXIT_CHANGED = 3;

export interface DiffOptions {
  base: string;
  stacks?: string[];
  format: "text" | "markdown" | "json";
  exitCode: boolean;
  /** Colour text output (stdout is a TTY). */
  color: boolean;
}

export function diffCommand(projectDir: string, opts: DiffOptions, io: Io): number {
  let base: ProjectFiles;
  try {
    base = gitRevision(projectDir, opts.base);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    io.err(`error --base: cannot read ${opts.base} (${err.message.split("\n")[0]}). Fix: name a commit, branch or tag of this repository, e.g. origin/main`);
    return EXIT_INVALID;
  }
  const head = workingTree(projectDir);
  const known = [...new Set([...listStacks(head), ...listStacks(base)])].sort();
  const stacks = opts.stacks?.length ? opts.stacks : known;
  // A stack in neither tree is a typo, never "unchanged".
  const unknown = stacks.filter((s) => !known.includes(s));
  if (unknown.length > 0) {
    for (const stack of unknown) {
      io.err(`error --stack: no Pulumi.${stack}.yaml in the working tree or at ${opts.base} (got ${JSON.stringify(stack)}). Fix: use one of: ${known.join(", ") || "(none)"}`);
    }
    return EXIT_INVALID;
  }

  const diffs: StackDiff[] = [];
  let invalid = false;
  for (const stack of stacks) {
    const inHead = listStacks(head).includes(stack);
    const inBase = listStacks(base).includes(stack);
    const now = inHead ? snapshotStack(head, stack) : undefined;
    if (now && !now.snapshot) {
      invalid = true;
      io.err(`stack ${stack} does not validate in the working tree:\n${formatDiagnostics(errorsOf(now.diagnostics))}`);
      continue;
    }
    const before = inBase ? snapshotStack(base, stack) : undefined;
    const notes = before && !before.snapshot ? [`at ${opts.base} the stack did not validate; compared with an empty catalog`] : [];
    diffs.push(compareStacks(stack, before?.snapshot, now?.snapshot, notes, inBase, inHead));
  }
  if (invalid) return EXIT_INVALID;

  if (opts.format === "json") io.out(JSON.stringify({ base: opts.base, stacks: diffs }, null, 2));
  else if (opts.format === "markdown") io.out(formatMarkdown(diffs).trimEnd());
  else io.out(formatText(diffs, opts.color));
  const changed = diffs.some((d) => d.status !== "unchanged");
  return changed && opts.exitCode ? EXIT_CHANGED : EXIT_OK;
}
