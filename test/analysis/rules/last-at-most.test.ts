import { describe, expect, it } from "vitest";
import { lastAtMost, latestEnd } from "../../../src/analysis/rules/last-at-most.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: last at most N years", () => {
  const r = rule("B8", [obligation("last-at-most", { years: 5, strength: "should" })]);
  const run = (from: string | null, to = "") => {
    const ag = agreement({ term: from ? { from, to, span: sp(10) } : null });
    return { ag, ds: lastAtMost.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!) };
  };
  it("computes the last allowed day: start + N years − 1 day, 29 February counting from 28 February", () => {
    expect(latestEnd("2025-04-01", 5)).toBe("2030-03-31");
    expect(latestEnd("2024-02-29", 1)).toBe("2025-02-27");
    expect(latestEnd("2024-02-29", 4)).toBe("2028-02-27");
    expect(latestEnd("2025-01-01", 1)).toBe("2025-12-31");
    expect(latestEnd("2025-03-01", 1)).toBe("2026-02-28");
  });
  it("holds for a term of exactly N years", () => {
    expect(run("2025-04-01", "2030-03-31").ds).toEqual([]);
    expect(run("2024-02-29", "2029-02-27").ds).toEqual([]);
  });
  it("fails one day later, as a warning for `should`, on the term", () => {
    const { ds } = run("2025-04-01", "2030-04-01");
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "warning", rule: "B8", span: sp(10) });
    expect(ds[0]!.message).toMatch(/longer than the 5 years rule B8 allows/);
    expect(run("2024-02-29", "2029-02-28").ds).toHaveLength(1);
  });
  it("fails without a term, on the header", () => {
    const { ag, ds } = run(null);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.span).toEqual(ag.span);
  });
});
