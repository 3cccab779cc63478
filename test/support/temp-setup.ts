// vitest globalSetup: every temporary folder the tests (and the CLI they spawn) make goes under
// one folder of this run, removed at the end, so a run leaves nothing behind in the system's
// temporary directory. The forked test workers inherit TMPDIR, and os.tmpdir() reads it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const root = mkdtempSync(path.join(tmpdir(), "concordat-tests-"));
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
