// `check --jobs N` and `test --jobs N` over many files: the whole pipeline (load, compile,
// analyse or test) on worker threads, each taking a consecutive share of the files the command
// line names, with what they import. A folder of 10,000 small agreements spends most of its time loading them, which the
// analysis-only threads (parallel-analysis.ts) leave on this thread.
//
// The shares are merged into exactly the single-threaded report, or not used at all. The
// single-threaded load reads the files in sorted order, each import before the file that
// imports it, and each file once: so its files are the shares' files in share order, each
// where it is first read, and its agreements are analysed as the first share that read their
// file analysed them. That holds while the names the files declare mean in each share what
// they mean in the whole program. Where it cannot be shown from what the shares return, the
// caller runs the single-threaded check instead (told why, as a string):
// - an entry that cannot be read, or any import problem (a cycle is named from where the load
//   entered it, a missing file hides follow-on errors);
// - any share whose frameworks (the declarations, in order) are not all the program's, even
//   when it reads every framework's file first (`checkShares`): a name in `conforms to` or
//   `extends` resolves, and is suggested, over every framework, and some messages take titles
//   from any framework;
// - an agreement name declared in two places (the second is an error of the whole program);
// - one file reached by two paths; a deep or large file, an unexpected error in a worker.
import { availableParallelism } from "node:os";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { compareDiagnostics } from "../diagnostics/diagnostic.js";
import type { Framework } from "../generated/ruleset.js";
import { listRoots, type SourceRoot } from "../semantics/load.js";
import type { CliContext } from "./context.js";
import { progress } from "./progress.js";
import type { AgreementShare, CheckTask, FileShare, SharedFile } from "./check-worker.js";
import type { TestOutcome } from "../analysis/index.js";
import type { Compiled } from "./pipeline.js";
import { currenciesOf, mergeDiagnostics } from "./pipeline.js";
import { maxDefaultJobs, minCoresForWorkers, split, workerPool } from "./parallel-analysis.js";

/** The single-threaded report's parts, from the shares: everything `check` renders. */
export interface CheckedOnThreads extends Omit<Compiled, "ruleSet"> {
  /** The analysis findings, in the order `analyze` gives them (`check`). */
  findings: Diagnostic[];
  /** The tests' outcomes, in the order `runTests` gives them (`test`). */
  tests: TestOutcome[];
  /** The rule set's frameworks (every share has them all), for SARIF's rule help. */
  frameworks: Framework[];
  threads: number;
}

/**
 * Files from which every core is used by default (with `minCoresForWorkers` cores or more):
 * below some hundreds of files, a worker's start (importing the stages and compiling their code
 * afresh, about a second of work on 10,000 files) is not repaid. Not with 2 cores: there V8's
 * collector already runs on the second core (one process of this allocating work took 1.4 s
 * alone and 2.6 s beside a second), so two threads were no faster than one.
 */
export const minFilesForWorkers = 400;

/** Shares per thread: a few, so that a share of slow files does not leave the other threads idle. */
const sharesPerThread = 2;

/** The threads for checking `files` files: `--jobs` when given, else every core (at most `maxJobs`) when that pays (see above). */
export function threadsForFiles(files: number, requested: number | undefined, cores: number, maxJobs = maxDefaultJobs): number {
  const jobs = requested ?? (cores >= minCoresForWorkers && files >= minFilesForWorkers ? Math.min(cores, maxJobs) : 1);
  return Math.max(1, Math.min(jobs, files));
}

/**
 * `check` of `paths` on threads, when there are files enough (or `--jobs` asks) and the shares
 * are exactly the single-threaded check; otherwise why not, and the caller checks on this
 * thread. Never on the CLI's large-stack thread: a deep file is why the check runs there.
 */
export async function checkPathsOnThreads(ctx: CliContext, paths: string[], jobs: number | undefined, what: CheckTask["what"]): Promise<CheckedOnThreads | string> {
  if (ctx.deepStack) return "the large-stack thread";
  let roots: SourceRoot[];
  try {
    const listed = listRoots(paths, { cwd: ctx.cwd });
    if (listed.problems > 0) return "some entries cannot be read";
    roots = listed.roots;
  } catch {
    return "a path cannot be read"; // the single-threaded load says what is wrong with it
  }
  const threads = threadsForFiles(roots.length, jobs, availableParallelism());
  if (threads < 2) return `${roots.length} ${roots.length === 1 ? "file" : "files"}, ${threads} thread`;
  const p = progress(ctx);
  try {
    p.step(`${what === "tests" ? "testing" : "checking"} ${roots.length} files on ${threads} threads…`, roots.length >= 100);
    return await checkOnThreads(ctx.cwd, roots, threads, what);
  } finally {
    p.done();
  }
}

/** The shares' check of `roots` on `threads` threads, or why it might differ from the single-threaded one. */
async function checkOnThreads(cwd: string, roots: SourceRoot[], threads: number, what: CheckTask["what"]): Promise<CheckedOnThreads | string> {
  const pool = await workerPool("check-worker.js", threads);
  try {
    const merged = await checkShares(cwd, split(roots, threads * sharesPerThread), (share, i) => pool.run({ cwd, roots: share, what, withFrameworks: i === 0 } satisfies CheckTask) as Promise<FileShare>);
    return typeof merged === "string" ? merged : { ...merged, threads };
  } catch (e) {
    // Out of memory on a thread, or a defect: the single-threaded check reports it as it does.
    return `a thread failed (${e instanceof Error ? e.message : String(e)})`;
  } finally {
    await pool.destroy();
  }
}

const NOT_EVERY_FRAMEWORK = "some shares do not read every framework";

/**
 * The shares `pieces` (consecutive, in order) checked by `run` and merged. When some shares do
 * not read every framework of the program (agreements that import different frameworks), the
 * shares run again, each reading every file that declares a framework first, in the program's
 * order, and are merged in the files' order of the first run.
 */
export async function checkShares(cwd: string, pieces: SourceRoot[][], run: (roots: SourceRoot[], share: number) => Promise<FileShare>): Promise<Omit<CheckedOnThreads, "threads"> | string> {
  const first = await Promise.all(pieces.map(run));
  const layout = layoutOf(first);
  if (typeof layout === "string") return layout;
  const merged = assemble(layout, first);
  if (merged !== NOT_EVERY_FRAMEWORK) return merged;
  let prelude: SourceRoot[];
  try {
    prelude = layout.files.filter((f) => f.frameworks.length > 0).flatMap((f) => listRoots([f.absolutePath], { cwd }).roots);
  } catch {
    return "a framework's file cannot be read again";
  }
  return assemble(layout, await Promise.all(pieces.map((piece, i) => run([...prelude, ...piece], i))));
}

type Share = Exclude<FileShare, { fallback: string }>;

/** How the one-thread load lays the program out, read from the shares: its files in order, and the share that read each first. */
interface Layout {
  files: SharedFile[];
  /** File path → the share that read it first. */
  owner: Map<string, number>;
  /** File path → its place in `files`. */
  place: Map<string, number>;
}

function readable(results: readonly FileShare[]): Share[] | string {
  const shares: Share[] = [];
  for (const r of results) {
    if ("fallback" in r) return `a share cannot be read on its own (${r.fallback})`;
    shares.push(r);
  }
  return shares;
}

/** The program's files, each where a share first read it (see the top of this file), or why they cannot be known. */
function layoutOf(results: readonly FileShare[]): Layout | string {
  const shares = readable(results);
  if (typeof shares === "string") return shares;
  const owner = new Map<string, number>(); // path → share
  const pathOf = new Map<string, string>(); // identity → path
  const files: SharedFile[] = [];
  for (const [i, share] of shares.entries())
    for (const f of share.files) {
      const seen = pathOf.get(f.identity);
      if (seen !== undefined && seen !== f.path) return "one file is reached by two paths";
      if (seen !== undefined) continue;
      if (owner.has(f.path)) return "one file is reached by two paths"; // one path to two files: replaced while read
      owner.set(f.path, i);
      pathOf.set(f.identity, f.path);
      files.push(f);
    }
  // Each agreement name is declared once in the whole program.
  const agreementAt = new Map<string, string>();
  for (const f of files)
    for (const a of f.agreements) {
      const at = agreementAt.get(a.name);
      if (at !== undefined && at !== a.key) return "an agreement name is declared twice";
      agreementAt.set(a.name, a.key);
    }
  return { files, owner, place: new Map(files.map((f, i) => [f.path, i])) };
}

/** The shares as one check in `layout`'s order, when each read every framework of the program in its order; else why not. */
function assemble(layout: Layout, results: readonly FileShare[]): Omit<CheckedOnThreads, "threads"> | string {
  const shares = readable(results);
  if (typeof shares === "string") return shares;
  const { files, owner, place } = layout;
  // Every share knows every framework, in the program's order.
  const frameworks = files.flatMap((f) => f.frameworks).join("\u0001");
  if (shares.some((s) => s.files.flatMap((f) => f.frameworks).join("\u0001") !== frameworks)) return NOT_EVERY_FRAMEWORK;
  const owned = (share: number) => (a: AgreementShare) => owner.get(a.file) === share;
  // In the program's order of their files (a share that read the frameworks first read its own files after them).
  const agreements = shares.flatMap((s, i) => s.agreements.filter(owned(i))).sort((x, y) => place.get(x.file)! - place.get(y.file)!);
  const currencies = currenciesOf([shares[0]?.frameworkCurrencies ?? [], ...agreements.map((a) => a.currencies)]);
  return {
    diagnostics: mergeDiagnostics(shares.flatMap((s) => s.diagnostics)),
    findings: agreements.flatMap((a) => a.findings).sort(compareDiagnostics),
    tests: agreements.flatMap((a) => a.tests),
    files: files.map((f) => f.path),
    sources: new Map(files.map((f) => [f.path, f.text])),
    inputs: files.map((f) => f.absolutePath),
    currencies,
    frameworks: shares[0]?.frameworks ?? [],
  };
}

/** The shares as one check, without a second run (see `checkShares`); or why not. */
export function mergeShares(results: readonly FileShare[]): Omit<CheckedOnThreads, "threads"> | string {
  const layout = layoutOf(results);
  return typeof layout === "string" ? layout : assemble(layout, results);
}
