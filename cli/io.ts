/** Exit codes and output streams shared by every command. */

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Invalid input: every problem is listed on stderr, nothing is written. */
export const EXIT_INVALID = 2;

/** Where commands print; tests pass buffers. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};
