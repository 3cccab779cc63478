import { describe, expect, it } from "vitest";
import { establishBody } from "../../../src/analysis/rules/establish-body.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: establish body of kind K", () => {
  const r = rule("B12", [obligation("establish-body", { bodyKind: "committee_in_common" })]);
  const run = (ag: ReturnType<typeof agreement>) => establishBody.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  it("holds when a body of that kind is set up", () => {
    const bodies = [{ id: "cic", kind: "committee_in_common", members: ["east", "west"], roles: ["member"], span: sp(17) }];
    expect(run(agreement({ bodies }))).toEqual([]);
  });
  it("fails otherwise, even with a party of that kind", () => {
    const parties = [{ id: "cic", kind: "committee_in_common", roles: [], span: sp(12) }];
    const ds = run(agreement({ parties }));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B12" });
    expect(ds[0]!.message).toBe("The agreement sets up no body that is a committee in common, which rule B12 requires.");
  });
});
