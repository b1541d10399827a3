/**
 * The record a render leaves in its folder: which folder it is (device and inode, so that a
 * copied marker proves nothing) and every file written, with its SHA-256. Render replaces a
 * folder only when the record proves the folder is its own and nothing else is in it.
 */
import { hash } from "node:crypto";
import { lstatSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { CREATE_NEW, REWRITE } from "./exclusive-file.js";

/** The file that marks a folder as written by `render` (and so ours to replace). */
export const RENDER_MARKER = ".polyaxon-connections-render";
const HEADER =
  "This folder was written by `polyaxon-connections render`, which replaces it on every render.\n" +
  "The line below records the folder and each file written; render refuses to replace the folder when anything else is in it.\n";
/** A marker larger than this is not one render wrote (100,000 connections make ~40 MB). */
const MAX_MARKER_BYTES = 256 * 1024 * 1024;

export interface MarkerRecord {
  /** The folder's base name when it was written. */
  folder: string;
  /** `st_dev:st_ino` of the folder the marker was written in. */
  identity: string;
  /** Relative path (with `/`) → SHA-256 hex of the content written; empty while staging. */
  files: Record<string, string>;
}

/** SHA-256 hex of a file's content (Node's one-shot hash: a render digests every file it writes). */
export function digestOf(content: string | Buffer): string {
  return hash("sha256", content, "hex");
}

/** `st_dev:st_ino` of `path` itself (a symlink is not followed). */
export function identityOf(path: string): string {
  const stat = lstatSync(path, { bigint: true });
  return `${stat.dev}:${stat.ino}`;
}

/** Write `dir`'s marker: new (`create`) while staging, then rewritten in place with the files. */
export function writeMarker(dir: string, record: MarkerRecord, mode: number, create: boolean): void {
  const text = `${HEADER}${JSON.stringify(record)}\n`;
  writeFileSync(join(dir, RENDER_MARKER), text, { flag: create ? CREATE_NEW : REWRITE, mode, encoding: "utf8" });
}

/**
 * `dir`'s marker record when it is a regular file that a render of `folder` wrote in this
 * very folder; otherwise a sentence saying why not.
 */
export function readMarker(dir: string, folder = basename(dir)): MarkerRecord | string {
  const path = join(dir, RENDER_MARKER);
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    return `it has no ${RENDER_MARKER} file`;
  }
  if (!stat.isFile()) return `its ${RENDER_MARKER} is not a regular file`;
  if (stat.size > MAX_MARKER_BYTES) return `its ${RENDER_MARKER} is not one render wrote`;
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return `its ${RENDER_MARKER} cannot be read`;
  }
  if (!text.startsWith(HEADER)) return `its ${RENDER_MARKER} is not one this version of render wrote`;
  let record: MarkerRecord;
  try {
    record = JSON.parse(text.slice(HEADER.length)) as MarkerRecord;
  } catch {
    return `its ${RENDER_MARKER} is damaged`;
  }
  if (typeof record?.files !== "object" || record.files === null) return `its ${RENDER_MARKER} is damaged`;
  if (record.identity !== identityOf(dir) || record.folder !== folder) {
    return `its ${RENDER_MARKER} was written for another folder (copied or moved here)`;
  }
  return record;
}

/** `read()`, or undefined when what it reads is gone (another render swapped the folder away). */
function unlessGone<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * What in `dir` the record does not account for: files it does not list or whose content
 * changed, folders holding none of its files, symlinks and other special files. Sorted.
 */
export function unaccounted(dir: string, record: MarkerRecord): string[] {
  const folders = new Set<string>();
  for (const rel of Object.keys(record.files)) {
    for (let i = rel.indexOf("/"); i !== -1; i = rel.indexOf("/", i + 1)) folders.add(rel.slice(0, i));
  }
  const found: string[] = [];
  const walk = (abs: string, rel: string): void => {
    // Dirents come from readdir's own type field: a symlink is never followed.
    for (const entry of unlessGone(() => readdirSync(abs, { withFileTypes: true })) ?? []) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (path === RENDER_MARKER) continue;
      if (entry.isDirectory() && folders.has(path)) walk(join(abs, entry.name), path);
      else if (entry.isDirectory()) found.push(`${path}/`);
      else if (!entry.isFile()) found.push(`${path} (not a regular file)`);
      else if (!Object.hasOwn(record.files, path)) found.push(path);
      else {
        const content = unlessGone(() => readFileSync(join(abs, entry.name)));
        if (content && digestOf(content) !== record.files[path]) found.push(`${path} (changed since render wrote it)`);
      }
    }
  };
  walk(dir, "");
  return found.sort();
}
