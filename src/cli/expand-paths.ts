// The paths a command was given, as linters take them: a quoted glob (`'policies/**/*.concord'`)
// is expanded here (shells on Windows and in CI `run:` steps with quotes do not), and the
// configuration's `ignore` globs are taken out. Plain files and folders go to the loader as given.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { listSourceFiles } from "../semantics/load.js";
import { UsageError } from "./context.js";

const SOURCE = /\.concord(\.md)?$/;

// tinyglobby (with fdir and picomatch) costs some 30 ms to import: it is loaded, through its
// CommonJS build so that the paths stay synchronous, only when there is a glob to expand.
type Tinyglobby = typeof import("tinyglobby");
let tinyglobby: Tinyglobby | undefined;
function glob(): Tinyglobby {
  return (tinyglobby ??= createRequire(import.meta.url)("tinyglobby") as Tinyglobby);
}

/** Whether `arg` has glob syntax; a cheap test first, so that plain paths never load the globber. */
function isGlob(arg: string): boolean {
  return /[*?[\]{}()!+@]/.test(arg) && glob().isDynamicPattern(arg);
}

/** Absolute paths of the files that `ignore` (globs relative to `base`) names. */
export function ignoredFiles(ignore: readonly string[] | undefined, base: string): Set<string> {
  if (!ignore || ignore.length === 0) return new Set();
  return new Set(glob().globSync([...ignore], { cwd: base, absolute: true, dot: true, onlyFiles: true, expandDirectories: true }).map((f) => path.resolve(f)));
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/**
 * `args` (relative to `cwd`) as paths for the loader: globs expanded (sorted, source files only;
 * a glob that matches nothing is a usage error), folders listed when something is ignored.
 */
export function expandPaths(args: readonly string[], cwd: string, ignored: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  const keep = (abs: string): boolean => !ignored.has(path.resolve(abs));
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (!exists(abs) && isGlob(arg)) {
      const matches = glob().globSync(arg, { cwd, absolute: true, onlyFiles: true, ignore: ["**/node_modules/**"] })
        .filter((f) => SOURCE.test(f))
        .map((f) => path.resolve(f))
        .sort();
      if (matches.length === 0) throw new UsageError(`no .concord or .concord.md files match ${arg}`);
      for (const item of matches.filter(keep)) out.push(item);
      continue;
    }
    if (ignored.size > 0 && exists(abs) && fs.statSync(abs).isDirectory()) {
      for (const item of listSourceFiles(abs).filter(keep)) out.push(item);
      continue;
    }
    if (ignored.size > 0 && !keep(abs)) continue;
    out.push(arg);
  }
  return out;
}
