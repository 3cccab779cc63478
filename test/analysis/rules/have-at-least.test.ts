import { describe, expect, it } from "vitest";
import { haveAtLeast } from "../../../src/analysis/rules/have-at-least.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: have at least N parties (of kind K, …)", () => {
  const run = (count: number, kinds: string[], over = {}) => {
    const r = rule("B10", [obligation("have-at-least", { count, kinds })]);
    const ag = agreement(over);
    return haveAtLeast.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  };
  it("counts parties of the kinds", () => {
    expect(run(2, ["foundation_trust", "nhs_trust"])).toEqual([]);
    expect(run(4, [])).toEqual([]);
  });
  it("fails with too few", () => {
    const ds = run(3, ["foundation_trust", "nhs_trust"]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B10" });
    expect(ds[0]!.message).toBe(
      "The agreement has 2 parties of kind NHS foundation trust or NHS trust (east and west); rule B10 requires at least 3 parties of kind NHS foundation trust or NHS trust.",
    );
    expect(run(5, [])).toHaveLength(1);
  });
  it("never counts bodies as parties", () => {
    const bodies = [
      { id: "cic", kind: "committee_in_common", members: ["east", "west"], roles: ["member"], span: sp(17) },
    ];
    expect(run(1, ["committee_in_common"], { bodies })).toHaveLength(1);
    expect(run(5, [], { bodies })).toHaveLength(1);
  });
});
