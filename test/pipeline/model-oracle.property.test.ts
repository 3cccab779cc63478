// Random agreements as SOURCE TEXT, through the whole pipeline (parse, load, compile, analyse,
// render to JSON) by the CLI's own entry point, compared finding by finding with a brute-force
// oracle that reads the same random model (test/support/model-oracle.ts) and never the compiled
// rule set or the engine. Every finding is compared exactly: code, severity, line, clause, rule,
// cite and the whole witness (activity, place, day, every dimension) — and the set: nothing
// extra, nothing missing. A compiler bug (an open edge compiled closed, `overrides` dropped,
// `each member` losing its place) changes some finding of some case, so it fails here.
//
// Cases touching a corner listed in test/support/known-divergences.ts are counted, not compared
// (the count is asserted below so it stays a minority); empty the list once "exact" is merged.
import fc from "fast-check";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/program.js";
import type { CliContext } from "../../src/cli/context.js";
import { modelArb, type Model } from "../support/agreement-model.js";
import { printModel, type PrintedModel } from "../support/print-model.js";
import { oracleFor, type OracleFinding } from "../support/model-oracle.js";
import { KNOWN_DIVERGENT, type DivergentFeature } from "../support/known-divergences.js";
import { concordat, ensureBuilt } from "../cli/helpers.js";
import { cornersOf, CORNERS } from "../support/model-corners.js";

const root = mkdtempSync(path.join(tmpdir(), "concordat-model-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;

function writeProject(model: Model): { dir: string; printed: PrintedModel } {
  const dir = path.join(root, `case${counter++}`);
  const printed = printModel(model);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "concordat.json"), "{}\n");
  writeFileSync(path.join(dir, "framework.concord"), printed.framework);
  writeFileSync(path.join(dir, "agreement.concord"), printed.agreement);
  return { dir, printed };
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  line: number;
  clause?: string;
  rule?: string;
  cite?: string;
  witness?: OracleFinding["witness"];
  message: string;
}

/** What the comparison looks at: everything but the words and the columns. */
function comparable(d: JsonDiagnostic | OracleFinding): OracleFinding {
  const out: OracleFinding = { code: d.code, severity: d.severity as OracleFinding["severity"], line: d.line };
  if (d.clause !== undefined) out.clause = d.clause;
  if (d.rule !== undefined) out.rule = d.rule;
  if (d.cite !== undefined) out.cite = d.cite;
  if (d.witness !== undefined) {
    const w = d.witness;
    const cw: NonNullable<OracleFinding["witness"]> = { dimensions: w.dimensions };
    if (w.activity !== undefined) cw.activity = w.activity;
    if (w.activities !== undefined) cw.activities = w.activities;
    if (w.place !== undefined) cw.place = w.place;
    if (w.date !== undefined) cw.date = w.date;
    out.witness = cw;
  }
  return out;
}
const sorted = (xs: OracleFinding[]) => xs.map((x) => JSON.stringify(x)).sort();

function capture(): CliContext["stdout"] & { text: string } {
  const s = { text: "", isTTY: false, write(x: string) { s.text += x; } };
  return s;
}

async function checkInProcess(dir: string): Promise<{ code: number; diagnostics: JsonDiagnostic[]; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const ctx: CliContext = { stdout, stderr, cwd: dir, env: {}, exitCode: 0 };
  const code = await run(["check", "--format", "json", "--fail-on", "none", "."], ctx);
  return { code, diagnostics: code === 0 ? (JSON.parse(stdout.text).diagnostics as JsonDiagnostic[]) : [], stderr: stderr.text };
}

const stats = { cases: 0, compared: 0, skipped: new Map<string, number>(), masked: new Map<string, number>() };

function divergentCorners(features: ReadonlySet<string>): string[] {
  return [...features].filter((f) => KNOWN_DIVERGENT.has(f as never));
}

async function compareCase(model: Model, spawn = false): Promise<void> {
  const { dir, printed } = writeProject(model);
  const oracle = oracleFor(model, printed);
  let diagnostics: JsonDiagnostic[];
  if (spawn) {
    const r = concordat(["check", "--format", "json", "--fail-on", "none", "."], { cwd: dir });
    expect(r.stderr, "the CLI wrote to stderr").toBe("");
    expect(r.code).toBe(0);
    diagnostics = JSON.parse(r.stdout).diagnostics;
  } else {
    const r = await checkInProcess(dir);
    expect(r.stderr, "the CLI wrote to stderr").toBe("");
    expect(r.code).toBe(0);
    diagnostics = r.diagnostics;
  }
  stats.cases++;
  const source = `${printed.framework}\n${printed.agreement}`;
  // Whatever the corner, nothing in a valid model is a language error.
  const language = diagnostics.filter((d) => ["syntax", "unresolved", "duplicate-declaration", "import"].includes(d.code) || (d.code === "type" && d.severity === "error"));
  expect(language.map((d) => `${d.line} ${d.code} ${d.message}`), source).toEqual([]);
  // A case whose semantics differ throughout (composed delegations) is counted, not compared.
  if (KNOWN_DIVERGENT.has("delegation-chains") && oracle.features.has("delegation-chains")) {
    stats.skipped.set("delegation-chains", (stats.skipped.get("delegation-chains") ?? 0) + 1);
    return;
  }
  stats.compared++;
  for (const f of divergentCorners(oracle.features)) stats.masked.set(f, (stats.masked.get(f) ?? 0) + 1);
  // Other known-divergent corners mask only the findings they touch, on both sides.
  const key = (d: { code?: string; line: number; rule?: string }) => `${d.code}|${d.line}|${d.rule ?? ""}`;
  const masked = (c: DivergentFeature | undefined): c is DivergentFeature => c !== undefined && KNOWN_DIVERGENT.has(c);
  const noWitness = new Set(oracle.findings.filter((f) => masked(f.corner) && f.corner === "multi-activity-witness").map(key));
  const droppedFindings = oracle.findings.filter((f) => masked(f.corner) && f.corner !== "multi-activity-witness");
  // Engine findings to drop by code, line and rule (a masked `deliver` is singled out by its words, below).
  const dropped = new Set(droppedFindings.filter((f) => f.corner !== "deliver-on-shadowed").map(key));
  const extras = oracle.engineExtras.filter((x) => masked(x.corner));
  const strip = (f: OracleFinding): OracleFinding => {
    if (!noWitness.has(key(f))) return f;
    const { witness: _w, ...rest } = f;
    return rest;
  };
  const expected = sorted(oracle.findings.filter((f) => !droppedFindings.includes(f) && !dropped.has(key(f))).map(comparable).map(strip));
  const kept = diagnostics.filter((d) => !dropped.has(key(d)) && !extras.some((x) => x.line === d.line && (x.code === undefined || x.code === d.code) && (x.rule === undefined || x.rule === d.rule) && (x.says === undefined || d.message.includes(x.says))));
  expect(diagnostics.every((d) => d.file === "agreement.concord"), source).toBe(true);
  const actual = sorted(kept.map(comparable).map(strip));
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    const missing = expected.filter((x) => !actual.includes(x));
    const extra = actual.filter((x) => !expected.includes(x));
    const messages = diagnostics.map((d) => `  ${d.line} ${d.code}: ${d.message}`).join("\n");
    expect({ missing, extra }, `${source}\nengine said:\n${messages}`).toEqual({ missing: [], extra: [] });
  }
}

const runs = fc.readConfigureGlobal().numRuns ?? 200;

describe("random agreements as source text: the whole pipeline equals the brute-force oracle", () => {
  it("in-process, through the CLI's own `check --format json`", async () => {
    await fc.assert(fc.asyncProperty(modelArb, (m) => compareCase(m)));
    // Most cases are compared in full; a corner another branch fixes may hold back a minority.
    expect(stats.compared, `skipped by corner: ${JSON.stringify([...stats.skipped])}`).toBeGreaterThanOrEqual(Math.floor(stats.cases * 0.6));
  }, 600_000);

  it("by spawning the built binary (fewer cases)", async () => {
    ensureBuilt();
    await fc.assert(fc.asyncProperty(modelArb, (m) => compareCase(m, true)), { numRuns: Math.max(5, Math.floor(runs / 20)) });
  }, 600_000);
});

// Shares of 400 cases (seed 20261123) measured while writing this test, in per cent:
// number =/!= 28, number </<=/>/>= 38, enum =/!= 31, enum in 32, a sub-clause overriding its
// parent 56, an override of a sub-clause 24, each member 50, place subsets 45, a conditioned
// delegation chain just above 20, model … for 35, bodies 85, scope 51, allow 68, tests with
// partial cells 67, no term 36, no members 27, dates outside the term 47. The test below
// recomputes them on every run (the failure message prints them all) and keeps each above 20%.
describe("the generator reaches the corners", () => {
  it("every corner is exercised by more than 20% of the generated cases", () => {
    const sample = fc.sample(modelArb, { numRuns: 400, seed: fc.readConfigureGlobal().seed });
    const counts = new Map<string, number>(CORNERS.map((c) => [c, 0]));
    for (const m of sample) {
      const printed = printModel(m);
      for (const c of cornersOf(m, oracleFor(m, printed))) counts.set(c, counts.get(c)! + 1);
    }
    const shares = Object.fromEntries([...counts].map(([c, n]) => [c, Math.round((100 * n) / sample.length)]));
    for (const [c, share] of Object.entries(shares)) expect(share, `${c}: ${share}% of ${sample.length} cases (${JSON.stringify(shares)})`).toBeGreaterThan(20);
  });
});
