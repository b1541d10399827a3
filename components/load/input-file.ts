/**
 * Reading a user's input file (a stack file, a values file) without trusting what it is: a
 * pull request can commit a symlink to /dev/zero or a FIFO, which a plain read would follow
 * forever or fill memory with. Only a regular file of at most MAX_INPUT_BYTES is read; the
 * file is opened without blocking (a FIFO would block the open itself) and checked on the
 * open descriptor, so that it cannot be swapped between the check and the read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from "node:fs";

/**
 * The largest input read: 32 MiB. A stack file of 20,000 connections written out in full
 * is about 10 MB; the Pulumi CLI itself cannot pass more than 128 KiB of config in one
 * environment variable to a program.
 */
export const MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** An input that is not a readable regular file (or is too large): never read. */
export class UnreadableFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Throws for an input of `size` bytes past `maxBytes`: the one message for a too-large input. */
export function checkInputSize(name: string, size: number, maxBytes = MAX_INPUT_BYTES): void {
  if (size > maxBytes) throw new UnreadableFileError(name, `is ${size} bytes, more than the ${maxBytes} (${mib(maxBytes)}) an input may hold`);
}

/**
 * The bytes of `path` (`name` in messages), or undefined when it does not exist. Throws
 * UnreadableFileError, at once and having read nothing, for anything but a regular file of
 * at most `maxBytes` (a symlink counts as what it points at).
 */
export function readInputFile(path: string, name = path, maxBytes = MAX_INPUT_BYTES): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UnreadableFileError(name, `is ${kindOf(st)}, not a file`);
    checkInputSize(name, st.size, maxBytes);
    // One byte more than allowed, to see a file that grew after the check.
    const buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new UnreadableFileError(name, `grew past the ${mib(maxBytes)} an input may hold while it was read`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The text of a YAML file a command reads as it is (a values file, a stack file to edit); throws ENOENT when it does not exist. */
export function readYamlInput(file: string): string {
  const bytes = readInputFile(file);
  if (bytes === undefined) throw Object.assign(new Error(`${file}: no such file`), { code: "ENOENT" });
  return bytes.toString("utf8");
}
