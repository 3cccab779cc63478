// vitest globalSetup: every temporary folder the tests (and the CLI they spawn) make goes under
// one folder of this run, removed at the end, so a run leaves nothing behind in the system's
// temporary directory. The forked test workers inherit TMPDIR, and os.tmpdir() reads it.
// A run that was interrupted (Ctrl-C, a killed CI job) cannot remove its folder: the next run
// removes the folders whose run is no longer alive.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const PREFIX = "concordat-tests-";
/** The file in a run's folder that names the process of the run. */
const OWNER = ".owner-pid";
const DAY_MS = 24 * 60 * 60 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's process.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether the folder `dir` (a run's) was left by a run that has ended. */
function abandoned(dir: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(dir, OWNER), "utf8"));
    return Number.isInteger(pid) && pid > 0 && !alive(pid);
  } catch {
    // A folder of a run from before the owner file, or one whose run stopped before writing it.
    try {
      return Date.now() - statSync(dir).mtimeMs > DAY_MS;
    } catch {
      return false;
    }
  }
}

/** Removes the folders of earlier runs under `base` that were interrupted; returns their names. */
export function removeAbandonedRuns(base: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(base, name);
    if (!abandoned(dir)) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  removeAbandonedRuns(tmpdir());
  const root = mkdtempSync(path.join(tmpdir(), PREFIX));
  writeFileSync(path.join(root, OWNER), String(process.pid));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
