import { describe, expect, it } from "vitest";
import { reviewEvery } from "../../../src/analysis/rules/review-every.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: review every N months", () => {
  const r = rule("B7", [obligation("review-every", { months: 12 })]);
  const run = (ag: ReturnType<typeof agreement>) => reviewEvery.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  it("holds at exactly the period and more often", () => {
    expect(run(agreement({ review: { months: 12, span: sp(11) } }))).toEqual([]);
    expect(run(agreement({ review: { months: 6, span: sp(11) } }))).toEqual([]);
  });
  it("fails on the review item when the period is longer", () => {
    const ds = run(agreement({ review: { months: 24, span: sp(11) } }));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B7", span: sp(11) });
    expect(ds[0]!.message).toBe("Review every 24 months is longer than the 12 months rule B7 allows.");
  });
  it("fails on the agreement's header when there is no review item", () => {
    const ag = agreement({ review: null });
    const ds = run(ag);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.span).toEqual(ag.span);
    expect(ds[0]!.message).toMatch(/no review period/);
  });
});
