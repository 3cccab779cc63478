import { describe, expect, it } from "vitest";
import { runTests } from "../../../src/analysis/tests/index.js";
import { agreement, assign, delegate, eachMember, expectation, ruleSet, sp } from "../checks/builder.js";

const MILLION = 100_000_000; // £1,000,000 in pence

function outcome(expects: ReturnType<typeof expectation>[], over: Parameters<typeof agreement>[0] = {}) {
  const ag = agreement({ ...over, tests: [{ title: "t", clause: "12", expects, span: sp(90) }] });
  const [o] = runTests(ruleSet(ag));
  return o!;
}

const over = {
  assignments: [
    assign("a1", ["procurement.operations"], { accountable: ["board"], responsible: ["east"] }, {
      dimensions: { value: { type: "intervals" as const, intervals: [{ lo: MILLION, loOpen: true, hi: null, hiOpen: false }] }, setting: { type: "values" as const, values: ["inpatient", "outpatient"] } },
    }),
    assign("a2", ["procurement.operations"], { accountable: ["east"], responsible: ["east"] }, {
      dimensions: { value: { type: "intervals" as const, intervals: [{ lo: 0, loOpen: false, hi: MILLION, hiOpen: true }] }, setting: { type: "values" as const, values: ["inpatient", "outpatient"] } },
    }),
    assign("a3", ["emergency_care"], { accountable: eachMember(), responsible: eachMember() }, { level: "place" }),
  ],
};

describe("tests: expect accountable / responsible", () => {
  it("passes when the expectation holds at every point of its region", () => {
    const o = outcome([
      expectation({ activity: "procurement.operations", dimensions: { value: 2 * MILLION }, expected: ["board"] }),
      expectation({ activity: "emergency_care", place: "west", expected: ["west"] }),
      expectation({ activity: "emergency_care", place: "east", date: "2026-01-01", dimensions: { setting: "outpatient" }, expected: ["east"], subject: "responsible" }),
    ], over);
    expect(o).toMatchObject({ agreement: "ag", title: "t", clause: "12", passed: true, failures: [] });
  });
  it("fails at the first point, with what is there instead", () => {
    const e = expectation({ activity: "procurement.operations", dimensions: { value: MILLION }, expected: ["board"] });
    const o = outcome([e], over);
    expect(o.passed).toBe(false);
    expect(o.failures).toHaveLength(1);
    expect(o.failures[0]!.span).toEqual(e.span);
    expect(o.failures[0]!.witness).toEqual({ activity: "procurement.operations", place: "east", date: "2025-04-01", dimensions: { value: 1_000_000, setting: "inpatient" } });
    expect(o.failures[0]!.message).toBe(
      "Expected board to be accountable for procurement.operations where value = £1,000,000, but nobody is accountable at east's place on 2025-04-01 where value is £1,000,000 and setting is inpatient.",
    );
  });
  it("an omitted dimension ranges over its whole domain: fails at its lowest value where it does not hold", () => {
    const o = outcome([expectation({ activity: "procurement.operations", expected: ["board"] })], over);
    expect(o.passed).toBe(false);
    expect(o.failures[0]!.witness.dimensions).toEqual({ value: 0, setting: "inpatient" });
    expect(o.failures[0]!.actual).toEqual(["east"]);
  });
  it("an omitted place ranges over every place: fails at the first place where it does not hold", () => {
    const o = outcome([expectation({ activity: "emergency_care", expected: ["west"] })], over);
    expect(o.failures[0]!.witness.place).toBe("east");
    const o2 = outcome([expectation({ activity: "emergency_care", expected: ["east"] })], over);
    expect(o2.failures[0]!.witness.place).toBe("west");
  });
  it("an omitted date ranges over the term: fails on the first day where it does not hold", () => {
    const dated = {
      assignments: [
        assign("a1", ["hr"], { accountable: ["board"] }, { days: { from: "2025-04-01", to: "2026-03-31" } }),
        assign("a2", ["hr"], { accountable: ["east"] }, { days: { from: "2026-04-01", to: "2028-03-31" } }),
      ],
    };
    const o = outcome([expectation({ activity: "hr", expected: ["board"] })], dated);
    expect(o.failures[0]!.witness.date).toBe("2026-04-01");
    expect(outcome([expectation({ activity: "hr", date: "2026-03-31", expected: ["board"] })], dated).passed).toBe(true);
  });
  it("`is nobody`", () => {
    expect(outcome([expectation({ activity: "hr", expected: [] })], over).passed).toBe(true);
    expect(outcome([expectation({ activity: "emergency_care", expected: [] })], over).passed).toBe(false);
  });
  it("responsible is the set after delegations", () => {
    const o = (expected: string[]) =>
      outcome([expectation({ subject: "responsible", activity: "procurement.operations", dimensions: { value: 5 }, expected })], {
        ...over,
        delegations: [delegate("d1", ["procurement.operations"], "east", "medica")],
      });
    expect(o(["medica"]).passed).toBe(true);
    expect(o(["east"]).passed).toBe(false);
    expect(o(["east", "medica"]).passed).toBe(false);
  });
});
