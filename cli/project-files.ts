/**
 * The files of a Pulumi project, read by name: from the working tree, or from a git
 * revision (`git show`), so that `diff --base` never touches the user's checkout.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface ProjectFiles {
  /** Content of a file at the project root, or undefined when it does not exist. */
  read(name: string): string | undefined;
  /** Names of the files at the project root. */
  list(): string[];
  /** For messages: the folder, or `<ref>:<folder>`. */
  readonly label: string;
}

export function workingTree(dir: string): ProjectFiles {
  return {
    read: (name) => {
      const file = join(dir, name);
      return existsSync(file) ? readFileSync(file, "utf8") : undefined;
    },
    list: () => readdirSync(dir),
    label: dir,
  };
}

/** Raised when git cannot answer (not a repository, unknown ref). */
export class GitError extends Error {}

function git(dir: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim();
    throw new GitError(`git ${args.join(" ")}: ${stderr || (err as Error).message}`);
  }
}

/** The project folder `dir` as it is at `ref`. */
export function gitRevision(dir: string, ref: string): ProjectFiles {
  // Resolve once, so that every read sees the same commit.
  const commit = git(dir, ["rev-parse", "--verify", `${ref}^{commit}`]).trim();
  const prefix = git(dir, ["rev-parse", "--show-prefix"]).trim();
  const names = git(dir, ["ls-tree", "--name-only", commit, "--", prefix || "."])
    .split("\n")
    .filter(Boolean)
    .map((p) => p.slice(prefix.length));
  return {
    read: (name) => (names.includes(name) ? git(dir, ["show", `${commit}:${prefix}${name}`]) : undefined),
    list: () => names,
    label: `${ref}:${prefix || "."}`,
  };
}
