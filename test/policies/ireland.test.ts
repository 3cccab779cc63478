// The Irish frameworks (health regions, hospital groups) and their agreements. The expected
// findings are written by hand from the HSE's and the Dáil's texts and DESIGN.md.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, expectRows, finding, testOutcomes, type Checked, type Row } from "./helpers.js";

for (const [file, id, tests] of [
  [
    "policies/agreements/ireland/shannon-region.concord",
    "shannon_region",
    ["the regional executive officer answers for community care in every area", "the voluntary hospital runs its services, the REO answers for them"],
  ],
  ["policies/agreements/ireland/midwest-hospital-group.concord", "midwest_group", ["the group chief executive answers for every hospital"]],
] as const) {
  describe(`${file} (conforming)`, () => {
    let c: Checked;
    beforeAll(() => (c = checkPolicy(file)));
    it("checks with no finding at all, in any file", () => expect(c.all).toEqual([]));
    it("its tests pass", () => expect(testOutcomes(c.ruleSet, id)).toEqual(Object.fromEntries(tests.map((t) => [t, true]))));
  });
}

describe("policies/agreements/ireland/shannon-region-draft.concord (faulty draft)", () => {
  const FILE = "policies/agreements/ireland/shannon-region-draft.concord";
  let c: Checked;
  beforeAll(() => (c = checkPolicy(FILE)));

  // Lines: 23 the scope, 30 clause 2's performance assignment, 42 clause 3.1, 50 clause 4.
  const EXPECTED: Row[] = [
    // St Brigid's has no service level arrangement, so nobody answers for its services: a gap
    // under HR2's cover, on the scope item since no clause assigns them
    ["gap", "error", "HR2", undefined, 23],
    ["rule", "error", "HR1", "2", 30], // the Centre's performance function run at regional level
    ["conflict", "error", "HR2", "3.1", 42], // the shadow chair answers beside the REO at Estuary
    ["rule", "error", "HR2", "3.1", 42], // and is not the regional executive officer
    ["no-responsible", "error", "HR3", "4", 50], // community care: the REO accountable, nobody responsible
  ];

  it("reports exactly the expected findings, and nothing in the framework", () => {
    expectRows(c.ds, EXPECTED);
    expect(c.all.filter((d) => d.span.file !== FILE)).toEqual([]);
  });

  it("witnesses: the first area, the first day of the term", () => {
    const at = { place: "iha_estuary", date: "2024-03-01" };
    expect(finding(c.ds, "gap", "HR2", 23).witness).toMatchObject({ activity: "st_brigids_services", ...at });
    expect(finding(c.ds, "rule", "HR1", 30).witness).toMatchObject({ activity: "performance", ...at });
    expect(finding(c.ds, "conflict", "HR2", 42).witness).toMatchObject({ activity: "acute_care", ...at });
    expect(finding(c.ds, "rule", "HR2", 42).witness).toMatchObject({ activity: "acute_care", ...at });
    expect(finding(c.ds, "no-responsible", "HR3", 50).witness).toMatchObject({ activity: "community_care", ...at });
  });

  it("the conflict is at Estuary only, against clause 3; findings cite the HSE", () => {
    const conflict = finding(c.ds, "conflict", "HR2", 42);
    expect(conflict.related?.map((r) => r.span.line)).toEqual([37]);
    expect(conflict.message).toMatch(/shadow_chair/);
    expect(conflict.message).toMatch(/iha_estuary/);
    expect(conflict.message).not.toMatch(/iha_uplands/);
    for (const d of c.ds) expect(d.cite).toMatch(/^HSE Health Regions updates/);
  });
});
