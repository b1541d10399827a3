/**
 * Writes a folder of files all at once: into a temporary sibling first, then swapped in
 * with renames, so a failure never leaves a half-written tree.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Replace `target` with a folder holding exactly `files` (relative path → content). */
export function writeDirAtomically(target: string, files: ReadonlyMap<string, string>): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${Date.now()}`;
  const staging = join(parent, `.${basename(target)}.new-${tag}`);
  const previous = join(parent, `.${basename(target)}.old-${tag}`);
  try {
    mkdirSync(staging, { recursive: true });
    for (const dir of new Set([...files.keys()].map((rel) => dirname(join(staging, rel))))) {
      mkdirSync(dir, { recursive: true });
    }
    for (const [rel, content] of files) writeFileSync(join(staging, rel), content);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    throw err;
  }
  rmSync(previous, { recursive: true, force: true });
}
