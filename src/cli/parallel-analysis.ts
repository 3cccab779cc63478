// `check --jobs N`: the analysis spread over worker threads, one share of the agreements each.
// Loading and compiling stay on this thread (files share their imports); each agreement's
// analysis reads only the agreement and the frameworks, so agreements are the unit of work.
// The findings come back as plain data and are put in the single-threaded order: each
// share's in rule-set order, the shares in rule-set order, then the same stable sort as
// `analyze`, so the report is byte for byte the one `--jobs 1` gives.
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { RuleSet } from "../generated/ruleset.js";
import { compareDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { TestOutcome } from "../analysis/index.js";
import type { AnalysisTask } from "./analysis-worker.js";
import type { CliContext } from "./context.js";

/**
 * `check` or `test` of `paths` with a share of the files on each thread (src/cli/parallel-check.ts),
 * or why not: that module is loaded only where threads may be used (`--jobs` over 1, or enough
 * cores), so that a small check on a small machine does not pay for it.
 */
export async function checkFilesOnThreads(
  ctx: CliContext,
  paths: string[],
  jobs: number | undefined,
  what: "findings" | "tests",
): Promise<import("./parallel-check.js").CheckedOnThreads | string> {
  if (jobs === 1) return "--jobs 1";
  if (jobs === undefined && availableParallelism() < minCoresForWorkers) return `${availableParallelism()} cores`;
  return (await import("./parallel-check.js")).checkPathsOnThreads(ctx, paths, jobs, what);
}

/** More threads than this rarely pay: a worker costs its start-up and a copy of the frameworks. */
export const maxDefaultJobs = 8;

/**
 * The default is one thread unless there are cores to spare and work to share. Each worker
 * starts, parses its share of the rule set and compiles the analysis's code afresh (its JIT
 * warm-up): measured on 2 cores, about a second per worker, so that two threads were slower
 * than one on every input of the bench (10,000 small files; 16 agreements of 2,000
 * assignments each). With 4 cores and some 40,000 assignments (a few seconds of analysis),
 * the shares outweigh the start.
 */
export const minCoresForWorkers = 4;
export const minAssignmentsForWorkers = 40_000;

/** Shares per thread: several, so that one slow agreement does not leave the other threads idle. */
const sharesPerThread = 4;

/** The threads to use: `--jobs` when given, else every core (at most 8) when that pays (see above), else 1. */
export function threadsFor(ruleSet: RuleSet, requested: number | undefined, cores = availableParallelism()): number {
  let assignments = 0;
  for (const a of ruleSet.agreements) assignments += a.assignments.length;
  const pays = cores >= minCoresForWorkers && ruleSet.agreements.length >= 2 && assignments >= minAssignmentsForWorkers;
  const jobs = requested ?? (pays ? Math.min(cores, maxDefaultJobs) : 1);
  return Math.max(1, Math.min(jobs, ruleSet.agreements.length));
}

/** What `analyze(ruleSet)` gives, computed on `threads` worker threads (threads > 1). */
export async function analyzeOnThreads(ruleSet: RuleSet, threads: number): Promise<Diagnostic[]> {
  return (await onThreads<Diagnostic>(ruleSet, threads, "default")).sort(compareDiagnostics);
}

/** What `runTests(ruleSet)` gives, computed on `threads` worker threads (threads > 1). */
export async function runTestsOnThreads(ruleSet: RuleSet, threads: number): Promise<TestOutcome[]> {
  return onThreads<TestOutcome>(ruleSet, threads, "testShare");
}

/** A pool of exactly `threads` workers running `worker` (a module beside this one, in dist/bin as in dist/src). */
export async function workerPool(worker: string, threads: number): Promise<import("tinypool").default> {
  const { default: Tinypool } = await import("tinypool");
  return new Tinypool({ filename: fileURLToPath(new URL(`./${worker}`, import.meta.url)), minThreads: threads, maxThreads: threads });
}

/** The worker's export `name` run on consecutive shares of the agreements; the results in rule-set order. */
async function onThreads<T>(ruleSet: RuleSet, threads: number, name: "default" | "testShare"): Promise<T[]> {
  const pool = await workerPool("analysis-worker.js", threads);
  try {
    const context: RuleSet = { ...ruleSet, agreements: [] };
    const shares = split(ruleSet.agreements, threads * sharesPerThread);
    const results = await Promise.all(shares.map((agreements) => pool.run({ context, agreements: JSON.stringify(agreements) } satisfies AnalysisTask, { name }) as Promise<T[]>));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}

/** `items` in at most `parts` consecutive runs of nearly equal length, in order. */
export function split<T>(items: readonly T[], parts: number): T[][] {
  const n = Math.max(1, Math.min(parts, items.length));
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
  return out;
}
