// concordat's side of the SMT peer (bench/smt.ts), timed in a Node process of its own, as a
// `check` analyses one program per process. In the bench's process the analysis had already
// judged the peer's 100 random agreements and the examples (other dimensions, `each member`,
// no term): the engine's compiled code, fitted to all those shapes, was about twice as slow on
// the bench agreement as in a process that meets only it (8,000 assignments, warm: 133 ms CPU
// there, 65 here). Z3, compiled ahead of time, has no such history.
//
//   node dist/bench/smt-concordat.js <assignments> <folder>   → one JSON line of ConcordatTimings
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/analysis/index.js";
import { conflictDiagnostics, gapDiagnostics, scan } from "../src/analysis/coverage/index.js";
import type { RuleSet } from "../src/generated/ruleset.js";
import { spreadRuleSet, timeInProcess, type InProcessMeasure } from "./in-process.js";

export interface ConcordatTimings {
  /** `analyze`, the median of BENCH_RUNS runs, the first of them compiling the code. */
  analyze: InProcessMeasure;
  /** The same after two untimed runs: the code compiled, as Z3's is across its queries. */
  analyzeWarm: InProcessMeasure;
  /** The gap and conflict findings alone (the peer's two questions), as they come. */
  coverage: InProcessMeasure;
  /** The same, warm. */
  coverageWarm: InProcessMeasure;
}

/** The gap and conflict findings of every agreement; the scan may let its cells go, as `analyze` lets it when no later check reads cells. */
function gapsAndConflicts(rs: RuleSet): number {
  return rs.agreements.reduce((k, ag) => {
    scan(ag, { keepCells: false });
    return k + gapDiagnostics(ag).length + conflictDiagnostics(ag).length;
  }, 0);
}

export function concordatTimings(dir: string, n: number): ConcordatTimings {
  const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
  // Each timing on a rule set of its own: the analysis caches its partition per agreement.
  const fresh = () => spreadRuleSet(dir, n);
  const whole = (rs: RuleSet) => analyze(rs, { keepCells: false }).length;
  return {
    analyze: timeInProcess(fresh, whole, runs),
    analyzeWarm: timeInProcess(fresh, whole, runs, 2),
    coverage: timeInProcess(fresh, gapsAndConflicts, runs),
    coverageWarm: timeInProcess(fresh, gapsAndConflicts, runs, 2),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const [n, dir] = process.argv.slice(2);
  if (n === undefined || dir === undefined || !fs.existsSync(dir)) throw new Error("usage: node dist/bench/smt-concordat.js <assignments> <folder>");
  process.stdout.write(`${JSON.stringify(concordatTimings(dir, Number(n)))}\n`);
}
