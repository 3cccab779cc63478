import { describe, expect, it } from "vitest";
import { modelScopes } from "../../../src/analysis/models/index.js";
import { ACTIVITIES, agreement, sp } from "../checks/builder.js";

describe("model scope resolution", () => {
  it("the agreement-wide model applies to every activity no `model … for` selects", () => {
    const ag = agreement({
      models: [
        { model: "federated", activities: null, span: sp(8) },
        { model: "outsourcing", activities: ["hr"], span: sp(9) },
      ],
    });
    const s = modelScopes(ag);
    expect([...s.get("federated")!]).toEqual(ACTIVITIES.filter((a) => a !== "hr"));
    expect([...s.get("outsourcing")!]).toEqual(["hr"]);
  });
});
