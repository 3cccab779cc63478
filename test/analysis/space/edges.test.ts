// Edge cases of the space engine: open/closed money edges, witnesses, dates, no members, no term.
import { describe, expect, it } from "vitest";
import {
  accountableAt,
  assignmentRegion,
  describeRegion,
  expectationRegion,
  findFailure,
  formatMoney,
  partition,
  responsibleAt,
  witness,
} from "../../../src/analysis/space/index.js";
import { scan } from "../../../src/analysis/coverage/index.js";
import { buildAgreement, eq, ge, gt, iv, ivs, le, lt, ne, oneOf, type AgreementSpec } from "../../support/arbitrary-ruleset.js";

const M = 100;
const money = [{ id: "value", type: "money" as const, currency: "£" as const }];
const setting = { id: "setting", type: "enum" as const, values: ["inpatient", "outpatient", "community"] };

function ag(spec: Partial<AgreementSpec> & Pick<AgreementSpec, "assignments">) {
  return buildAgreement({ activities: ["x"], dimensions: money, ...spec });
}

describe("money edges", () => {
  const a = ag({
    term: null,
    assignments: [
      { clause: "1", activities: ["x"], where: { value: gt(1_000_000 * M) }, accountable: ["p"] },
      { clause: "2", activities: ["x"], where: { value: lt(1_000_000 * M) }, accountable: ["q"] },
    ],
  });

  it("> £1,000,000 and < £1,000,000 leave exactly £1,000,000", () => {
    const gap = scan(a).byActivity.get("x")!.gap;
    expect(gap).toHaveLength(1);
    expect(gap[0]!.dims[0]).toEqual({ kind: "real", lo: 1_000_000 * M, loOpen: false, hi: 1_000_000 * M, hiOpen: false });
    expect(witness(a, gap)).toEqual({ activity: "x", dimensions: { value: 1000000 } });
    expect(describeRegion(a, gap)).toBe("where value is exactly £1,000,000");
  });

  it("£999,999.50 lies in < £1,000,000", () => {
    const at = expectationRegion(a, { subject: "accountable", activity: "x", place: null, date: null, dimensions: { value: 99_999_950 }, expected: ["q"], span: a.span });
    expect(findFailure(a, at, (cell, p) => accountableAt(cell, p, a).join() === "q")).toBeNull();
    const r = assignmentRegion(a, "a2");
    expect(describeRegion(a, r)).toBe("where value is under £1,000,000");
    expect(witness(a, r).dimensions.value).toBe(0);
  });

  it("an open lower edge gives a witness one penny above it", () => {
    const r = assignmentRegion(a, "a1");
    expect(witness(a, r).dimensions.value).toBe(1000000.01);
    expect(describeRegion(a, r)).toBe("where value is over £1,000,000");
  });

  it("the midpoint when one penny above is outside the region", () => {
    const b = ag({ term: null, assignments: [{ activities: ["x"], where: { value: ivs(iv(100, true, 101, true)) }, accountable: ["p"] }] });
    expect(witness(b, assignmentRegion(b, "a1")).dimensions.value).toBe(1.005);
  });

  it("!= leaves one point, and a closed range joins its neighbours", () => {
    const b = ag({
      term: null,
      assignments: [
        { clause: "1", activities: ["x"], where: { value: ne(500 * M) }, accountable: ["p"] },
        { clause: "2", activities: ["x"], where: { value: ivs(iv(0, false, 10 * M, false)) }, accountable: ["p"], overrides: ["a1"] },
      ],
    });
    const s = scan(b).byActivity.get("x")!;
    expect(describeRegion(b, s.gap)).toBe("where value is exactly £500");
    expect(describeRegion(b, assignmentRegion(b, "a1"))).toBe("where value is over £10 and under £500; and where value is over £500");
    expect(s.redundant.size).toBe(0);
  });

  it("formats money", () => {
    expect(formatMoney(100_000_000, "£")).toBe("£1,000,000");
    expect(formatMoney(99_999_950, "£")).toBe("£999,999.50");
    expect(formatMoney(500, "€")).toBe("€5");
    expect(formatMoney(5, "$")).toBe("$0.05");
  });

  it("number dimensions: unbounded below gives the upper edge, or one below it", () => {
    const b = buildAgreement({
      activities: ["x"],
      term: null,
      dimensions: [{ id: "beds", type: "number" }],
      assignments: [{ activities: ["x"], where: { beds: ge(10) }, accountable: ["p"] }],
    });
    const gap = scan(b).byActivity.get("x")!.gap;
    expect(witness(b, gap).dimensions.beds).toBe(9);
    expect(describeRegion(b, gap)).toBe("where beds is under 10");
    const c = buildAgreement({ activities: ["x"], term: null, dimensions: [{ id: "beds", type: "number" }], assignments: [{ activities: ["x"], where: { beds: gt(10) }, accountable: ["p"] }] });
    expect(witness(c, scan(c).byActivity.get("x")!.gap).dimensions.beds).toBe(10);
    const d = buildAgreement({ activities: ["x"], term: null, dimensions: [{ id: "beds", type: "number" }], assignments: [{ activities: ["x"], where: { beds: le(3) }, accountable: ["p"] }] });
    expect(witness(d, assignmentRegion(d, "a1")).dimensions.beds).toBe(3);
    expect(witness(d, scan(d).byActivity.get("x")!.gap).dimensions.beds).toBe(4);
  });
});

describe("enum and places", () => {
  it("the enum witness is the first value in declaration order", () => {
    const a = ag({
      term: null,
      dimensions: [...money, setting],
      assignments: [{ activities: ["x"], where: { setting: oneOf("inpatient") }, accountable: ["p"] }],
    });
    const gap = scan(a).byActivity.get("x")!.gap;
    expect(witness(a, gap).dimensions.setting).toBe("outpatient");
    expect(describeRegion(a, gap)).toBe("where setting is outpatient or community");
  });

  it("each member: accountable and responsible per place, delegations replace the responsible", () => {
    const a = ag({
      parties: [{ id: "m1", roles: ["member"] }, { id: "m2", roles: ["member"] }, { id: "m3", roles: ["member"] }, { id: "grp" }],
      assignments: [{ activities: ["x"], places: ["m2", "m3"], accountable: ["each member"], responsible: ["each member", "grp"] }],
      delegations: [{ activities: ["x"], from: "grp", to: "m1", since: "2026-01-01" }],
    });
    const cells = partition(a, "x").cells;
    const at = (place: number, day: string) => cells.find((c) => c.places.includes(place) && c.days.lo <= dayN(day) && dayN(day) <= c.days.hi)!;
    expect(accountableAt(at(1, "2025-05-01"), 1, a)).toEqual(["m2"]);
    expect(accountableAt(at(2, "2025-05-01"), 2, a)).toEqual(["m3"]);
    expect(accountableAt(at(0, "2025-05-01"), 0, a)).toEqual([]);
    expect(responsibleAt(at(1, "2025-05-01"), 1, a)).toEqual(["m2", "grp"]);
    expect(responsibleAt(at(1, "2026-05-01"), 1, a)).toEqual(["m2", "m1"]);
    const gap = scan(a).byActivity.get("x")!.gap;
    expect(describeRegion(a, gap)).toBe("at m1's place");
    expect(witness(a, gap)).toMatchObject({ place: "m1", date: "2025-04-01" });
  });

  it("an agreement with no members has one place point and no place in witnesses", () => {
    const a = ag({ parties: [{ id: "p" }], assignments: [{ activities: ["x"], to: "2025-12-31", accountable: ["p"] }] });
    const gap = scan(a).byActivity.get("x")!.gap;
    expect(witness(a, gap)).toEqual({ activity: "x", date: "2026-01-01", dimensions: { value: 0 } });
    expect(describeRegion(a, gap)).toBe("from 2026-01-01 to 2031-03-31");
  });
});

describe("dates", () => {
  it("date gaps between dated clauses", () => {
    const a = ag({
      assignments: [
        { clause: "1", activities: ["x"], to: "2026-03-31", accountable: ["p"] },
        { clause: "2", activities: ["x"], from: "2026-05-01", accountable: ["p"] },
      ],
    });
    const gap = scan(a).byActivity.get("x")!.gap;
    expect(describeRegion(a, gap)).toBe("from 2026-04-01 to 2026-04-30");
    expect(witness(a, gap).date).toBe("2026-04-01");
  });

  it("without a term the time axis is one point, and dates do not split it", () => {
    const a = ag({ term: null, assignments: [{ activities: ["x"], from: "2026-01-01", accountable: ["p"] }] });
    expect(partition(a, "x").cells).toHaveLength(1);
    expect(scan(a).byActivity.get("x")!.gap).toHaveLength(0);
    expect(witness(a, assignmentRegion(a, "a1"))).toEqual({ activity: "x", dimensions: { value: 0 } });
  });

  it("a test on a date outside the term names no point", () => {
    const a = ag({ assignments: [{ activities: ["x"], accountable: ["p"] }] });
    expect(expectationRegion(a, { subject: "accountable", activity: "x", place: null, date: "2040-01-01", dimensions: {}, expected: [], span: a.span })).toEqual([]);
  });
});

describe("overrides", () => {
  it("A over B over C: only A stays, even where A is the only one applicable with B", () => {
    const a = ag({
      term: null,
      assignments: [
        { clause: "1", activities: ["x"], accountable: ["c"] },
        { clause: "2", activities: ["x"], accountable: ["b"], overrides: ["a1"] },
        { clause: "3", activities: ["x"], where: { value: lt(100 * M) }, accountable: ["a"], overrides: ["a2"] },
      ],
    });
    const cells = partition(a, "x").cells;
    const low = cells.find((c) => c.dims[0]!.kind === "real" && c.dims[0]!.lo === 0)!;
    expect(low.assignments.map((x) => x.id)).toEqual(["a3"]);
    const high = cells.find((c) => c !== low)!;
    expect(high.assignments.map((x) => x.id)).toEqual(["a2"]);
    expect(scan(a).byActivity.get("x")!.conflicts.size).toBe(0);
  });

  it("an overridden assignment drops even when its overrider is itself dropped", () => {
    const a = ag({
      term: null,
      assignments: [
        { clause: "1", activities: ["x"], accountable: ["c"] },
        { clause: "2", activities: ["x"], accountable: ["b"], overrides: ["a1"] },
        { clause: "3", activities: ["x"], accountable: ["a"], overrides: ["a2"] },
      ],
    });
    expect(partition(a, "x").cells[0]!.assignments.map((x) => x.id)).toEqual(["a3"]);
  });
});

function dayN(iso: string): number {
  return Math.round(Date.parse(iso + "T00:00:00Z") / 86_400_000);
}

void eq;
