// A finding's sentence names a bounded number of items: one clause making 10,000 parties
// accountable gave a conflict message of 70,000 characters, the whole party list.
import { describe, expect, it } from "vitest";
import { conflictDiagnostics } from "../../../src/analysis/coverage/index.js";
import { agreement, assign } from "../checks/builder.js";

const N = 10_000;
const span = { file: "a.concord", offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
const parties = Array.from({ length: N }, (_, i) => ({ id: `p${i}`, kind: "foundation_trust", roles: ["member"], span }));

describe("long lists in messages", () => {
  it("a conflict among 10,000 parties of one clause names 50 of them and counts the rest", () => {
    const ag = agreement({ parties, assignments: [assign("a1", ["hr"], { accountable: parties.map((p) => p.id) })] });
    const [d] = conflictDiagnostics(ag);
    expect(d!.message).toContain("makes p0, p1, p2,");
    expect(d!.message).toContain(`p49 and ${(N - 50).toLocaleString("en-GB")} more accountable`);
    expect(d!.message.length).toBeLessThan(1_000);
  });
});
