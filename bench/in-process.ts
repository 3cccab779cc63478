// What the bench's in-process figures share (the analysis alone, the oracle, the SMT peer's
// concordat side): timing work on fresh inputs, the median, and the spread-shaped rule set.
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { RuleSet } from "../src/generated/ruleset.js";
import { compileProgram, loadProgram } from "../src/semantics/index.js";
import { agreementText, frameworkText, type BenchSize } from "./generate.js";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 === 1 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export interface InProcessMeasure {
  cpuMs: number;
  wallMs: number;
  rssMb: number;
  findings: number | null;
  exit: number;
}

/**
 * The median CPU (all threads of this process) and wall time of `work` over `runs` runs after
 * `warmups` untimed ones, each on a fresh `prepare()` (not timed); the findings of the last run.
 */
export function timeInProcess<T>(prepare: () => T, work: (input: T) => number | null, runs: number, warmups = 0): InProcessMeasure {
  const cpu: number[] = [];
  const wall: number[] = [];
  let findings: number | null = null;
  for (let i = 0; i < warmups + runs; i++) {
    const input = prepare();
    const t0 = performance.now();
    const u0 = process.cpuUsage();
    findings = work(input);
    const u = process.cpuUsage(u0);
    if (i < warmups) continue;
    cpu.push((u.user + u.system) / 1000);
    wall.push(performance.now() - t0);
  }
  return { cpuMs: median(cpu), wallMs: median(wall), rssMb: process.memoryUsage().rss / 2 ** 20, findings, exit: 0 };
}

/** The compiled rule set of the bench's spread-shaped agreement of `n` assignments (written under `dir`, then removed). */
export function spreadRuleSet(dir: string, n: number): RuleSet {
  const size: BenchSize = { assignments: n, activities: Math.ceil(n / 8), places: 20 };
  const at = path.join(dir, `spread-in-process-${n}`);
  fs.mkdirSync(at, { recursive: true });
  fs.writeFileSync(path.join(at, "package.json"), "{}\n");
  fs.writeFileSync(path.join(at, "framework.concord"), frameworkText(size));
  fs.writeFileSync(path.join(at, "agreement.concord"), agreementText(size, "./framework.concord"));
  const compiled = compileProgram(loadProgram([path.join(at, "agreement.concord")], { cwd: at }));
  fs.rmSync(at, { recursive: true, force: true });
  return compiled.ruleSet;
}
