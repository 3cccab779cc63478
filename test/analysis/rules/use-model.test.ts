import { describe, expect, it } from "vitest";
import { useModel } from "../../../src/analysis/rules/use-model.js";
import { agreement, obligation, rule, ruleSet, sp } from "../checks/builder.js";

describe("rule obligation: use model M, …", () => {
  const r = rule("B13", [obligation("use-model", { models: ["federated", "mutual"] })]);
  const run = (models: { model: string; activities: string[] | null; clause?: string; span: ReturnType<typeof sp> }[]) => {
    const ag = agreement({ models });
    return useModel.check({ ruleSet: ruleSet(ag), agreement: ag }, r, r.obligations[0]!);
  };
  it("holds when only those models are used (or none)", () => {
    expect(run([{ model: "federated", activities: null, span: sp(8) }])).toEqual([]);
    expect(run([])).toEqual([]);
  });
  it("fails once, on the first other model, naming every one", () => {
    const ds = run([
      { model: "federated", activities: null, span: sp(8) },
      { model: "outsourcing", activities: ["hr"], span: sp(9) },
      { model: "franchise", activities: ["paediatrics"], clause: "3", span: sp(30) },
    ]);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: "rule", severity: "error", rule: "B13", span: sp(9) });
    expect(ds[0]!.message).toBe("The agreement uses the outsourcing and franchise models, but rule B13 allows only the federated or mutual models.");
    expect(ds[0]!.related).toHaveLength(1);
  });
});
