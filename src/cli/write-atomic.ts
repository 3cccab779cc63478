// Every file concordat writes is written atomically: to a temporary file in the same
// folder, flushed, then renamed over the target. A failure leaves the previous file as it
// was and no temporary file behind, signals included (SIGINT, SIGTERM, SIGHUP: the handler
// removes the temporary file, then ends the process with the same signal).
//
// Only a regular file (or a new one) is ever replaced: renaming over a device, a FIFO or a
// symbolic link (`/proc/self/fd/1`, `/dev/null` as root) would replace it, so those are
// refused, as are the command's own input files. Errors name the path the user gave.
import fs from "node:fs";
import path from "node:path";

/** The output path cannot be written; the message names the path as the user gave it. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

export interface WriteOptions {
  /** The path as the user gave it, for messages (default: the target). */
  shownAs?: string;
  /** Real paths of the command's input files, which must not be overwritten. */
  inputs?: readonly string[];
}

const temporaries = new Set<string>();
let signalsHandled = false;

/** Removes every temporary file still pending (on a signal). */
export function removeTemporaries(files: Iterable<string> = temporaries): void {
  for (const f of files) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      // nothing more to do
    }
  }
}

/**
 * On the main thread: a signal removes pending temporary files, then ends the process as the
 * signal would have. On a worker thread (which gets no signals), the main thread is told
 * about each temporary file instead (see main.ts).
 */
function trackTemporary(file: string, pending: boolean): void {
  if (pending) temporaries.add(file);
  else temporaries.delete(file);
  // Loaded here, not at start-up: worker_threads is a millisecond of every start.
  const { isMainThread, parentPort } = process.getBuiltinModule("node:worker_threads");
  if (!isMainThread) {
    parentPort?.postMessage({ concordatTemporary: file, pending });
    return;
  }
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const handler = (): void => {
      removeTemporaries();
      process.removeListener(signal, handler);
      process.kill(process.pid, signal);
    };
    process.on(signal, handler);
  }
}

function identity(st: fs.Stats): string {
  return `${st.dev}:${st.ino}`;
}

function refuse(shown: string, why: string): never {
  throw new OutputError(`cannot write ${shown}: ${why}`);
}

/** Throws OutputError unless `target` is absent or a regular file that is not one of `inputs`. */
export function checkOutputPath(target: string, options: WriteOptions = {}): void {
  const abs = path.resolve(target);
  const shown = options.shownAs ?? target;
  let st: fs.Stats;
  try {
    st = fs.lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    refuse(shown, (e as Error).message);
  }
  if (st.isSymbolicLink()) refuse(shown, "it is a symbolic link; concordat replaces only a regular file (give the path of the file itself)");
  if (st.isDirectory()) refuse(shown, "it is a folder");
  if (!st.isFile()) refuse(shown, "it is not a regular file (a device, FIFO or socket); concordat replaces only a regular file");
  const own = identity(st);
  for (const input of options.inputs ?? []) {
    try {
      if (identity(fs.statSync(input)) === own) refuse(shown, "it is one of the input files");
    } catch (e) {
      if (e instanceof OutputError) throw e;
    }
  }
}

function describe(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: "its folder does not exist",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    ENOSPC: "no space left on the device",
    EISDIR: "it is a folder",
    ENOTDIR: "part of the path is not a folder",
    EDQUOT: "disk quota exceeded",
  };
  return (code && words[code]) ?? code ?? (e instanceof Error ? e.message : String(e));
}

export function writeFileAtomic(target: string, data: string | Uint8Array, options: WriteOptions = {}): void {
  const abs = path.resolve(target);
  const shown = options.shownAs ?? target;
  checkOutputPath(abs, options);
  const dir = path.dirname(abs);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${process.getBuiltinModule("node:crypto").randomBytes(6).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(abs).mode & 0o777;
  } catch {
    // a new file
  }
  let fd: number | undefined;
  try {
    trackTemporary(tmp, true);
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // Checked again just before the rename: the target may have changed meanwhile.
    checkOutputPath(abs, options);
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    removeTemporaries([tmp]);
    if (e instanceof OutputError) throw e;
    throw new OutputError(`cannot write ${shown}: ${describe(e)}`);
  } finally {
    trackTemporary(tmp, false);
  }
}
