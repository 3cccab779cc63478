// The France GHT framework and its two conventions. The expected findings are written by hand
// from CSP L6132-1 to L6132-7, R6132-1 to R6132-19 and DESIGN.md sections 2 and 7.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, expectRows, finding, testOutcomes, type Checked, type Row } from "./helpers.js";

describe("policies/agreements/france/ght-loire-aval.concord (conforming)", () => {
  let c: Checked;
  beforeAll(() => (c = checkPolicy("policies/agreements/france/ght-loire-aval.concord")));
  it("checks with no finding at all, in any file", () => expect(c.all).toEqual([]));
  it("its tests pass", () =>
    expect(testOutcomes(c.ruleSet, "ght_loire_aval")).toEqual({
      "the support establishment holds purchasing for every party": true,
      "each party executes its own contracts": true,
      "delegated logistics: the party stays accountable, the support establishment does the work": true,
    }));
});

describe("policies/agreements/france/ght-draft-faulty.concord (faulty draft)", () => {
  const FILE = "policies/agreements/france/ght-draft-faulty.concord";
  let c: Checked;
  beforeAll(() => (c = checkPolicy(FILE)));

  // Line numbers: 9 the agreement's header, 12 the term, 25 the scope, 32 clause 4,
  // 38 clause 4.2, 52 clause 5's imaging assignment.
  const EXPECTED: Row[] = [
    ["model", "error", "ght", undefined, 9], // no party has role support (L6132-2 II 5° a)
    ["rule", "error", "G6", undefined, 9], // a delegation (clause 6) but no `delegations` provision stating its terms (R6132-1)
    ["rule", "error", "G8", undefined, 9], // no committee of elected officials (R6132-13)
    ["rule", "error", "G7", undefined, 12], // twelve years, not ten (R6132-1)
    ["gap", "error", "G3", undefined, 25], // pharmacy organised in common by nobody (L6132-3 III); on the scope item
    ["rule", "error", "G1", "4", 32], // belcourt holds the pooled functions but is not the support establishment
    ["conflict", "error", "G1", "4.2", 38], // systeme_information.schema_directeur: belcourt (clause 4) and copil (clause 4.2)
    ["conflict", "error", "G1", "4.2", 38], // systeme_information.dossier_patient: the same
    ["rule", "error", "G1", "4.2", 38], // copil is not the support establishment either
    ["rule", "error", "G9", "4.2", 38], // a strategic committee holds a decision (R6132-10: it proposes)
    ["rule", "error", "G10", "5", 52], // a private clinic, a partner, accountable for imaging (L6132-1)
  ];

  it("reports exactly the expected findings, and nothing in the framework", () => {
    expectRows(c.ds, EXPECTED);
    expect(c.all.filter((d) => d.span.file !== FILE)).toEqual([]);
  });

  it("the pharmacy gap: nobody at the first establishment on the first day", () => {
    const gap = finding(c.ds, "gap", "G3", 25);
    expect(gap.witness).toMatchObject({ activity: "pharmacie", place: "belcourt", date: "2026-01-01" });
    expect(gap.cite).toMatch(/^CSP L6132-3 III/);
  });

  it("the duplicated information-system body: one conflict per activity, related to clause 4", () => {
    const conflicts = c.ds.filter((d) => d.code === "conflict");
    expect(conflicts.map((d) => d.witness?.activity).sort()).toEqual(["systeme_information.dossier_patient", "systeme_information.schema_directeur"]);
    for (const d of conflicts) {
      expect(d.witness).toMatchObject({ place: "belcourt", date: "2026-01-01" });
      expect(d.related?.map((r) => r.span.line)).toEqual([32]);
      expect(d.message).toMatch(/belcourt/);
      expect(d.message).toMatch(/copil/);
    }
  });

  it("rule findings cite the articles", () => {
    expect(finding(c.ds, "rule", "G7", 12).cite).toMatch(/^CSP R6132-1\b/);
    expect(finding(c.ds, "rule", "G9", 38).cite).toMatch(/R6132-10/);
    expect(finding(c.ds, "rule", "G10", 52).cite).toMatch(/^CSP L6132-1 I .*L6132-7 4°/);
    expect(finding(c.ds, "model", "ght", 9).cite).toMatch(/^CSP L6132-1 II/);
    // The kind by its title, as the law names the body.
    expect(finding(c.ds, "rule", "G8", 9).message).toMatch(/comité territorial des élus locaux/);
    expect(finding(c.ds, "rule", "G6", 9).message).toMatch(/delegations/);
  });

  it("single-activity witnesses: the private clinic at the first place", () => {
    expect(finding(c.ds, "rule", "G10", 52).witness).toMatchObject({ activity: "imagerie", place: "belcourt", date: "2026-01-01" });
  });

  // DESIGN.md section 7: a rule finding naming several activities has a witness naming one,
  // the first in declaration order, at that activity's own first point.
  it("G1 on clause 4 names the first pooled activity only", () => {
    const w = finding(c.ds, "rule", "G1", 32).witness;
    expect(w).toMatchObject({ activity: "systeme_information.schema_directeur", place: "belcourt", date: "2026-01-01" });
    expect(w?.activities).toBeUndefined();
  });
  it("G9 on clause 4.2 names schema_directeur only", () => {
    const w = finding(c.ds, "rule", "G9", 38).witness;
    expect(w).toMatchObject({ activity: "systeme_information.schema_directeur", place: "belcourt" });
    expect(w?.activities).toBeUndefined();
  });
});
