// The literate agreement: northvale's collaboration agreement written as the document the
// parties sign. Its clauses say what northvale-group.concord says, so, like that normative
// example (DESIGN.md section 3), checking it reports nothing and its tests pass.
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicy, testOutcomes, type Checked } from "./helpers.js";

describe("policies/agreements/northvale-group.concord.md (literate, conforming)", () => {
  let c: Checked;
  beforeAll(() => (c = checkPolicy("policies/agreements/northvale-group.concord.md")));
  it("checks with no finding at all, in any file", () => expect(c.all).toEqual([]));
  it("its tests pass", () =>
    expect(testOutcomes(c.ruleSet, "northvale_group_document")).toEqual({
      "large procurements go to the group board": true,
      "each trust runs its own emergency department": true,
    }));
});
