// Long chains and rings of delegations: each link used to be one recursive call (a chain of
// 5,000 overflowed the stack: an internal error), and the cycle search and the unused-delegation
// check walked every chain again per delegation (half a minute). Walks on explicit stacks, the
// cycle search inside strongly connected components only, one walk per cell.
import { describe, expect, it } from "vitest";
import { delegationDiagnostics } from "../../../src/analysis/delegations/index.js";
import { delegatedTo } from "../../../src/analysis/space/parties.js";
import { agreement, assign, delegate } from "../checks/builder.js";

const N = 5_000;
const parties = Array.from({ length: N + 1 }, (_, i) => ({ id: `p${i}`, kind: "foundation_trust", roles: ["member"], span: { file: "a.concord", offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 } }));
const chain = Array.from({ length: N }, (_, i) => delegate(`d${i}`, ["hr"], `p${i}`, `p${i + 1}`));

describe(`delegations: a chain of ${N.toLocaleString("en-GB")}`, () => {
  it("hands p0's work to the chain's end, through every link", () => {
    const ends = delegatedTo("p0", chain);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.party).toBe(`p${N}`);
    expect(ends[0]!.chain).toEqual(chain);
  });

  it("has no cycle and no unused link", () => {
    const ag = agreement({ parties, assignments: [assign("a1", ["hr"], { accountable: ["p0"], responsible: ["p0"] })], delegations: chain });
    expect(delegationDiagnostics(ag)).toEqual([]);
  });

  it("closed into a ring, is one cycle, named from its first delegation", { timeout: 30_000 }, () => {
    const ring = [...chain.slice(0, N - 1), delegate("back", ["hr"], `p${N - 1}`, "p0")];
    const ag = agreement({ parties, assignments: [assign("a1", ["hr"], { accountable: ["p0"], responsible: ["p0"] })], delegations: ring });
    const cycles = delegationDiagnostics(ag).filter((d) => d.code === "delegation-cycle");
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.span).toEqual(ring[0]!.span);
    expect(cycles[0]!.message).toContain(`hr: p0 → p1 → p2 → `);
    expect(cycles[0]!.message).toContain(` → p${N - 2} → p${N - 1} → p0)`);
  });
});
