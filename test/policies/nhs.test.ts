// The NHS mandated baseline (Hill and Hardy 2025) on the collaboration models library, and its
// two agreements. The expected findings are written by hand from the article and DESIGN.md.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, expectRows, finding, testOutcomes, type Checked, type Row } from "./helpers.js";

describe("policies/agreements/nhs/vale-hospital-group.concord (conforming)", () => {
  let c: Checked;
  beforeAll(() => (c = checkPolicy("policies/agreements/nhs/vale-hospital-group.concord")));
  it("checks with no finding at all, in any file", () => expect(c.all).toEqual([]));
  it("its tests pass", () =>
    expect(testOutcomes(c.ruleSet, "vale_group")).toEqual({
      "corporate services: the board answers, the shared services company does the work": true,
      "each trust answers for its own paediatrics": true,
    }));
});

describe("policies/agreements/nhs/vale-group-mou-draft.concord (faulty draft)", () => {
  const FILE = "policies/agreements/nhs/vale-group-mou-draft.concord";
  let c: Checked;
  beforeAll(() => (c = checkPolicy(FILE)));

  // Lines: 10 the header, 22 the scope, 29 estates, 32 information systems, 44 clause 4.1.
  const EXPECTED: Row[] = [
    ["model", "error", "federated", undefined, 10], // no mechanism for resolving differences
    // routes to market: nobody; the first `cover` selecting it in source order is MB3's
    ["gap", "error", "MB3", undefined, 22],
    ["no-responsible", "warning", "MB4", "3", 29], // estates: the board answers, nobody does the work
    ["model", "error", "federated", "3", 32], // a supplier accountable under the federated model
    // education held by the board (clause 4) and each trust (clause 4.1); MB4's `cover all
    // functions` comes before MB6's in source order, so the conflict carries MB4
    ["conflict", "error", "MB4", "4.1", 44],
    ["rule", "error", "MB6", "4.1", 44], // education at place, not system
    ["rule", "error", "MB1", "4.1", 44], // engagement at place, not system
  ];

  it("reports exactly the expected findings, and nothing in the frameworks", () => {
    expectRows(c.ds, EXPECTED);
    expect(c.all.filter((d) => d.span.file !== FILE)).toEqual([]);
  });

  it("witnesses: the first member on the first day", () => {
    const at = { place: "avon", date: "2025-04-01" };
    expect(finding(c.ds, "gap", "MB3", 22).witness).toMatchObject({ activity: "routes_to_market", ...at });
    expect(finding(c.ds, "no-responsible", "MB4", 29).witness).toMatchObject({ activity: "estates", ...at });
    expect(finding(c.ds, "model", "federated", 32).witness).toMatchObject({ activity: "information_systems", ...at });
    expect(finding(c.ds, "conflict", "MB4", 44).witness).toMatchObject({ activity: "education_and_training", ...at });
    expect(finding(c.ds, "rule", "MB6", 44).witness).toMatchObject({ activity: "education_and_training", ...at });
  });

  it("the conflict relates clause 4; findings cite the article's benefits and the step model", () => {
    expect(finding(c.ds, "conflict", "MB4", 44).related?.map((r) => r.span.line)).toEqual([39]);
    expect(finding(c.ds, "gap", "MB3", 22).cite).toMatch(/^Mandated baseline, benefit 3/);
    expect(finding(c.ds, "rule", "MB1", 44).cite).toMatch(/^Mandated baseline, benefit 1/);
    expect(finding(c.ds, "model", "federated", 32).cite).toMatch(/^Step model, organisation models: federated model/);
    expect(finding(c.ds, "model", "federated", 10).message).toMatch(/dispute_resolution/);
  });

  // DESIGN.md section 7: a finding naming several activities has a witness naming one, the
  // first in declaration order, at that activity's own first point.
  it("MB1 on clause 4.1 names engagement.public only", () => {
    const w = finding(c.ds, "rule", "MB1", 44).witness;
    expect(w).toMatchObject({ activity: "engagement.public", place: "avon", date: "2025-04-01" });
    expect(w?.activities).toBeUndefined();
  });
});
