/**
 * Files this tool creates beside the user's: always new (O_EXCL, which also refuses a
 * symlink in the way) and never through a symlink (O_NOFOLLOW), so that a planted link can
 * neither redirect a write nor have its target overwritten.
 */
import { randomBytes } from "node:crypto";
import { constants, renameSync, rmSync, writeFileSync } from "node:fs";

const { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = constants;

/**
 * open(2) flags of a file that must not exist yet. Node's fs takes numeric flags wherever
 * it takes a flag string (its `stringToFlags`), though its types name only strings.
 */
export const CREATE_NEW = (O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW) as unknown as string;

/** open(2) flags that rewrite an existing file, but not through a symlink. */
export const REWRITE = (constants.O_WRONLY | constants.O_TRUNC | O_NOFOLLOW) as unknown as string;

/** Create `path` with `content`; fails with EEXIST when anything (a symlink too) is there. */
export function writeNewFile(path: string, content: string | Uint8Array, mode: number): void {
  writeFileSync(path, content, { flag: CREATE_NEW, mode, encoding: "utf8" });
}

/** A name beside `path` that no one can guess ahead: `<path>.<pid>-<random>.tmp`. */
export function tempNameFor(path: string): string {
  return `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
}

/**
 * Replace `path` with `content` at once: written to a new temporary file beside it, then
 * renamed over it (rename replaces a symlink at `path` itself, never its target).
 */
export function replaceFile(path: string, content: string | Uint8Array, mode: number): void {
  const tmp = tempNameFor(path);
  writeNewFile(tmp, content, mode);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}
