// The SMT peer of concordat's coverage analysis, for `npm run bench` only: the same question
// (is there a point where nobody is accountable? where two parties are?) asked of Z3, one gap
// and one conflict query per analysed activity, on the rule set of the bench's "spread"
// agreement; timed next to concordat's own in-process `analyze` on the same rule set, measured in
// a Node process that analyses nothing else (bench/smt-concordat.ts).
//
// Run it with:   npm install --no-save z3-solver && BENCH_ONLY=smt npm run bench
// or, with z3-solver installed elsewhere:   BENCH_Z3=/tmp/z3 BENCH_ONLY=smt npm run bench
// (BENCH_Z3: a folder from which `require("z3-solver")` resolves, e.g. an `npm install --prefix`
// folder). z3-solver is never a dependency of concordat: when it is absent the bench says so and
// goes on. BENCH_SMT_LIMIT_S caps the Z3 time per size (default 600 s); BENCH_QUICK=1 stops at
// 1,000 assignments; BENCH_SMT_DUMP=<folder> writes every query there as an .smt2 file;
// BENCH_SMT_RANDOM (default 100) random agreements checked first, from FC_SEED (default 9).
//
// Before any figure counts, the peer must agree with concordat: per activity, Z3's sat/unsat
// for the gap and the conflict query against whether concordat reports a gap / a conflict for
// it, and every point Z3 gives as a model is checked by the brute-force oracle
// (test/support/oracle.ts) to be a gap / a conflict; on random agreements (the analysis tests'
// arbitrary), on the examples in policies/ and on the bench agreement at every size. The bench
// stops when they differ.
//
// The encoding mirrors the oracle: variables place (index into agreement.places; 0 when there
// are none), day (day number within the term; none without a term), one Real per money or
// number dimension (money in minor units, from 0 up), one Int per enum dimension (index into
// its values). An assignment's box is a conjunction over those axes; it applies at a point when
// the point is in its box and in the box of no assignment of the same activity that overrides
// it, whether or not that one applies itself (DESIGN.md §2: A overrides B overrides C leaves
// only A; a cycle cancels its members). A party is accountable where an applying assignment
// names it (an `each member` entry only at its own place).
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { Agreement, Assignment, DimensionRange, PartyAt, RuleSet } from "../src/generated/ruleset.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import { loadProgram, compileProgram } from "../src/semantics/index.js";
import { analyzeAgreement } from "../src/analysis/index.js";
import { conflictDiagnostics, gapDiagnostics } from "../src/analysis/coverage/index.js";
import { analysedActivities } from "../src/analysis/space/index.js";
import { dayNumber } from "../src/analysis/space/format.js";
import { classify } from "../test/support/oracle.js";
import { agreementArb } from "../test/support/arbitrary-ruleset.js";
import { spreadRuleSet, type InProcessMeasure } from "./in-process.js";
import type { ConcordatTimings, TimedWork, WorkTimings } from "./smt-concordat.js";

/** The same shape as bench/run.ts's rows. */
export interface SmtRow {
  series: string;
  size: string;
  m: { cpuMs: number; wallMs: number; rssMb: number; findings: number | null; exit: number | null };
  growth: string;
}

// ------------------------------------------------------------------ the few Z3 calls we make

type CheckResult = "sat" | "unsat" | "unknown";
interface Z3Expr {
  sexpr(): string;
}
interface Z3Model {
  eval(expr: Z3Expr, modelCompletion: boolean): Z3Expr;
  release(): void;
}
interface Z3Solver {
  fromString(smtlib: string): void;
  push(): void;
  pop(): void;
  check(): Promise<CheckResult>;
  model(): Z3Model;
  release(): void;
}
interface Z3Context {
  Solver: new () => Z3Solver;
  Int: { const(name: string): Z3Expr };
  Real: { const(name: string): Z3Expr };
}
interface Z3Api {
  Context: new (name: string) => Z3Context;
  em: unknown;
}
interface Z3Package {
  init(): Promise<Z3Api>;
  killThreads(em: unknown): Promise<void>;
}

/** z3-solver from BENCH_Z3's folder, else from wherever this checkout resolves packages; null when absent. */
function loadZ3(): Z3Package | null {
  const from = process.env.BENCH_Z3;
  const require = createRequire(from ? path.join(path.resolve(from), "index.js") : import.meta.url);
  let pkg: unknown;
  try {
    pkg = require("z3-solver");
  } catch {
    return null;
  }
  const p = pkg as Partial<Record<keyof Z3Package, unknown>>;
  if (typeof p.init !== "function" || typeof p.killThreads !== "function") return null;
  return pkg as Z3Package;
}

// ------------------------------------------------------------------ the encoding

/** An SMT-LIB Real literal, exact (a double is a dyadic rational). */
function real(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`SMT peer: ${x} is not a finite number`);
  let m = Math.abs(x);
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  const magnitude = k === 0 ? `${BigInt(m)}.0` : `(/ ${BigInt(m)}.0 ${2n ** BigInt(k)}.0)`;
  return x < 0 ? `(- ${magnitude})` : magnitude;
}

const int = (n: number): string => (n < 0 ? `(- ${-n})` : String(n));
/** `(op …)` without its neutral elements; the absorbing element when one is there. */
function connective(op: "and" | "or", xs: string[]): string {
  const [neutral, absorbing] = op === "and" ? ["true", "false"] : ["false", "true"];
  if (xs.includes(absorbing)) return absorbing;
  const ys = xs.filter((x) => x !== neutral);
  return ys.length === 0 ? neutral : ys.length === 1 ? ys[0]! : `(${op} ${ys.join(" ")})`;
}
const and = (xs: string[]): string => connective("and", xs);
const or = (xs: string[]): string => connective("or", xs);

/** The SMT name of dimension k's variable. */
const dimVar = (k: number): string => `x${k}`;

/** Declarations and domain constraints of one activity's space. */
function domain(ag: Agreement): string[] {
  const out: string[] = ["(declare-const place Int)", `(assert (and (<= 0 place) (< place ${Math.max(1, ag.places.length)})))`];
  if (ag.term) out.push("(declare-const day Int)", `(assert (and (<= ${int(dayNumber(ag.term.from))} day) (<= day ${int(dayNumber(ag.term.to))})))`);
  ag.dimensions.forEach((d, k) => {
    if (d.type === "enum") out.push(`(declare-const ${dimVar(k)} Int)`, `(assert (and (<= 0 ${dimVar(k)}) (< ${dimVar(k)} ${(d.values ?? []).length})))`);
    else {
      out.push(`(declare-const ${dimVar(k)} Real)`);
      if (d.type === "money") out.push(`(assert (<= 0.0 ${dimVar(k)}))`);
    }
  });
  return out;
}

function rangeHolds(ag: Agreement, k: number, r: DimensionRange | undefined): string {
  const d = ag.dimensions[k]!;
  const x = dimVar(k);
  if (!r) return "true";
  if (d.type === "enum") {
    if (r.type !== "values") return "true";
    return or((d.values ?? []).flatMap((v, i) => (r.values.includes(v) ? [`(= ${x} ${i})`] : [])));
  }
  if (r.type !== "intervals") return "true";
  return or(
    r.intervals.map((iv) =>
      and([iv.lo === null ? "true" : `(${iv.loOpen ? "<" : "<="} ${real(iv.lo)} ${x})`, iv.hi === null ? "true" : `(${iv.hiOpen ? "<" : "<="} ${x} ${real(iv.hi)})`]),
    ),
  );
}

/** Whether the point is in an assignment's box (before overrides). */
function inBox(ag: Agreement, a: Assignment): string {
  const parts: string[] = [];
  if (ag.places.length > 0) {
    const idx = a.places.map((p) => ag.places.indexOf(p)).filter((i) => i >= 0);
    parts.push(idx.length === ag.places.length ? "true" : or(idx.map((i) => `(= place ${i})`)));
  }
  if (ag.term) {
    if (a.days.from !== null) parts.push(`(<= ${int(dayNumber(a.days.from))} day)`);
    if (a.days.to !== null) parts.push(`(<= day ${int(dayNumber(a.days.to))})`);
  } else if (a.days.from !== null && a.days.to !== null && a.days.from > a.days.to) parts.push("false");
  ag.dimensions.forEach((d, k) => parts.push(rangeHolds(ag, k, a.dimensions[d.id])));
  return and(parts);
}

/** Where an accountable entry counts: everywhere, or only at its own place (`each member`). */
function entryHolds(ag: Agreement, pa: PartyAt): string {
  if (pa.place === undefined || ag.places.length === 0) return "true";
  const i = ag.places.indexOf(pa.place);
  return i < 0 ? "false" : `(= place ${i})`;
}

interface ActivityEncoding {
  /** Declarations, the domain and the definitions: asserted once per activity. */
  space: string;
  /** Each asserted in its own push/pop scope on top of `space`. */
  gap: string;
  conflict: string;
}

/** The two queries of one activity in SMT-LIB: the space, then "nobody is accountable" and "two parties are". */
export function encodeActivity(ag: Agreement, activity: string): ActivityEncoding {
  const asg = ag.assignments.filter((a) => a.activities.includes(activity));
  const defs: string[] = [...domain(ag)];
  asg.forEach((a, i) => defs.push(`(define-fun in${i} () Bool ${inBox(ag, a)}) ; ${a.id}`));
  asg.forEach((a, i) => {
    const overriders = asg.flatMap((b, j) => (b.overrides.includes(a.id) ? [`in${j}`] : []));
    defs.push(`(define-fun applies${i} () Bool ${and([`in${i}`, overriders.length === 0 ? "true" : `(not ${or(overriders)})`])})`);
  });
  const parties: string[] = [];
  const by = new Map<string, string[]>();
  asg.forEach((a, i) => {
    for (const pa of a.raci.accountable) {
      if (!by.has(pa.party)) {
        by.set(pa.party, []);
        parties.push(pa.party);
      }
      by.get(pa.party)!.push(and([`applies${i}`, entryHolds(ag, pa)]));
    }
  });
  parties.forEach((p, n) => defs.push(`(define-fun accountable${n} () Bool ${or(by.get(p)!)}) ; ${p}`));
  const acc = parties.map((_, n) => `accountable${n}`);
  const pairs: string[] = [];
  for (let p = 0; p < acc.length; p++) for (let q = p + 1; q < acc.length; q++) pairs.push(`(and ${acc[p]} ${acc[q]})`);
  return { space: defs.join("\n") + "\n", gap: `(assert (not ${or(acc)}))\n`, conflict: `(assert ${or(pairs)})\n` };
}

// ------------------------------------------------------------------ running the queries

interface PointValues {
  place: number;
  day: number;
  dims: number[];
}

/** A numeral of a model as Z3 prints it: `3`, `3.0`, `(- 3.0)`, `(/ 1.0 2.0)`. */
function numeral(sexpr: string): number {
  const tokens = sexpr.replace(/[()]/g, (c) => ` ${c} `).trim().split(/\s+/);
  let at = 0;
  const next = (): number => {
    const t = tokens[at++];
    if (t === "(") {
      const op = tokens[at++];
      const args: number[] = [];
      while (tokens[at] !== ")") {
        if (at >= tokens.length) throw new Error(`SMT peer: cannot read the model value ${sexpr}`);
        args.push(next());
      }
      at++;
      if (op === "-" && args.length === 1) return -args[0]!;
      if (op === "/" && args.length === 2) return args[0]! / args[1]!;
      throw new Error(`SMT peer: cannot read the model value ${sexpr}`);
    }
    const v = Number(t);
    if (t === undefined || !Number.isFinite(v)) throw new Error(`SMT peer: cannot read the model value ${sexpr}`);
    return v;
  };
  return next();
}

function modelPoint(ctx: Z3Context, ag: Agreement, model: Z3Model): PointValues {
  const value = (e: Z3Expr) => numeral(model.eval(e, true).sexpr());
  return {
    place: value(ctx.Int.const("place")),
    day: ag.term ? value(ctx.Int.const("day")) : 0,
    dims: ag.dimensions.map((d, k) => value(d.type === "enum" ? ctx.Int.const(dimVar(k)) : ctx.Real.const(dimVar(k)))),
  };
}

interface ActivityAnswer {
  activity: string;
  gap: boolean;
  conflict: boolean;
  gapPoint: PointValues | null;
  conflictPoint: PointValues | null;
}

interface PeerRun {
  answers: ActivityAnswer[];
  /** Of the encoding and the queries only (not of reading models back). */
  cpuMs: number;
  wallMs: number;
  /** False when the time limit stopped it before the last activity. */
  complete: boolean;
}

interface Answer {
  sat: boolean;
  point: PointValues | null;
}

/** One query in its own scope on the activity's solver; the model read back when sat. */
async function ask(ctx: Z3Context, solver: Z3Solver, ag: Agreement, smtlib: string, what: string, clock: Clock): Promise<Answer> {
  clock.start();
  solver.push();
  solver.fromString(smtlib);
  const r = await solver.check();
  clock.stop();
  if (r === "unknown") throw new Error(`SMT peer: Z3 answered "unknown" to the ${what} query`);
  let point: PointValues | null = null;
  if (r === "sat") {
    const model = solver.model();
    point = modelPoint(ctx, ag, model);
    model.release();
  }
  solver.pop();
  return { sat: r === "sat", point };
}

/** CPU (every thread: Z3 checks on worker threads) and wall time over the parts it is started for. */
class Clock {
  cpuMicros = 0;
  wallMs = 0;
  private t0 = 0;
  private u0: NodeJS.CpuUsage = { user: 0, system: 0 };
  start(): void {
    this.t0 = performance.now();
    this.u0 = process.cpuUsage();
  }
  stop(): void {
    const u = process.cpuUsage(this.u0);
    this.cpuMicros += u.user + u.system;
    this.wallMs += performance.now() - this.t0;
  }
}

/** BENCH_SMT_DUMP=<folder>: each activity's queries written there as .smt2 files, to read or to replay with the z3 command. */
const dumpTo = process.env.BENCH_SMT_DUMP ? path.resolve(process.env.BENCH_SMT_DUMP) : null;

function dump(folder: string, name: string, q: ActivityEncoding): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const kind of ["gap", "conflict"] as const) fs.writeFileSync(path.join(folder, `${name}.${kind}.smt2`), `${q.space}${q[kind]}(check-sat)\n(get-model)\n`);
}

async function runPeer(ctx: Z3Context, agreements: Agreement[], limitMs: number): Promise<PeerRun> {
  const answers: ActivityAnswer[] = [];
  const clock = new Clock();
  const done = (complete: boolean): PeerRun => ({ answers, cpuMs: clock.cpuMicros / 1000, wallMs: clock.wallMs, complete });
  for (const ag of agreements)
    for (const activity of analysedActivities(ag)) {
      if (clock.wallMs > limitMs) return done(false);
      clock.start();
      const q = encodeActivity(ag, activity);
      if (dumpTo) dump(dumpTo, `${ag.id}-${activity}`, q);
      const solver = new ctx.Solver();
      solver.fromString(q.space);
      clock.stop();
      const gap = await ask(ctx, solver, ag, q.gap, `gap (${activity})`, clock);
      const conflict = await ask(ctx, solver, ag, q.conflict, `conflict (${activity})`, clock);
      solver.release();
      answers.push({ activity: `${ag.id}/${activity}`, gap: gap.sat, conflict: conflict.sat, gapPoint: gap.point, conflictPoint: conflict.point });
    }
  return done(true);
}

// ------------------------------------------------------------------ agreeing with concordat

/** The activities (agreement/activity) for which concordat reports a gap, and a conflict, from each agreement's findings. */
function concordatFindings(agreements: Agreement[], findingsOf: (agreement: Agreement) => Diagnostic[]): { gap: Set<string>; conflict: Set<string> } {
  const gap = new Set<string>();
  const conflict = new Set<string>();
  for (const ag of agreements)
    for (const d of findingsOf(ag)) {
      if (d.code !== "gap" && d.code !== "conflict") continue;
      const acts = d.witness?.activities ?? (d.witness?.activity !== undefined ? [d.witness.activity] : []);
      if (acts.length === 0) throw new Error(`SMT peer: a ${d.code} finding without its activity in the witness: ${d.message}`);
      for (const act of acts) (d.code === "gap" ? gap : conflict).add(`${ag.id}/${act}`);
    }
  return { gap, conflict };
}

/** Throws, saying where, when Z3's answers differ from concordat's findings or a Z3 model is not what it answers. */
function assertAgreement(agreements: Agreement[], run: PeerRun, found: { gap: Set<string>; conflict: Set<string> }, where: string): void {
  const byId = new Map(agreements.map((a) => [a.id, a]));
  const problems: string[] = [];
  const answered = new Set(run.answers.map((a) => a.activity));
  for (const a of run.answers) {
    for (const kind of ["gap", "conflict"] as const) {
      const z3 = a[kind];
      const ours = found[kind].has(a.activity);
      if (z3 !== ours) problems.push(`${a.activity}: Z3 says ${z3 ? "there is" : "there is no"} ${kind}, concordat ${ours ? "reports one" : "reports none"}`);
      const point = kind === "gap" ? a.gapPoint : a.conflictPoint;
      if (point) {
        const [agId, ...rest] = a.activity.split("/");
        const ag = byId.get(agId!)!;
        const cell = classify(ag, { activity: rest.join("/"), ...point, piece: [] });
        if (cell.kind !== kind) problems.push(`${a.activity}: Z3's ${kind} point ${JSON.stringify(point)} is a ${cell.kind} point for the oracle`);
      }
    }
  }
  for (const kind of ["gap", "conflict"] as const)
    for (const act of found[kind]) if (!answered.has(act) && run.complete) problems.push(`${act}: concordat reports a ${kind} for an activity the SMT peer did not analyse`);
  if (problems.length > 0)
    throw new Error(
      `SMT peer disagrees with concordat ${where} (${problems.length} difference${problems.length > 1 ? "s" : ""}); the timings would compare different questions:\n  ${problems.slice(0, 20).join("\n  ")}`,
    );
}

// ------------------------------------------------------------------ the bench rows

/** The rule set of every .concord file under policies/ (the normative examples), or null when there is none. */
function exampleRuleSet(): RuleSet | null {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../policies");
  if (!fs.existsSync(root)) return null;
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".concord")).map((f) => path.join(root, f));
  return files.length === 0 ? null : compileProgram(loadProgram(files, { cwd: root })).ruleSet;
}

/**
 * concordat's timings on the bench agreement of `n` assignments (bench/smt-concordat.ts), measured
 * in a Node process of its own: one that has analysed nothing else, as a `check` has not.
 */
function concordatInItsOwnProcess(dir: string, n: number): ConcordatTimings {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "smt-concordat.js");
  const one = (work: TimedWork): WorkTimings => {
    const r = spawnSync(process.execPath, [script, String(n), dir, work], { encoding: "utf8", maxBuffer: 1 << 24, env: process.env });
    if (r.status !== 0) throw new Error(`SMT peer: concordat's ${work} timings at ${n} assignments failed (${r.signal ?? `exit ${r.status}`}): ${r.stderr.slice(0, 500)}`);
    return JSON.parse(r.stdout) as WorkTimings;
  };
  const whole = one("analyze");
  const coverage = one("coverage");
  return { analyze: whole.cold, analyzeWarm: whole.warm, coverage: coverage.cold, coverageWarm: coverage.warm };
}

/**
 * Adds the SMT peer's rows (and concordat's in-process `analyze` on the same rule set) to `rows`;
 * says so and adds nothing when z3-solver is not installed. Throws when Z3 and concordat disagree.
 */
export async function smtRows(dir: string, rows: SmtRow[], say: (s: string) => void): Promise<void> {
  const z3 = loadZ3();
  if (z3 === null) {
    say("SMT peer skipped: z3-solver is not installed (npm install --no-save z3-solver, or BENCH_Z3=<folder>)");
    return;
  }
  const limitMs = Math.max(1, Number(process.env.BENCH_SMT_LIMIT_S ?? 600)) * 1000;
  const sizes = process.env.BENCH_QUICK === "1" ? [200, 1_000] : [200, 1_000, 8_000];
  const timed = new Set([1_000, 8_000]);
  const api = await z3.init();
  try {
    const ctx = new api.Context("concordat");
    let agreed = 0;
    let witnesses = 0;
    let gaps = 0;
    let conflicts = 0;
    const tally = (run: PeerRun) => {
      agreed += run.answers.length;
      gaps += run.answers.filter((a) => a.gap).length;
      conflicts += run.answers.filter((a) => a.conflict).length;
      witnesses += run.answers.reduce((s, a) => s + (a.gapPoint ? 1 : 0) + (a.conflictPoint ? 1 : 0), 0);
    };
    // First random agreements (the analysis tests' arbitrary: no term, `number` bands, cycles,
    // each member, reversed days), whose gap and conflict findings are coverage's alone.
    const randomRuns = Math.max(0, Number(process.env.BENCH_SMT_RANDOM ?? 100));
    if (randomRuns > 0) {
      const seed = Number(process.env.FC_SEED ?? 9);
      const random = fc.sample(agreementArb, { seed, numRuns: randomRuns }).map((ag, i) => ({ ...ag, id: `random${i}` }));
      say(`SMT peer: ${randomRuns.toLocaleString("en-GB")} random agreements (seed ${seed})`);
      const run = await runPeer(ctx, random, limitMs);
      assertAgreement(random, run, concordatFindings(random, (ag) => [...gapDiagnostics(ag), ...conflictDiagnostics(ag)]), `on random agreements (seed ${seed})`);
      tally(run);
    }
    // Then the normative examples (each member, delegations, cycles, several agreements), then the bench's own.
    const examples = exampleRuleSet();
    if (examples) {
      say(`SMT peer: the ${examples.agreements.length} agreements of policies/`);
      const run = await runPeer(ctx, examples.agreements, limitMs);
      assertAgreement(examples.agreements, run, concordatFindings(examples.agreements, (ag) => analyzeAgreement(examples, ag)), "on the examples in policies/");
      tally(run);
    }
    for (const n of sizes) {
      const ruleSet = spreadRuleSet(dir, n);
      const agreements = ruleSet.agreements;
      say(`SMT peer ${n.toLocaleString("en-GB")}: concordat analyze, and its gap and conflict checks alone (in a process of their own)`);
      const ours = timed.has(n) ? concordatInItsOwnProcess(dir, n) : null;
      const activities = agreements.reduce((s, a) => s + analysedActivities(a).length, 0);
      say(`SMT peer ${n.toLocaleString("en-GB")}: Z3, ${activities.toLocaleString("en-GB")} activities × (gap + conflict)`);
      const run = await runPeer(ctx, agreements, limitMs);
      assertAgreement(agreements, run, concordatFindings(agreements, (ag) => analyzeAgreement(ruleSet, ag)), `at ${n.toLocaleString("en-GB")} assignments`);
      tally(run);
      if (ours === null) continue;
      const label = n.toLocaleString("en-GB");
      rows.push({ series: "concordat analyze (in-process), same rule set", size: label, m: ours.analyze, growth: "" });
      rows.push({ series: "concordat analyze (in-process, warm: after five runs), same rule set", size: label, m: ours.analyzeWarm, growth: "" });
      rows.push({ series: "concordat gap + conflict findings only (in-process), same rule set", size: label, m: ours.coverage, growth: "" });
      rows.push({ series: "concordat gap + conflict findings only (in-process, warm: after five runs), same rule set", size: label, m: ours.coverageWarm, growth: "" });
      const reached = run.complete ? "" : `; stopped by the ${limitMs / 1000} s limit after ${run.answers.length.toLocaleString("en-GB")} of ${activities.toLocaleString("en-GB")} activities`;
      const times = (y: InProcessMeasure) => `${Math.round(run.cpuMs / y.cpuMs).toLocaleString("en-GB")}× CPU, ${Math.round(run.wallMs / y.wallMs).toLocaleString("en-GB")}× wall`;
      const ratio =
        `${times(ours.analyze)} of concordat analyze; ${times(ours.analyzeWarm)} of it warm; ` +
        `${times(ours.coverage)} of its gap + conflict findings; ${times(ours.coverageWarm)} of them warm${run.complete ? "" : " (of the part it reached)"}`;
      say(`SMT peer ${label}: ${(2 * run.answers.length).toLocaleString("en-GB")} queries, ${(run.cpuMs / (2 * run.answers.length)).toFixed(1)} ms CPU each on average`);
      rows.push({
        series: `SMT peer (z3-solver), gap + conflict queries (${ratio}${reached})`,
        size: label,
        m: { cpuMs: run.cpuMs, wallMs: run.wallMs, rssMb: process.memoryUsage().rss / 2 ** 20, findings: null, exit: 0 },
        growth: "",
      });
      if (!run.complete) break;
    }
    // What one query costs Z3 at the least (its wasm build checks on a worker thread): how much of
    // the peer's time is the count of its queries rather than their content.
    const floor = new Clock();
    const trivial = new ctx.Solver();
    trivial.fromString("(declare-const x Int)");
    for (let i = 0; i < 250; i++) {
      floor.start();
      trivial.push();
      trivial.fromString(`(assert (> x ${i}))`);
      await trivial.check();
      trivial.pop();
      floor.stop();
    }
    trivial.release();
    say(`SMT peer: a trivial query costs Z3 ${(floor.cpuMicros / 1000 / 250).toFixed(1)} ms CPU, ${(floor.wallMs / 250).toFixed(1)} ms wall (the mean of 250)`);
    const count = (n: number) => n.toLocaleString("en-GB");
    say(
      `SMT peer agrees with concordat on ${count(agreed)} activities (${count(gaps)} with a gap, ${count(conflicts)} with a conflict; ${randomRuns > 0 ? `${count(randomRuns)} random agreements, ` : ""}${examples ? "the examples in policies/ and " : ""}the bench agreement at ${sizes.map(count).join(", ")} assignments); the oracle confirms all ${count(witnesses)} points Z3 gave`,
    );
  } finally {
    await z3.killThreads(api.em);
  }
}
