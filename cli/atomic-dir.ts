/**
 * Writes a render's folder all at once, and only over a folder that an earlier render wrote
 * and that holds nothing else: into a staging sibling first, then swapped in with renames,
 * under a lock, so that a failure, a killed run or a concurrent run never leaves a
 * half-written tree, and nothing of the user's is ever replaced or deleted.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import { basename, dirname, join, sep } from "node:path";
import { writeNewFile } from "./exclusive-file.js";
import { acquireRenderLock } from "./render-lock.js";
import { digestOf, identityOf, type MarkerRecord, readMarker, unaccounted, writeMarker } from "./render-marker.js";

export { RENDER_MARKER } from "./render-marker.js";
export { RenderBusyError } from "./render-lock.js";

/** How many unknown entries a refusal names before it counts the rest. */
const NAMED = 10;

/** The target exists and is not provably a render's own: nothing was touched (exit 2). */
export class NotOurFolderError extends Error {
  /** `unknown`: what in the folder render did not write, when the folder itself is a render's. */
  constructor(
    readonly target: string,
    reason: string,
    readonly unknown: string[] = [],
  ) {
    const fix = unknown.length
      ? "Fix: move them out of the folder (render replaces it whole), or pass another --out"
      : "Fix: pass another --out, or move the folder away yourself if you no longer need what is in it";
    super(`${target} exists and was not written by render (${reason}); nothing was touched. ${fix}`);
  }
}

export interface WriteOptions {
  /** Files 0600 in folders 0700 (the tree holds secret values in clear). */
  private?: boolean;
}

function listed(entries: string[]): string {
  const more = entries.length > NAMED ? ` and ${entries.length - NAMED} more` : "";
  return `${entries.slice(0, NAMED).join(", ")}${more}`;
}

/**
 * Throws unless `target` is absent, or a folder an earlier render wrote that holds only what
 * it wrote; returns that render's record (each file's content checked against it just now).
 */
export function assertReplaceable(target: string): MarkerRecord | undefined {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return undefined;
  }
  if (!stat.isDirectory()) throw new NotOurFolderError(target, stat.isSymbolicLink() ? "it is a symlink" : "it is not a folder");
  const record = readMarker(target);
  if (typeof record === "string") throw new NotOurFolderError(target, record);
  const unknown = unaccounted(target, record);
  if (unknown.length > 0) {
    const what = unknown.length === 1 ? "1 entry" : `${unknown.length} entries`;
    throw new NotOurFolderError(target, `it holds ${what} render did not write: ${listed(unknown)}`, unknown);
  }
  return record;
}

/** `.<name>.render-new-<pid>-<random>` (staging) and `…render-old-…` (the render it replaces). */
function siblingName(target: string, role: "new" | "old", tag: string): string {
  return join(dirname(target), `.${basename(target)}.render-${role}-${tag}`);
}

/**
 * Staging and previous folders of `target` that a killed render left: only names of exactly
 * that form, and only when their marker proves them a render of `target` (or, killed before
 * the marker was written, they are empty). Called under the lock, so none is in use.
 */
function removeLeftovers(target: string): void {
  const prefix = `.${basename(target)}.`;
  const form = /^render-(new|old)-\d+-[0-9a-f]{12}$/;
  for (const name of readdirSync(dirname(target))) {
    if (!name.startsWith(prefix) || !form.test(name.slice(prefix.length))) continue;
    const path = join(dirname(target), name);
    if (!lstatSync(path).isDirectory()) continue;
    if (typeof readMarker(path, basename(target)) !== "string") rmSync(path, { recursive: true, force: true });
    else if (readdirSync(path).length === 0) rmdirSync(path);
  }
}

/**
 * Whether `from` (a file of the earlier render) could be linked as `to`; not when the user
 * removed it meanwhile, or the file system has no hard links.
 */
function linked(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/**
 * Replace `target` with a folder holding exactly `files` (relative path → content, written
 * as they come) and the render marker that records them; returns the relative paths
 * written. Throws NotOurFolderError (nothing touched) when `target` is not provably ours,
 * and RenderBusyError when another render holds it.
 */
export function writeDirAtomically(target: string, files: Iterable<[string, string]>, opts: WriteOptions = {}): string[] {
  mkdirSync(dirname(target), { recursive: true });
  const release = acquireRenderLock(target);
  const dirMode = opts.private ? 0o700 : 0o755;
  const fileMode = opts.private ? 0o600 : 0o644;
  const tag = `${process.pid}-${randomBytes(6).toString("hex")}`;
  const staging = siblingName(target, "new", tag);
  const previous = siblingName(target, "old", tag);
  try {
    // Under the lock: another render may be swapping the folder until then.
    const earlier = assertReplaceable(target);
    // A file the earlier render wrote with the same content and mode is linked into the new
    // tree instead of written again: creating thousands of files is most of a re-render's
    // time on disk (docs/performance.md), and the earlier tree is removed right after.
    const reusable = earlier && (lstatSync(target).mode & 0o777) === dirMode ? earlier.files : {};
    removeLeftovers(target);
    mkdirSync(staging, { mode: dirMode });
    const record = { folder: basename(target), identity: identityOf(staging), files: {} as Record<string, string> };
    writeMarker(staging, record, fileMode, true);
    const made = new Set<string>([staging]);
    for (const [rel, content] of files) {
      // Joined, not path.join()ed: `staging` is normalized already, and normalizing the
      // whole path again for each of thousands of files showed in a render's profile.
      const path = `${staging}${sep}${rel}`;
      const dir = dirname(path);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true, mode: dirMode });
        made.add(dir);
      }
      const digest = digestOf(content);
      if (reusable[rel] !== digest || !linked(`${target}${sep}${rel}`, path)) writeNewFile(path, content, fileMode);
      record.files[rel] = digest;
    }
    writeMarker(staging, record, fileMode, false);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(staging, target);
    return Object.keys(record.files);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    if (existsSync(previous) && !existsSync(target)) renameSync(previous, target);
    throw err;
  } finally {
    rmSync(previous, { recursive: true, force: true });
    release();
  }
}
