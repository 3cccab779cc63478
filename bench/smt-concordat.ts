// concordat's side of the SMT peer (bench/smt.ts), timed in a Node process of its own, as a
// `check` analyses one program per process. In the bench's process the analysis had already
// judged the peer's 100 random agreements and the examples (other dimensions, `each member`,
// no term): the engine's compiled code, fitted to all those shapes, was about twice as slow on
// the bench agreement as in a process that meets only it (8,000 assignments, warm: 133 ms CPU
// there, 65 here). Z3, compiled ahead of time, has no such history.
//
// Each of the two works (the whole analysis; the gap and conflict findings alone) is timed in a
// process of its own, so that neither starts with the code the other compiled.
//
//   node dist/bench/smt-concordat.js <assignments> <folder> analyze|coverage   → one JSON line: { cold, warm }
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/analysis/index.js";
import { conflictDiagnostics, gapDiagnostics, scan } from "../src/analysis/coverage/index.js";
import type { RuleSet } from "../src/generated/ruleset.js";
import { spreadRuleSet, timeInProcess, type InProcessMeasure } from "./in-process.js";

export interface ConcordatTimings {
  /** `analyze`, the median of BENCH_RUNS runs (default 3) in a fresh process: the first compiles the code. */
  analyze: InProcessMeasure;
  /** The same after at least five runs (the cold ones, then untimed ones): the code compiled and optimised, as Z3's is across its queries. */
  analyzeWarm: InProcessMeasure;
  /** The gap and conflict findings alone (the peer's two questions), as they come in a fresh process. */
  coverage: InProcessMeasure;
  /** The same, warm. */
  coverageWarm: InProcessMeasure;
}

export type TimedWork = "analyze" | "coverage";

/** One work's figures from its own process. */
export interface WorkTimings {
  cold: InProcessMeasure;
  warm: InProcessMeasure;
}

/** The gap and conflict findings of every agreement; the scan may let its cells go, as `analyze` lets it when no later check reads cells. */
function gapsAndConflicts(rs: RuleSet): number {
  return rs.agreements.reduce((k, ag) => {
    scan(ag, { keepCells: false });
    return k + gapDiagnostics(ag).length + conflictDiagnostics(ag).length;
  }, 0);
}

/** Runs before the warm figure: measured on the bench agreement, CPU time stops falling after five or six (V8 still optimising). */
const WARM_AFTER = 5;

/** One work's timings in this process, which must have run nothing else: as it comes, then warm. */
export function timingsHere(dir: string, n: number, work: TimedWork): WorkTimings {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  // Each run on a rule set of its own: the analysis caches its partition per agreement.
  const fresh = () => spreadRuleSet(dir, n);
  const f = work === "analyze" ? (rs: RuleSet) => analyze(rs, { keepCells: false }).length : gapsAndConflicts;
  const cold = timeInProcess(fresh, f, runs);
  const warm = timeInProcess(fresh, f, Math.max(runs, 5), Math.max(0, WARM_AFTER - runs));
  return { cold, warm };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const [n, dir, work] = process.argv.slice(2);
  if (n === undefined || dir === undefined || !fs.existsSync(dir) || (work !== "analyze" && work !== "coverage"))
    throw new Error("usage: node dist/bench/smt-concordat.js <assignments> <folder> analyze|coverage");
  process.stdout.write(`${JSON.stringify(timingsHere(dir, Number(n), work))}\n`);
}
