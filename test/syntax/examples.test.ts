// Every example in policies/ parses with no diagnostics, to the expected AST shape.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/syntax/index.js";
import type * as A from "../../src/syntax/ast.js";

const root = new URL("../../policies/", import.meta.url);
function load(rel: string) {
  const text = readFileSync(new URL(rel, root), "utf8");
  return { text, ...parse(text, `policies/${rel}`) };
}
function counts(items: { kind: string }[]): Record<string, number> {
  const c: Record<string, number> = {};
  for (const i of items) c[i.kind] = (c[i.kind] ?? 0) + 1;
  return c;
}
function find<K extends string, T extends { kind: string }>(items: T[], kind: K, pred: (x: Extract<T, { kind: K }>) => boolean = () => true) {
  const r = items.find((i) => i.kind === kind && pred(i as Extract<T, { kind: K }>));
  if (!r) throw new Error(`no ${kind}`);
  return r as Extract<T, { kind: K }>;
}
function clause(items: A.AgreementItem[], n: string): A.Clause {
  for (const i of items) {
    if (i.kind !== "Clause") continue;
    if (i.number.text === n) return i;
    try {
      return clause(i.items, n);
    } catch {
      /* keep looking */
    }
  }
  throw new Error(`no clause ${n}`);
}

describe("policies/frameworks/collaboration-models.concord", () => {
  const { ast, diagnostics, text } = load("frameworks/collaboration-models.concord");
  it("parses with no diagnostics", () => expect(diagnostics).toEqual([]));
  const fw = ast.declarations[0] as A.Framework;
  it("has one framework with its items", () => {
    expect(ast.declarations).toHaveLength(1);
    expect(fw.kind).toBe("Framework");
    expect(fw.name.text).toBe("collaboration_models");
    expect(fw.title?.value).toBe("Healthcare group collaboration models");
    expect(counts(fw.items)).toEqual({ Version: 1, Source: 1, Levels: 1, KindDecl: 10, RoleDecl: 5, ProvisionDecl: 3, CategoryDecl: 3, ModelDecl: 8 });
    expect(find(fw.items, "Levels").levels.map((l) => l.text)).toEqual(["centre", "system", "place"]);
  });
  it("keeps soft keywords as names (role group, category support/core)", () => {
    expect(find(fw.items, "RoleDecl", (r) => r.name.text === "group").title?.value).toBe("Group organisation co-owned by the members");
    expect(fw.items.filter((i) => i.kind === "CategoryDecl").map((c) => (c as A.CategoryDecl).name.text)).toEqual(["support", "core", "challenging"]);
  });
  it("reads model constraints and requirements", () => {
    const shared = find(fw.items, "ModelDecl", (m) => m.name.text === "shared_leadership");
    expect(shared.items.map((i) => i.kind)).toEqual(["Step", "ModelConstraint", "ModelConstraint"]);
    const c = shared.items[1] as A.ModelConstraint;
    expect(c.role).toBe("accountable");
    expect(c.modality).toBe("must");
    expect(c.roles.map((r) => [r.of, r.name.text])).toEqual([["role", "member"]]);
    expect(c.for.map((s) => [s.kind, (s as A.CategorySelector).name.text])).toEqual([
      ["CategorySelector", "core"],
      ["CategorySelector", "challenging"],
    ]);
    const fed = find(fw.items, "ModelDecl", (m) => m.name.text === "federated");
    expect((fed.items[0] as A.StepItem).step.value).toBe(2);
    expect((fed.items[1] as A.ModelConstraint).roles.map((r) => r.name.text)).toEqual(["member", "group"]);
    expect(fed.items.slice(2).map((r) => [(r as A.RequiresItem).what, (r as A.RequiresItem).name.text])).toEqual([
      ["role", "group"],
      ["provision", "dispute_resolution"],
    ]);
    const resp = find(fw.items, "ModelDecl", (m) => m.name.text === "mutual_collaboration").items[2] as A.ModelConstraint;
    expect([resp.role, resp.modality, resp.roles.map((r) => r.name.text)]).toEqual(["responsible", "may", ["member", "supplier"]]);
  });
  it("collects the comments with their spans", () => {
    expect(ast.comments).toHaveLength(4);
    expect(ast.comments[0]!.text).toBe("// The vocabulary and the collaboration models that NHS providers choose from.");
    expect(ast.comments[0]!.span.line).toBe(1);
    expect(text.slice(ast.comments[3]!.span.offset, ast.comments[3]!.span.endOffset)).toBe(ast.comments[3]!.text);
  });
});

describe("policies/frameworks/nhs-baseline.concord", () => {
  const { ast, diagnostics } = load("frameworks/nhs-baseline.concord");
  it("parses with no diagnostics", () => expect(diagnostics).toEqual([]));
  const fw = ast.declarations[0] as A.Framework;
  it("has its import, extends, dimensions and functions", () => {
    expect(ast.imports.map((i) => i.path.value)).toEqual(["./collaboration-models.concord"]);
    expect(counts(fw.items)).toEqual({ Version: 1, Extends: 1, DimensionDecl: 2, FunctionDecl: 8, ProvisionDecl: 1, RuleDecl: 11 });
    const value = find(fw.items, "DimensionDecl", (d) => d.name.text === "value");
    expect(value.type.kind).toBe("money");
    const setting = find(fw.items, "DimensionDecl", (d) => d.name.text === "setting");
    expect(setting.type.kind === "enum" && setting.type.values.map((v) => v.text)).toEqual(["inpatient", "outpatient", "community"]);
    const proc = find(fw.items, "FunctionDecl", (f) => f.name.text === "procurement");
    expect(proc.category?.text).toBe("support");
    expect(proc.children.map((c) => [c.name.text, c.title?.value, c.category])).toEqual([
      ["strategy", "Procurement strategy", undefined],
      ["operations", "Transactional procurement", undefined],
    ]);
    expect(find(fw.items, "FunctionDecl", (f) => f.name.text === "engagement").category).toBeUndefined();
  });
  it("reads every kind of obligation", () => {
    const rules = fw.items.filter((i): i is A.RuleDecl => i.kind === "RuleDecl");
    expect(rules.map((r) => r.name.text)).toEqual(["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B9", "B10", "B11"]);
    const bodies = rules.flatMap((r) => r.items.filter((i): i is A.Obligation => i.kind === "Obligation").map((o) => `${o.strength}:${o.body.kind}`));
    expect(bodies).toEqual([
      "must:Cover",
      "should:AssignResponsible",
      "must:Deliver",
      "must:Deliver",
      "must:Cover",
      "must:Deliver",
      "must:Provide",
      "must:Provide",
      "must:ReviewEvery",
      "should:LastAtMost",
      "must:MakeAccountable",
      "must:HaveAtLeast",
      "must:MakeAccountable",
    ]);
    const b1 = rules[0]!;
    expect((b1.items[0] as A.Obligation).body).toMatchObject({ kind: "Cover", selectors: [{ kind: "AllFunctionsSelector" }] });
    expect((b1.items[1] as A.CiteItem).value.value).toBe("Baseline para 1: clarifying lines of accountability for the delivery of services");
    const b3 = (rules[2]!.items[0] as A.Obligation).body;
    expect(b3).toMatchObject({ kind: "Deliver", level: { text: "system" }, selectors: [{ kind: "CategorySelector", name: { text: "support" } }] });
    const b4 = (rules[3]!.items[0] as A.Obligation).body;
    expect(b4).toMatchObject({ kind: "Deliver", selectors: [{ kind: "FunctionSelector", explicit: true, name: { text: "engagement" } }] });
    expect((rules[6]!.items[0] as A.Obligation).body).toMatchObject({ kind: "ReviewEvery", months: { value: 12 } });
    expect((rules[7]!.items[0] as A.Obligation).body).toMatchObject({ kind: "LastAtMost", years: { value: 5 } });
    const b9 = (rules[8]!.items[0] as A.Obligation).body as Extract<A.ObligationBody, { kind: "MakeAccountable" }>;
    expect(b9.negated).toBe(true);
    expect(b9.roles.map((r) => [r.of, r.name.text])).toEqual([["kind", "independent_provider"]]);
    expect(b9.selectors).toHaveLength(2);
    const b10 = (rules[9]!.items[0] as A.Obligation).body as Extract<A.ObligationBody, { kind: "HaveAtLeast" }>;
    expect([b10.count.value, b10.kinds.map((k) => k.text)]).toEqual([2, ["nhs_trust", "foundation_trust"]]);
  });
});

describe("policies/agreements/eastmoor-mou.concord", () => {
  const { ast, diagnostics, text } = load("agreements/eastmoor-mou.concord");
  it("parses with no diagnostics", () => expect(diagnostics).toEqual([]));
  const ag = ast.declarations[0] as A.Agreement;
  it("has the agreement items", () => {
    expect(ag.kind).toBe("Agreement");
    expect(ag.name.text).toBe("eastmoor_mou");
    expect(counts(ag.items)).toEqual({ ConformsTo: 1, ModelUse: 2, Term: 1, Review: 1, PartyDecl: 4, Scope: 1, ProvisionDecl: 1, Clause: 9, TestDecl: 1 });
    const models = ag.items.filter((i): i is A.ModelUse => i.kind === "ModelUse");
    expect(models.map((m) => [m.model.text, m.for.map((s) => (s as A.FunctionSelector).name.text)])).toEqual([
      ["federated", []],
      ["direct_outsourcing", ["information_systems"]],
    ]);
    const term = find(ag.items, "Term");
    expect([term.from.text, term.to.text]).toEqual(["2025-04-01", "2031-03-31"]);
    expect(find(ag.items, "Review").months.value).toBe(24);
    const eastmoor = find(ag.items, "PartyDecl", (p) => p.name.text === "eastmoor");
    expect([eastmoor.title?.value, eastmoor.partyKind.text, eastmoor.roles.map((r) => r.text)]).toEqual([
      "Eastmoor NHS Foundation Trust",
      "foundation_trust",
      ["member", "commissioner"],
    ]);
    expect(find(ag.items, "PartyDecl", (p) => p.name.text === "alliance").partyKind.text).toBe("group_board");
    expect(find(ag.items, "Scope").selectors).toMatchObject([{ kind: "AllFunctionsSelector" }]);
  });
  it("reads clause 2.1: value > £1_000_000", () => {
    const c21 = clause(ag.items, "2.1");
    const a = c21.items[0] as A.Assign;
    expect(a.kind).toBe("Assign");
    expect(a.selectors).toMatchObject([{ kind: "FunctionSelector", explicit: false, name: { text: "procurement" } }]);
    expect(a.at).toMatchObject({ level: { text: "system" }, places: [] });
    expect(a.conditions.where).toHaveLength(1);
    const cond = a.conditions.where[0]!;
    expect(cond).toMatchObject({ kind: "Compare", dimension: { text: "value" }, op: ">", value: { kind: "Money", currency: "£", amount: 1_000_000, text: "£1_000_000" } });
    expect(a.roleLines.map((r) => [r.role, r.parties.map((p) => p.text), r.eachMember])).toEqual([
      ["accountable", ["alliance"], false],
      ["responsible", ["eastmoor"], false],
    ]);
    expect(clause(ag.items, "2.2").items[0]).toMatchObject({ conditions: { where: [{ op: "<" }] } });
    // Spans: the assignment of clause 2.1 starts on line 24, column 7 (as in DESIGN.md's example).
    expect([a.span.line, a.span.column, a.span.endLine, a.span.endColumn]).toEqual([24, 7, 27, 8]);
    expect(text.slice(a.span.offset, a.span.endOffset)).toMatch(/^assign procurement[\s\S]*\}$/);
  });
  it("reads `each member`, until, nested clauses 9/9.1 and delegations", () => {
    const c4 = clause(ag.items, "4").items[0] as A.Assign;
    expect(c4.roleLines.map((r) => [r.role, r.eachMember, r.parties])).toEqual([
      ["accountable", true, []],
      ["responsible", true, []],
    ]);
    expect((clause(ag.items, "5").items[0] as A.Assign).conditions).toMatchObject({ where: [], until: { text: "2026-03-31" } });
    const c9 = clause(ag.items, "9");
    expect(c9.title?.value).toBe("Emergency care");
    expect(c9.items.map((i) => i.kind)).toEqual(["Assign", "Clause"]);
    const c91 = c9.items[1] as A.Clause;
    expect(c91.number.text).toBe("9.1");
    expect(c91.title?.value).toBe("Westbridge's emergency department, again");
    expect((c91.items[0] as A.Assign).at).toMatchObject({ level: { text: "place" }, places: [{ text: "westbridge" }] });
    const c10 = clause(ag.items, "10");
    expect(c10.items.map((d) => [(d as A.Delegate).from.text, (d as A.Delegate).to.text])).toEqual([
      ["eastmoor", "westbridge"],
      ["westbridge", "eastmoor"],
    ]);
    expect(clause(ag.items, "7").items[0]).toMatchObject({ roleLines: [{ role: "accountable", parties: [{ text: "alliance" }] }] });
  });
  it("reads the test's expect", () => {
    const t = find(ag.items, "TestDecl");
    expect(t.title.value).toBe("a procurement of exactly one million has an owner");
    expect(t.expects).toHaveLength(1);
    const e = t.expects[0]!;
    expect(e.subject).toBe("accountable");
    expect(e.activity.text).toBe("procurement.operations");
    expect(e.at).toBeUndefined();
    expect(e.on).toBeUndefined();
    expect(e.where).toMatchObject([{ dimension: { text: "value" }, value: { kind: "Money", amount: 1_000_000 } }]);
    expect(e.expected.map((p) => p.text)).toEqual(["alliance"]);
  });
});

describe("policies/agreements/northvale-group.concord", () => {
  const { ast, diagnostics } = load("agreements/northvale-group.concord");
  it("parses with no diagnostics", () => expect(diagnostics).toEqual([]));
  const ag = ast.declarations[0] as A.Agreement;
  it("has its items, body and dedented prose", () => {
    expect(counts(ag.items)).toEqual({ ConformsTo: 1, ModelUse: 1, Term: 1, Review: 1, PartyDecl: 4, BodyDecl: 1, Scope: 1, ProvisionDecl: 2, Clause: 3, TestDecl: 2 });
    const body = find(ag.items, "BodyDecl");
    expect([body.name.text, body.bodyKind.text, body.members.map((m) => m.text)]).toEqual(["committee", "committee_in_common", ["northvale", "eastmoor", "westbridge"]]);
    expect(find(ag.items, "PartyDecl", (p) => p.name.text === "group_board").roles.map((r) => r.text)).toEqual(["group"]);
    const dr = find(ag.items, "ProvisionDecl", (p) => p.name.text === "dispute_resolution");
    expect(dr.title?.triple).toBe(true);
    expect(dr.title?.value).toBe(
      "Disagreements go first to the committee in common; failing agreement within\n30 days, to independent mediation.",
    );
    expect(dr.title?.span.line).toBe(21);
    expect(dr.title?.span.endLine).toBe(24);
  });
  it("reads >= conditions, consulted/informed lines and multi-selector assigns", () => {
    const a31 = clause(ag.items, "3.1").items[0] as A.Assign;
    expect(a31.conditions.where[0]).toMatchObject({ op: ">=", value: { amount: 1_000_000 } });
    expect(a31.roleLines[2]).toMatchObject({ role: "consulted", parties: [{ text: "eastmoor" }, { text: "westbridge" }] });
    const a33 = clause(ag.items, "3.3").items[0] as A.Assign;
    expect(a33.selectors.map((s) => (s as A.FunctionSelector).name.text)).toEqual(["hr", "information_systems", "estates"]);
    expect(a33.roleLines[2]).toMatchObject({ role: "informed" });
  });
  it("reads expects with `at place P`", () => {
    const tests = ag.items.filter((i): i is A.TestDecl => i.kind === "TestDecl");
    expect(tests[0]!.expects[0]).toMatchObject({ activity: { text: "procurement.strategy" }, where: [{ value: { amount: 2_500_000 } }], expected: [{ text: "group_board" }] });
    expect(tests[1]!.expects[0]).toMatchObject({ at: { level: { text: "place" }, place: { text: "westbridge" } }, expected: [{ text: "westbridge" }] });
  });
});
