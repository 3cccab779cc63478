// `explain`: goldens written by hand from the examples and DESIGN.md, not captured from the output.
import { describe, expect, it, beforeAll } from "vitest";
import { explain, resolveQuery, renderExplainPretty, type ExplainQuery } from "../../src/report/explain/index.js";
import { analysedExample, analysedSource, EASTMOOR, NORTHVALE, type Analysed } from "./helpers.js";
import { dealAgreement, FW } from "../support/check-source.js";
import { concordat, ensureBuilt } from "../cli/helpers.js";

function run(a: Analysed, q: ExplainQuery) {
  const { query, errors } = resolveQuery(a.agreement, q);
  expect(errors).toEqual([]);
  return explain(a.ruleSet, a.agreement, query!, q.activity, a.findings);
}

const F = EASTMOOR;

describe("explain on eastmoor-mou", () => {
  const eastmoor = analysedExample(EASTMOOR);

  it("procurement at exactly £1,000,000 is a gap, with the gap finding on clause 2.2 and rule B1", () => {
    const e = run(eastmoor, { activity: "procurement.strategy", where: ["value=£1,000,000"] });
    expect(e.query).toEqual({ activity: "procurement.strategy", place: null, date: null, where: { value: 1000000 }, words: "where value is £1,000,000" });
    expect(e.activities).toHaveLength(1);
    const [a] = e.activities[0]!.answers;
    expect(e.activities[0]!.answers).toHaveLength(1);
    expect(a!.status).toBe("gap");
    expect(a!.where).toBe("where value is exactly £1,000,000");
    expect(a!.accountable).toEqual([]);
    expect(a!.responsible).toEqual([]);
    expect(a!.findings.map((f) => [f.code, f.clause, f.line, f.rule])).toEqual([["gap", "2.2", 30, "B1"]]);
    expect(a!.witness).toEqual({ activity: "procurement.strategy", place: "eastmoor", date: "2025-04-01", dimensions: { value: 1000000, setting: "inpatient" } });
  });

  it("procurement over every value: clause 2.2 below, the gap at £1,000,000, clause 2.1 above", () => {
    const e = run(eastmoor, { activity: "procurement.operations" });
    const answers = e.activities[0]!.answers;
    expect(answers.map((a) => [a.where, a.status, a.accountable.map((h) => `${h.party} ${h.clause}`)])).toEqual([
      ["where value is under £1,000,000", "settled", ["eastmoor 2.2"]],
      ["where value is exactly £1,000,000", "gap", []],
      ["where value is over £1,000,000", "settled", ["alliance 2.1"]],
    ]);
    expect(answers[2]!.responsible).toEqual([{ party: "eastmoor", clause: "2.1", file: F, line: 24, column: 7 }]);
  });

  it("a parent function explains each of its activities", () => {
    const e = run(eastmoor, { activity: "procurement", where: ["value=2000000"] });
    expect(e.activities.map((a) => [a.activity, a.answers.map((x) => x.accountable.map((h) => h.party))])).toEqual([
      ["procurement.strategy", [["alliance"]]],
      ["procurement.operations", [["alliance"]]],
    ]);
  });

  it("hr at eastmoor's place is a conflict: clause 3 and clause 4, the conflict finding on clause 4; the clause 10 delegations swap the responsible trusts", () => {
    const e = run(eastmoor, { activity: "hr", place: "eastmoor" });
    const answers = e.activities[0]!.answers;
    expect(answers).toHaveLength(1);
    const a = answers[0]!;
    expect(a.status).toBe("conflict");
    expect(a.where).toBe("at eastmoor's place");
    expect(a.accountable).toEqual([
      { party: "alliance", clause: "3", file: F, line: 38, column: 5 },
      { party: "eastmoor", clause: "4", file: F, line: 45, column: 5 },
    ]);
    // Clause 3 names westbridge responsible, clause 4 eastmoor (each member); clause 10 swaps them.
    expect(a.responsible.map((h) => [h.party, h.clause, h.delegatedFrom, h.delegation?.line])).toEqual([
      ["eastmoor", "3", "westbridge", 93],
      ["westbridge", "4", "eastmoor", 92],
    ]);
    expect(a.delegations.map((d) => [d.from, d.to, d.clause, d.line])).toEqual([
      ["eastmoor", "westbridge", "10", 92],
      ["westbridge", "eastmoor", "10", 93],
    ]);
    // DESIGN.md: the conflict (clause 4), rule B3 (hr at place, clause 4) and the delegation cycle (clause 10).
    expect(a.findings.map((f) => [f.code, f.clause, f.line, f.rule])).toEqual([
      ["conflict", "4", 45, "B1"],
      ["rule", "4", 45, "B3"],
      ["delegation-cycle", "10", 92, null],
    ]);
  });

  it("estates after clause 5 ends is a gap; before, the alliance", () => {
    expect(run(eastmoor, { activity: "estates", date: "2026-04-01" }).activities[0]!.answers.map((a) => [a.status, a.findings.map((f) => f.code)])).toEqual([
      ["gap", ["gap"]],
    ]);
    const before = run(eastmoor, { activity: "estates", date: "2026-03-31" }).activities[0]!.answers;
    expect(before.map((a) => [a.status, a.accountable.map((h) => `${h.party} ${h.clause}`), a.findings])).toEqual([["settled", ["alliance 5"], []]]);
  });

  it("emergency care at westbridge: two clauses make westbridge accountable, the redundant finding on clause 9.1", () => {
    const a = run(eastmoor, { activity: "emergency_care", place: "westbridge" }).activities[0]!.answers;
    expect(a.map((x) => [x.status, x.accountable.map((h) => `${h.party} ${h.clause}`), x.findings.map((f) => `${f.code} ${f.clause}`)])).toEqual([
      ["settled", ["westbridge 9", "westbridge 9.1"], ["redundant 9.1"]],
    ]);
  });

  it("the rule and model findings of the clauses that hold the roles: medica for paediatrics (clause 8)", () => {
    const a = run(eastmoor, { activity: "paediatrics", place: "westbridge" }).activities[0]!.answers;
    expect(a.map((x) => x.findings.map((f) => `${f.code} ${f.rule} clause ${f.clause}`))).toEqual([["model federated clause 8", "rule B9 clause 8"]]);
    const is = run(eastmoor, { activity: "information_systems" }).activities[0]!.answers;
    expect(is.map((x) => x.findings.map((f) => `${f.code} ${f.rule} clause ${f.clause}`))).toEqual([["model direct_outsourcing clause 6"]]);
  });

  it("names the models and the rules that constrain the activity", () => {
    const act = run(eastmoor, { activity: "information_systems" }).activities[0]!;
    expect(act.models.map((m) => [m.id, m.step, m.constraints, m.chosenAt.line])).toEqual([
      ["direct_outsourcing", 1, ["accountable must be commissioner", "responsible must be supplier"], 9],
    ]);
    expect(act.rules.map((r) => [r.id, r.obligations])).toEqual([
      ["B1", ["must cover"]],
      ["B2", ["should assign responsible"]],
      ["B3", ["must deliver at system"]],
      ["B11", ["must not make accountable kind committee_in_common"]],
    ]);
    const paed = run(eastmoor, { activity: "paediatrics" }).activities[0]!;
    expect(paed.models.map((m) => [m.id, m.constraints])).toEqual([["federated", ["accountable must be member or group"]]]);
    expect(paed.rules.map((r) => r.id)).toEqual(["B1", "B2", "B9", "B11"]);
  });

  it("an unknown function, place, date or value is a sentence, with a suggestion", () => {
    expect(resolveQuery(eastmoor.agreement, { activity: "procurment" }).errors).toEqual(["eastmoor_mou has no function procurment (did you mean procurement?)."]);
    expect(resolveQuery(eastmoor.agreement, { activity: "hr", place: "eastmor", date: "2024-13-01", where: ["setting=inpatent", "value=lots", "size=2"] }).errors).toEqual([
      "eastmor is not a place of eastmoor_mou: its places are eastmoor, westbridge (did you mean eastmoor?).",
      "--on 2024-13-01 is not a date: write it as YYYY-MM-DD, e.g. 2025-04-01.",
      "inpatent is not a value of setting: its values are inpatient, outpatient, community (did you mean inpatient?).",
      "--where value=lots: value is an amount of money, e.g. £1,000,000 or 999999.50.",
      "eastmoor_mou has no dimension size: its dimensions are value, setting.",
    ]);
    expect(resolveQuery(eastmoor.agreement, { activity: "hr", date: "2031-04-01" }).errors).toEqual([
      "2031-04-01 is outside the term of eastmoor_mou (2025-04-01 to 2031-03-31).",
    ]);
  });
});

describe("explain on northvale-group", () => {
  const northvale = analysedExample(NORTHVALE);
  it("hr is the group board's, northvale does it, eastmoor and westbridge are informed (clause 3.3)", () => {
    const a = run(northvale, { activity: "hr" }).activities[0]!.answers;
    expect(a).toHaveLength(1);
    expect(a[0]!.where).toBe("everywhere");
    expect(a[0]!.accountable.map((h) => `${h.party} ${h.clause}`)).toEqual(["group_board 3.3"]);
    expect(a[0]!.responsible.map((h) => `${h.party} ${h.clause}`)).toEqual(["northvale 3.3"]);
    expect(a[0]!.consulted).toEqual([]);
    expect(a[0]!.informed.map((h) => `${h.party} ${h.clause}`)).toEqual(["eastmoor 3.3", "westbridge 3.3"]);
    expect(a[0]!.findings).toEqual([]);
  });
  it("procurement at £1,000,000 falls in clause 3.1, which consults eastmoor and westbridge", () => {
    const a = run(northvale, { activity: "procurement.strategy", where: ["value=£1,000,000"] }).activities[0]!.answers;
    expect(a.map((x) => [x.where, x.accountable.map((h) => h.clause), x.consulted.map((h) => h.party)])).toEqual([
      ["where value is exactly £1,000,000", ["3.1"], ["eastmoor", "westbridge"]],
    ]);
  });
});

describe("explain: overrides", () => {
  const source = `${FW}
agreement ag {
  conforms to fw
  term 2025-01-01 to 2025-12-31
  party a "A" kind trust role member
  party b "B" kind trust role member
  clause 1 {
    assign hr at system {
      accountable a
    }
  }
  clause 2 {
    assign hr at system from 2025-07-01 overrides clause 1 {
      accountable b
      responsible b
    }
  }
}
`;
  const ag = analysedSource(source);
  it("from July clause 2 holds and clause 1 is overridden by clause 2", () => {
    const answers = run(ag, { activity: "hr", place: "a" }).activities[0]!.answers;
    expect(answers.map((x) => [x.where, x.accountable.map((h) => `${h.party} ${h.clause}`), x.overridden.map((o) => [o.clause, o.by.map((b) => b.clause)])])).toEqual([
      ["at a's place, from 2025-01-01 to 2025-06-30", ["a 1"], []],
      ["at a's place, from 2025-07-01 to 2025-12-31", ["b 2"], [["1", ["2"]]]],
    ]);
  });
});

describe("explain: one answer for every place unless a role line names each member", () => {
  const answersFor = (roleLines: string) =>
    run(analysedSource(dealAgreement("", `  clause 1 {\n    assign hr at place {\n${roleLines}\n    }\n  }`)), { activity: "hr" }).activities[0]!.answers;

  it("the same holders at every place: one answer, everywhere", () => {
    const answers = answersFor("      accountable a\n      responsible a\n      consulted b");
    expect(answers.map((x) => [x.where, x.consulted.map((h) => h.party)])).toEqual([["everywhere", ["b"]]]);
  });

  it("`consulted each member`: each place its own answer (the consulted line alone differs)", () => {
    const answers = answersFor("      accountable a\n      responsible a\n      consulted each member");
    expect(answers.map((x) => [x.where, x.consulted.map((h) => h.party)])).toEqual([
      ["at a's place", ["a"]],
      ["at b's place", ["b"]],
    ]);
  });
});

describe("concordat explain (the built command)", () => {
  beforeAll(() => ensureBuilt());
  it("prints the gap at £1,000,000 for a person", () => {
    const r = concordat(["explain", EASTMOOR, "--activity", "procurement.strategy", "--where", "value=£1,000,000"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      `procurement.strategy "Procurement strategy" in eastmoor_mou (${EASTMOOR})`,
      "asked: where value is £1,000,000",
      "",
      "where value is exactly £1,000,000:",
      "  GAP: nobody is accountable here.",
      "  responsible  nobody",
      `  finding      error[gap] ${EASTMOOR}:30:7: Nobody is accountable for procurement (procurement.strategy and procurement.operations) where value is exactly £1,000,000: clause 2.1 starts above it and clause 2.2 stops below it.`,
    ]);
    expect(lines).toContain("Constrained by:");
    expect(lines).toContain(`  model federated "Federated model" (step 2), chosen at ${EASTMOOR}:8: accountable must be member or group`);
  });
  it("--format json is one object", () => {
    const r = concordat(["explain", EASTMOOR, "-a", "hr", "--place", "westbridge", "--format", "json"]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.agreement).toBe("eastmoor_mou");
    expect(e.activities[0].answers[0].status).toBe("conflict");
    expect(e.activities[0].answers[0].accountable.map((h: { party: string }) => h.party)).toEqual(["alliance", "westbridge"]);
  });
  it("a wrong value is exit code 2 with the reason, no stack trace", () => {
    const r = concordat(["explain", EASTMOOR, "-a", "hr", "--where", "setting=ward"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("concordat: ward is not a value of setting: its values are inpatient, outpatient, community.\n");
    expect(r.stdout).toBe("");
  });
  it("pretty output matches the renderer for the same explanation", () => {
    const eastmoor = analysedExample(EASTMOOR);
    const { query } = resolveQuery(eastmoor.agreement, { activity: "hr" });
    const text = renderExplainPretty(explain(eastmoor.ruleSet, eastmoor.agreement, query!, "hr", eastmoor.findings));
    expect(concordat(["explain", EASTMOOR, "-a", "hr"]).stdout).toBe(text);
  });
});

describe("explain: a function outside the scope", () => {
  const ag = analysedSource(`${FW}
agreement ag {
  conforms to fw
  party a "A" kind trust role member
  scope hr
  assign hr { accountable a }
}
`);
  it("says nobody is accountable, and that this is not a gap", () => {
    const e = run(ag, { activity: "it" });
    expect(e.activities[0]!.inScope).toBe(false);
    expect(e.activities[0]!.answers.map((a) => [a.status, a.findings])).toEqual([["gap", []]]);
    const text = renderExplainPretty(e);
    expect(text).toContain("it is outside the agreement's scope: the analysis does not require anyone to be accountable for it.");
    expect(text).toContain("  nobody is accountable here (outside the scope, so not a gap).");
    expect(text).not.toContain("GAP");
  });
});
