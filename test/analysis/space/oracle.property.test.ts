// The sweep against the brute-force oracle on random agreements.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Agreement } from "../../../src/generated/ruleset.js";
import {
  accountableAt,
  firstPoint,
  partition,
  pointInRegion,
  mergeRegion,
  responsibleAt,
  responsibleBy,
  witness,
  type Point,
  type Region,
  type Box,
} from "../../../src/analysis/space/index.js";
import { scan, coverageDiagnostics, overrideCycles } from "../../../src/analysis/coverage/index.js";
import { agreementArb } from "../../support/arbitrary-ruleset.js";
import type { Witness } from "../../../src/diagnostics/diagnostic.js";
import { classify, elementaryPoints, inDomain, oracle, oracleApplying, witnessPoint, type OracleCell } from "../../support/oracle.js";

function asPoint(c: OracleCell): Point {
  return { activity: c.point.activity, place: c.point.place, day: c.point.day, dims: c.point.dims };
}

function pointOfWitness(ag: Agreement, w: Witness, activity: string): Point {
  const { place, day, dims } = witnessPoint(ag, w, activity);
  return { activity, place, day, dims };
}

function boxesDisjoint(region: Region): boolean {
  // Check on the oracle grid would be costlier; check pairwise overlap of boxes directly.
  for (let i = 0; i < region.length; i++)
    for (let j = i + 1; j < region.length; j++) if (overlap(region[i]!, region[j]!)) return false;
  return true;
}

function overlap(a: Box, b: Box): boolean {
  if (a.activity !== b.activity) return false;
  if (!a.places.some((p) => b.places.includes(p))) return false;
  if (a.days.hi < b.days.lo || b.days.hi < a.days.lo) return false;
  return a.dims.every((x, k) => {
    const y = b.dims[k]!;
    if (x.kind === "enum" && y.kind === "enum") return x.values.some((v) => y.values.includes(v));
    if (x.kind === "real" && y.kind === "real") {
      const lo = (p: typeof x) => p.lo ?? -Infinity;
      const hi = (p: typeof x) => p.hi ?? Infinity;
      if (hi(x) < lo(y) || hi(y) < lo(x)) return false;
      if (hi(x) === lo(y)) return !x.hiOpen && !y.loOpen;
      if (hi(y) === lo(x)) return !y.hiOpen && !x.loOpen;
      return true;
    }
    return false;
  });
}

describe("sweep = oracle", () => {
  it("every elementary cell lies in exactly one cell, with the oracle's assignments", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        for (const c of oracle(ag)) {
          const cells = partition(ag, c.point.activity).cells.filter((cell) => pointInRegion([cell], asPoint(c)));
          expect(cells.length).toBe(1);
          expect(cells[0]!.applicable.map((a) => a.id)).toEqual(c.applicable);
          expect(cells[0]!.assignments.map((a) => a.id)).toEqual(c.remaining);
          // Who, after overrides and delegations: the engine's per-assignment answers and their union.
          const place = c.point.place;
          expect(accountableAt(cells[0]!, place, ag)).toEqual(c.accountable);
          expect(responsibleAt(cells[0]!, place, ag)).toEqual(c.responsible);
          const by = responsibleBy(cells[0]!, place, ag);
          expect([...new Set(by.flatMap((b) => b.parties.map((r) => r.named)))].sort()).toEqual([...c.named].sort());
          // A chain of delegations (they compose) starts at the party named and ends at the one responsible.
          for (const b of by)
            for (const r of b.parties)
              expect(r.via === undefined ? r.party === r.named : r.via.from === r.named && r.chain!.at(-1)!.to === r.party && r.chain![0] === r.via).toBe(true);
        }
      }),
    );
  });

  it("gap, conflict, redundant and no-responsible points equal the oracle's", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        const s = scan(ag);
        for (const c of oracle(ag)) {
          const a = s.byActivity.get(c.point.activity)!;
          const pt = asPoint(c);
          expect(pointInRegion(a.gap, pt)).toBe(c.kind === "gap");
          const key = c.involved.join(",");
          for (const [k, g] of a.conflicts) expect(pointInRegion(g.boxes, pt)).toBe(c.kind === "conflict" && k === key);
          for (const [k, g] of a.redundant) expect(pointInRegion(g.boxes, pt)).toBe(c.kind === "redundant" && k === key);
          if (c.kind === "conflict") expect(a.conflicts.has(key)).toBe(true);
          if (c.kind === "redundant") expect(a.redundant.has(key)).toBe(true);
          const noResp = c.accountable.length > 0 && c.responsible.length === 0;
          for (const [id, g] of a.noResponsible) expect(pointInRegion(g.boxes, pt)).toBe(noResp && c.involved.includes(id));
          if (noResp) for (const id of c.involved) expect(a.noResponsible.has(id)).toBe(true);
        }
      }),
    );
  });

  it("shadowed assignments are those the oracle never finds applying", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        const applying = oracleApplying(ag);
        const shadowed = coverageDiagnostics(ag).filter((d) => d.code === "shadowed").map((d) => d.span.line);
        // A member of an override cycle that would apply somewhere is dropped by the cycle, which
        // has its own error: no `shadowed` for it (DESIGN.md §7 messages).
        const applicable = new Set(oracle(ag).flatMap((c) => c.applicable));
        const overrides = new Map(ag.assignments.map((a) => [a.id, a.overrides]));
        const reaches = (from: string, to: string): boolean => {
          const seen = new Set<string>();
          const todo = [...(overrides.get(from) ?? [])];
          while (todo.length > 0) {
            const x = todo.pop()!;
            if (x === to) return true;
            if (seen.has(x)) continue;
            seen.add(x);
            todo.push(...(overrides.get(x) ?? []));
          }
          return false;
        };
        const expected = ag.assignments.filter((a) => !applying.has(a.id) && !(applicable.has(a.id) && reaches(a.id, a.id))).map((a) => a.span.line);
        expect(shadowed).toEqual(expected);
      }),
    );
  });

  it("merged regions are disjoint, each point reported once, witnesses are the first points of their regions", () => {
    fc.assert(
      fc.property(agreementArb, (ag) => {
        const s = scan(ag);
        for (const a of s.activities) {
          const regions: Region[] = [mergeRegion(a.gap), ...[...a.conflicts.values(), ...a.redundant.values()].map((g) => mergeRegion(g.boxes))].filter((r) => r.length > 0);
          for (const r of regions) {
            expect(boxesDisjoint(r)).toBe(true);
            const w = witness(ag, r);
            const wp = pointOfWitness(ag, w, a.activity);
            // Checked by the oracle too: the engine's own membership test must not be the only judge.
            expect(inDomain(ag, wp)).toBe(true);
            expect(pointInRegion(r, wp)).toBe(true);
            expect(wp).toEqual(firstPoint(ag, r));
            // No elementary piece of the region comes before the witness's piece.
            const pts = elementaryPoints(ag, a.activity).filter((p) => pointInRegion(r, { activity: p.activity, place: p.place, day: p.day, dims: p.dims }));
            const min = pts.reduce((m, p) => (cmp(p.piece, m.piece) < 0 ? p : m));
            expect(min.place).toBe(wp.place);
            expect(min.day <= wp.day).toBe(true);
            const wCell = classify(ag, { ...wp, piece: [] });
            expect(wCell.kind).toBe(classify(ag, min).kind);
          }
          // gap and every conflict/redundant region are pairwise disjoint
          for (let i = 0; i < regions.length; i++) for (let j = i + 1; j < regions.length; j++)
            for (const x of regions[i]!) for (const y of regions[j]!) expect(overlap(x, y)).toBe(false);
        }
        // no finding reported twice
        const ds = coverageDiagnostics(ag);
        const keys = ds.map((d) => `${d.code}|${d.span.line}|${d.message}|${d.rule ?? ""}`);
        expect(new Set(keys).size).toBe(keys.length);
        // every finding has a witness; override cycles only when the oracle's graph has one
        for (const d of ds) expect(d.witness).toBeDefined();
        expect(ds.filter((d) => d.code === "override-cycle").length).toBe(overrideCycles(ag).length);
      }),
    );
  });
});

function cmp(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
