// `elementaryCycles` against a brute force over small random multigraphs of delegations: every
// simple cycle once, as the sequence that starts at its first delegation in source order, in
// order of that start, and only the closed chains `meet` accepts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Delegation } from "../../../src/generated/ruleset.js";
import { elementaryCycles } from "../../../src/analysis/delegations/index.js";

function delegation(i: number, from: string, to: string): Delegation {
  const span = { file: "t.concord", line: i + 1, column: 1, endLine: i + 1, endColumn: 2, offset: i, endOffset: i + 1 };
  return { id: `d${i + 1}`, activities: ["hr"], from, to, days: { from: "2025-01-01", until: "2025-12-31" }, dimensions: {}, span } as unknown as Delegation;
}

/** Every sequence of distinct delegations that closes, visits no party twice and starts at its smallest position: by permutation search. */
function bruteForce(ds: readonly Delegation[], meet: (chain: readonly Delegation[]) => boolean): number[][] {
  const out: number[][] = [];
  const extend = (chain: number[]): void => {
    const last = ds[chain[chain.length - 1]!]!;
    const first = ds[chain[0]!]!;
    if (last.to === first.from) {
      if (meet(chain.map((j) => ds[j]!))) out.push([...chain]);
      return;
    }
    const visited = new Set(chain.map((j) => ds[j]!.from));
    if (visited.has(last.to)) return;
    for (let j = chain[0]! + 1; j < ds.length; j++) {
      if (chain.includes(j) || ds[j]!.from !== last.to) continue;
      chain.push(j);
      extend(chain);
      chain.pop();
    }
  };
  for (let i = 0; i < ds.length; i++) extend([i]);
  return out;
}

const key = (c: readonly number[]) => c.join(",");

describe("elementaryCycles", () => {
  it("finds what the brute force finds, each once, in order of their first delegation", () => {
    const parties = ["a", "b", "c", "d", "e"];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...parties), fc.constantFrom(...parties)), { minLength: 1, maxLength: 11 }),
        fc.integer({ min: 0, max: 3 }),
        (edges, rejectEvery) => {
          const ds = edges.map(([f, t], i) => delegation(i, f, t));
          // A `meet` that rejects some closed chains: those whose positions sum to a multiple of rejectEvery (0: none).
          const meet = (chain: readonly Delegation[]) => rejectEvery === 0 || chain.reduce((s, d) => s + ds.indexOf(d), 0) % (rejectEvery + 1) !== 0;
          const got = elementaryCycles(ds, meet).map((c) => c.map((d) => ds.indexOf(d)));
          const want = bruteForce(ds, meet);
          expect([...got.map(key)].sort()).toEqual([...want.map(key)].sort());
          expect(new Set(got.map(key)).size).toBe(got.length);
          const starts = got.map((c) => c[0]!);
          expect(starts).toEqual([...starts].sort((x, y) => x - y));
        },
      ),
    );
  });

  it("goes round a ring of 20,000 once", () => {
    const n = 20_000;
    const ds = Array.from({ length: n }, (_, i) => delegation(i, `p${i}`, `p${(i + 1) % n}`));
    let asked = 0;
    const cycles = elementaryCycles(ds, () => (asked++, true));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.length).toBe(n);
    expect(asked).toBe(1);
  });
});
