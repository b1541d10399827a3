/**
 * One render of a folder at a time: `<parent>/.<name>.render-lock`, holding the pid of the
 * render that writes `<name>`. A lock is never taken over: two renders that both found a
 * dead holder could each remove the other's fresh lock, so a stale lock is reported with
 * the way out instead.
 */
import { linkSync, lstatSync, readFileSync, rmSync } from "node:fs";
import { constants } from "node:os";
import { basename, dirname, join } from "node:path";
import { tempNameFor, writeNewFile } from "./exclusive-file.js";

/** Another render holds the folder, or a killed one left its lock (exit 1; nothing touched). */
export class RenderBusyError extends Error {
  constructor(
    readonly target: string,
    readonly lock: string,
    reason: string,
  ) {
    super(`${target} is busy: ${reason}; nothing was touched`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why `lock` (which exists) cannot be taken, with the way out; undefined when it was released meanwhile. */
function holderOf(target: string, lock: string): RenderBusyError | undefined {
  const wayOut = `if no render of ${target} is running, remove ${lock} and run again`;
  let holder = "";
  try {
    if (lstatSync(lock).isFile()) holder = readFileSync(lock, "utf8").trim();
  } catch {
    return undefined;
  }
  const pid = /^[1-9]\d{0,9}$/.test(holder) ? Number(holder) : 0;
  if (pid === 0) return new RenderBusyError(target, lock, `${lock} is in the way and names no render process. Fix: ${wayOut}`);
  if (isRunning(pid)) return new RenderBusyError(target, lock, `another render (process ${pid}) is writing it. Run again when it is done (${wayOut})`);
  return new RenderBusyError(target, lock, `${lock} was left by render process ${pid}, which is no longer running (killed mid-way). Fix: ${wayOut}`);
}

let signalsDeferred = false;

/**
 * A render is synchronous, so a handler runs only once the render is done and its lock
 * released: Ctrl-C then ends the process (128 + signal) instead of killing it mid-write
 * and leaving a stale lock.
 */
function deferSignals(): void {
  if (signalsDeferred) return;
  signalsDeferred = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => process.exit(128 + constants.signals[signal]));
  }
}

/**
 * Take the lock of `target`; returns its release. The lock appears complete or not at all:
 * written to a new private file first, then hard-linked into place, which fails when
 * anything (a symlink too) is there, so no render ever reads it half-written.
 */
export function acquireRenderLock(target: string): () => void {
  deferSignals();
  const lock = join(dirname(target), `.${basename(target)}.render-lock`);
  const mine = tempNameFor(lock);
  writeNewFile(mine, String(process.pid), 0o600);
  try {
    // A lock released between the link and the look at its holder is taken on the next try.
    for (let attempt = 1; ; attempt++) {
      try {
        linkSync(mine, lock);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        const busy = holderOf(target, lock);
        if (busy) throw busy;
        if (attempt === 3) throw new RenderBusyError(target, lock, "other renders keep taking it; run again");
      }
    }
  } finally {
    rmSync(mine, { force: true });
  }
  return () => {
    rmSync(lock, { force: true });
    // One more turn of the event loop, so that a signal that came during the write is
    // delivered (signal watchers do not keep the loop alive on their own).
    setImmediate(() => {});
  };
}
