// Boxes nested one inside another make the k-d partition peel off one piece per level: 3,000
// nested value bands went 6,000 levels deep, and the recursive split overflowed the stack
// (RangeError from 2,000 bands). The split runs on an explicit stack: the partition is whole.
import { describe, expect, it } from "vitest";
import { kdPartitionOf } from "../../../src/analysis/space/sweep.js";
import { partition } from "../../../src/analysis/space/index.js";
import { compileProgram, loadProgram } from "../../../src/semantics/index.js";
import { project } from "../../support/project.js";

const N = 3_000;

function nestedBands(n: number): Record<string, string> {
  const framework = `framework fw "F" {
  levels system
  kind trust "Trust"
  role member "Member"
  category c "C"
  dimension value: money
  function f "F" in c
  rule R1 "Cover" {
    must cover all functions
  }
}
`;
  const clauses: string[] = [];
  // Band i is [£i, £(2n - i)): each one inside the one before.
  for (let i = 0; i < n; i++) clauses.push(`  clause ${i + 1} {\n    assign f at system where value >= £${i} and value < £${2 * n - i} {\n      accountable p\n    }\n  }`);
  const agreement = `import "./framework.concord"\nagreement a "A" {\n  conforms to fw\n  party p "P" kind trust role member\n  scope all functions\n${clauses.join("\n")}\n}\n`;
  return { "framework.concord": framework, "main.concord": agreement };
}

describe("k-d partition of deeply nested boxes", () => {
  it(`partitions ${N.toLocaleString("en-GB")} nested bands without overflowing the stack`, () => {
    const { ruleSet, diagnostics } = compileProgram(loadProgram(["main.concord"], { cwd: project(nestedBands(N)) }));
    expect(diagnostics).toEqual([]);
    const cells = kdPartitionOf(ruleSet.agreements[0]!, "f").cells;
    // From £0 up: the number of bands in force rises by one at each £1 to n at [£(n-1), £(n+1)),
    // then falls; every count from 0 to n appears, and n only in the middle.
    const counts = cells.map((c) => c.applicable.length);
    expect(counts.reduce((m, x) => Math.max(m, x), 0)).toBe(N);
    expect(new Set(counts).size).toBe(N + 1);
  }, 60_000);

  it("bands on one axis only are swept, not split: the same cells as the k-d partition", () => {
    // 300 boxes would go to the k-d split, but they restrict one axis, where the sweep cannot
    // multiply cells (and does not sort at every cut): it gives each piece of the axis once.
    const { ruleSet } = compileProgram(loadProgram(["main.concord"], { cwd: project(nestedBands(300)) }));
    const ag = ruleSet.agreements[0]!;
    const key = (c: { applicable: { id: string }[]; dims: unknown[] }) => `${JSON.stringify(c.dims)} ${c.applicable.map((a) => a.id).join(",")}`;
    const swept = partition(ag, "f").cells.map(key).sort();
    expect(swept).toEqual(kdPartitionOf(ag, "f").cells.map(key).sort());
    // [£i, £i+1) below the middle, [£299, £301) in it, [£j, £j+1) above it, and [£600, ∞) with none.
    expect(swept).toHaveLength(2 * 300);
  });
});
