// Checking policies/agreements/eastmoor-mou.concord gives exactly DESIGN.md section 3's table.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { loadProgram, compileProgram } from "../../src/semantics/index.js";
import { analyze, runTests } from "../../src/analysis/index.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import type { RuleSet } from "../../src/generated/ruleset.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const FILE = "policies/agreements/eastmoor-mou.concord";

let ruleSet: RuleSet;
let ds: Diagnostic[];

beforeAll(() => {
  const program = loadProgram([FILE], { cwd: root });
  const compiled = compileProgram(program);
  expect([...program.diagnostics, ...compiled.diagnostics].filter((d) => d.severity === "error")).toEqual([]);
  ruleSet = compiled.ruleSet;
  ds = analyze(ruleSet).filter((d) => d.span.file === FILE);
});

/** code, severity, rule, clause, line */
type Row = [string, string, string | undefined, string | undefined, number];
const row = (d: Diagnostic): Row => [d.code, d.severity, d.rule, d.clause, d.span.line];

// DESIGN.md section 3, in source order (gaps of procurement may be one per activity or one for both).
const EXPECTED: Row[] = [
  ["model", "error", "direct_outsourcing", undefined, 6], // requires a service_level_agreement provision
  ["rule", "error", "B6", undefined, 6], // no exit provision
  ["rule", "warning", "B8", undefined, 10], // term of 6 years, more than 5
  ["rule", "error", "B7", undefined, 11], // review every 24 months
  ["gap", "error", "B1", undefined, 18], // engagement: never assigned, though in scope (on the scope item)
  ["conflict", "error", "B1", "4", 45], // hr at every member's place: alliance and the member
  ["rule", "error", "B3", "4", 45], // hr assigned at place, not system
  ["gap", "error", "B1", "5", 52], // estates from 2026-04-01
  ["model", "error", "direct_outsourcing", "6", 59], // accountable must be the commissioner
  ["no-responsible", "warning", "B2", "7", 66], // education has nobody responsible
  ["model", "error", "federated", "8", 72], // medica is a supplier
  ["rule", "error", "B9", "8", 72], // an independent provider accountable for paediatrics
  ["redundant", "warning", undefined, "9.1", 84], // westbridge accountable twice for emergency care
  ["delegation-cycle", "error", undefined, "10", 92], // hr: eastmoor → westbridge → eastmoor
  ["test-failed", "error", undefined, undefined, 97], // nobody accountable at £1,000,000
];

describe("eastmoor-mou.concord: DESIGN.md section 3", () => {
  it("reports exactly the table, and nothing else", () => {
    const procurementGaps = ds.filter((d) => d.code === "gap" && d.span.line === 30);
    expect(procurementGaps.length === 1 || procurementGaps.length === 2).toBe(true);
    for (const g of procurementGaps) expect(row(g)).toEqual(["gap", "error", "B1", "2.2", 30]);
    const rest = ds.filter((d) => !procurementGaps.includes(d)).map(row);
    const sortRows = (rs: Row[]) => [...rs].sort((a, b) => a[4] - b[4] || a[0].localeCompare(b[0]) || String(a[2]).localeCompare(String(b[2])));
    expect(sortRows(rest)).toEqual(sortRows(EXPECTED));
  });

  it("the procurement gap names both activities and the £1,000,000 boundary", () => {
    const gaps = ds.filter((d) => d.code === "gap" && d.span.line === 30);
    const named = gaps.flatMap((g) => [...(g.witness?.activities ?? []), ...(g.witness?.activity ? [g.witness.activity] : [])]);
    const text = gaps.map((g) => g.message).join(" ");
    for (const a of ["procurement.strategy", "procurement.operations"]) expect(named.includes(a) || text.includes(a)).toBe(true);
    for (const g of gaps) expect(g.witness?.dimensions.value).toBe(1_000_000);
    for (const g of gaps) expect(g.cite).toMatch(/^Baseline para 1/);
  });

  it("the estates gap starts on 2026-04-01; engagement's gap is named", () => {
    const estates = ds.find((d) => d.code === "gap" && d.span.line === 52)!;
    expect(estates.witness).toMatchObject({ activity: "estates", date: "2026-04-01" });
    const engagement = ds.find((d) => d.code === "gap" && d.span.line === 18)!;
    expect(engagement.witness?.activity ?? engagement.message).toMatch(/engagement/);
  });

  it("related spans: the conflict points at clause 3, the redundancy at clause 9", () => {
    expect(ds.find((d) => d.code === "conflict")!.related?.map((r) => r.span.line)).toContain(38);
    expect(ds.find((d) => d.code === "redundant")!.related?.map((r) => r.span.line)).toContain(79);
  });

  it("messages a lawyer can read, with the rule's cite", () => {
    const msg = (code: string, rule?: string, line?: number) =>
      ds.find((d) => d.code === code && (rule === undefined || d.rule === rule) && (line === undefined || d.span.line === line))!;
    expect(msg("rule", "B3").message).toBe("Clause 4 assigns hr at place, but rule B3 requires category support to be delivered at system.");
    expect(msg("rule", "B3").cite).toBe("Baseline para 2: information systems, procurement and HR at scale");
    expect(msg("rule", "B6").message).toBe("The agreement has no `exit` provision, which rule B6 requires.");
    // Agreement-level findings sit on the header line, not the whole agreement block.
    expect(msg("rule", "B6").span).toMatchObject({ line: 6, column: 1, endLine: 6, endColumn: 77 });
    expect(msg("rule", "B7").message).toBe("Review every 24 months is longer than the 12 months rule B7 allows.");
    expect(msg("rule", "B8").message).toMatch(/2025-04-01 to 2031-03-31 \(6 years\) is longer than the 5 years rule B8 allows/);
    expect(msg("rule", "B9").message).toMatch(/^Clause 8 makes medica accountable for paediatrics, but rule B9 forbids/);
    expect(msg("model", "federated").message).toMatch(/Under the federated model, the accountable party must be a member or group; medica is a supplier\.$/);
    expect(msg("model", "direct_outsourcing", 59).message).toMatch(/Under the direct outsourcing model, the accountable party must be a commissioner; medica is a supplier\.$/);
    expect(msg("model", "direct_outsourcing", 6).message).toMatch(/service_level_agreement/);
    expect(msg("delegation-cycle").message).toContain("hr: eastmoor → westbridge → eastmoor");
    expect(msg("test-failed").message).toMatch(/nobody is accountable/);
    expect(msg("test-failed").witness?.dimensions.value).toBe(1_000_000);
  });

  it("rule and model findings carry the rule (or model) id, and cite their source", () => {
    for (const d of ds.filter((x) => x.code === "rule" || x.code === "model")) expect(d.rule).toBeTruthy();
    for (const d of ds.filter((x) => x.code === "model")) expect(d.cite).toMatch(/^Healthcare groups/);
    expect(ds.find((d) => d.rule === "B7")!.cite).toBeUndefined();
  });

  it("its test fails via runTests", () => {
    const outcomes = runTests(ruleSet).filter((o) => o.agreement === "eastmoor_mou");
    expect(outcomes.map((o) => o.passed)).toEqual([false]);
    expect(outcomes[0]!.failures[0]!.witness).toMatchObject({ activity: "procurement.operations", dimensions: { value: 1_000_000 } });
  });
});
