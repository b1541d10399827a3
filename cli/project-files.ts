/**
 * The files of a Pulumi project, read by name: from the working tree, or from a git
 * revision (`git show`), so that `diff --base` never touches the user's checkout.
 */
import { isUtf8 } from "node:buffer";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { checkInputSize, readInputFile, UnreadableFileError } from "../components/load/input-file.js";

export interface ProjectFiles {
  /** Content of a file at the project root, or undefined when it does not exist. */
  read(name: string): string | undefined;
  /** Names of the files at the project root. */
  list(): string[];
  /** For messages: the folder, or `<ref>:<folder>`. */
  readonly label: string;
}

// A project file that is not UTF-8 text, not a regular file or too large: never guessed at.
export { UnreadableFileError };

/** Offset of the first byte that breaks UTF-8 in `bytes`, or -1 when it is all UTF-8. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    const second = bytes[i + 1];
    // Overlong forms, surrogates and code points past U+10FFFF (RFC 3629 §4).
    if (length === 3 && ((b === 0xe0 && second! < 0xa0) || (b === 0xed && second! > 0x9f))) return i;
    if (length === 4 && ((b === 0xf0 && second! < 0x90) || (b === 0xf4 && second! > 0x8f))) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return -1;
}

/** `bytes` as text; throws naming the byte offset where they stop being UTF-8. */
export function decodeUtf8(name: string, bytes: Buffer): string {
  // Node's native check first; our own walk only to name the offending byte.
  const offset = isUtf8(bytes) ? -1 : invalidUtf8Offset(bytes);
  if (offset >= 0) {
    throw new UnreadableFileError(name, `not UTF-8 text: byte 0x${bytes[offset]!.toString(16).padStart(2, "0")} at offset ${offset} is not valid UTF-8`);
  }
  return bytes.toString("utf8");
}

export function workingTree(dir: string): ProjectFiles {
  return {
    read: (name) => {
      const bytes = readInputFile(join(dir, name), name);
      return bytes === undefined ? undefined : decodeUtf8(name, bytes);
    },
    list: () => readdirSync(dir),
    label: dir,
  };
}

/** Raised when git cannot answer (not a repository, unknown ref). */
export class GitError extends Error {}

function git(dir: string, args: string[]): string;
function git(dir: string, args: string[], encoding: "buffer"): Buffer;
function git(dir: string, args: string[], encoding: "utf8" | "buffer" = "utf8"): string | Buffer {
  try {
    return execFileSync("git", args, { cwd: dir, encoding, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? "").trim();
    throw new GitError(`git ${args.join(" ")}: ${stderr || (err as Error).message}`);
  }
}

/** Whether `object` (`<commit>:<path>`) is a file blob. */
function gitHas(dir: string, object: string): boolean {
  try {
    return git(dir, ["cat-file", "-t", object]).trim() === "blob";
  } catch {
    return false;
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
    read: (name) => {
      const object = `${commit}:${prefix}${name}`;
      // Files in subfolders (a catalog file) are looked up one by one: the listing is the top level.
      if (!names.includes(name) && !(name.includes("/") && gitHas(dir, object))) return undefined;
      // The size first: a huge blob is refused before git prints it.
      const size = Number(git(dir, ["cat-file", "-s", object]).trim());
      checkInputSize(`${ref}:${name}`, size);
      return decodeUtf8(name, git(dir, ["show", object], "buffer"));
    },
    list: () => names,
    label: `${ref}:${prefix || "."}`,
  };
}
