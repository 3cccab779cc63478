// What a command needs from the outside world, so tests can run commands in-process.
import fs from "node:fs";

export interface Stream {
  write(s: string): void;
  isTTY: boolean;
}

export interface CliContext {
  stdout: Stream;
  stderr: Stream;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Set by the command that ran; 0 unless it says otherwise. */
  exitCode: number;
  /** Whether this thread has the large stack for deeply nested files (see main.ts). */
  deepStack?: boolean;
  /**
   * Standard input once read (`check -`, `fmt -`): a command run again on the worker thread
   * (main.ts) is handed the bytes, since standard input can be read only once.
   */
  stdin?: Uint8Array;
}

/** All of standard input, read once per command (see `CliContext.stdin`). */
export function readStandardInput(ctx: CliContext): Uint8Array {
  return (ctx.stdin ??= fs.readFileSync(0));
}

/** Characters encoded at a time: a report of 100 MB was one Buffer of 100 MB beside its text. */
const WRITE_SLICE = 1 << 20;

/** Writes synchronously, so nothing is lost when the process ends. */
function fdStream(fd: 1 | 2, isTTY: boolean): Stream {
  return { isTTY, write: (s: string) => writeText(fd, s) };
}

/** Writes `s` to `fd` as UTF-8, `slice` characters at a time (the tests give small slices). */
export function writeText(fd: number, s: string, slice = WRITE_SLICE): void {
  for (let at = 0; at < s.length; ) {
    let end = Math.min(s.length, at + Math.max(1, slice));
    // A surrogate pair stays in one slice: UTF-8 encodes the pair, not its halves.
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end++;
    if (!writeAll(fd, Buffer.from(s.slice(at, end), "utf8"))) return;
    at = end;
  }
}

/** Writes all of `buf`; false when the reader went away (`concordat … | head`). */
function writeAll(fd: number, buf: Buffer): boolean {
  while (buf.length > 0) {
    try {
      const n = fs.writeSync(fd, buf);
      buf = buf.subarray(n);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") continue;
      if (code === "EPIPE") return false;
      throw e;
    }
  }
  return true;
}

export function processContext(): CliContext {
  return {
    stdout: fdStream(1, Boolean(process.stdout.isTTY)),
    stderr: fdStream(2, Boolean(process.stderr.isTTY)),
    cwd: process.cwd(),
    env: process.env,
    exitCode: 0,
  };
}

/** A usage mistake (a bad option value, a missing argument): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Whether to colour output going to `stream`: `--color`/`--no-color` first, then NO_COLOR / FORCE_COLOR, then a TTY. */
export function useColor(flag: boolean | undefined, stream: Stream, env: CliContext["env"]): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  if (env.TERM === "dumb") return false;
  return stream.isTTY;
}
