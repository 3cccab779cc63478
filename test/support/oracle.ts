// The brute-force oracle of the analysis: for every activity, the grid of elementary cells
// (every place, every interval of days between consecutive day boundaries, every point and open
// interval between consecutive boundaries of each real dimension, every enum value) taken from
// ALL boxes of that activity, and at one representative point of each cell: which assignments
// apply (straight from the rule-set data), which remain after overrides, who is accountable and
// responsible. Simple, obviously correct, slow. It shares no code with src/analysis/space.
import type { Agreement, Assignment, Delegation, DimensionRange } from "../../src/generated/ruleset.js";

export interface OraclePoint {
  activity: string;
  /** Index into agreement.places (0 when there are no members). */
  place: number;
  /** Day number (days since 1970-01-01; 0 without a term). */
  day: number;
  /** Per dimension: enum index or real value (money in minor units). */
  dims: number[];
  /** Per axis, the index of the elementary piece (place, day, then each dimension): orders points. */
  piece: number[];
}

export interface OracleCell {
  point: OraclePoint;
  applicable: string[];
  /** After overrides, source order. */
  remaining: string[];
  accountable: string[];
  /** Assignment ids that make someone accountable here. */
  involved: string[];
  /** Named responsible by the remaining assignments, before delegations. */
  named: string[];
  /** After delegations. */
  responsible: string[];
  /** Delegation ids live here (their activity, days and conditions). */
  delegations: string[];
  kind: "gap" | "conflict" | "redundant" | "single";
}

const DAY = 86_400_000;
export const dayNum = (iso: string): number => Math.round(Date.parse(iso + "T00:00:00Z") / DAY);

export function analysedActivities(ag: Agreement): string[] {
  const s = new Set(ag.scope.activities);
  if (!ag.scope.explicit) for (const a of ag.assignments) for (const x of a.activities) s.add(x);
  return [...s];
}

type Box = { days: Assignment["days"]; dimensions: Record<string, DimensionRange> };

function dayIn(ag: Agreement, b: Box, day: number): boolean {
  if (!ag.term) {
    if (b.days.from !== null && b.days.to !== null && b.days.from > b.days.to) return false;
    return true;
  }
  const from = b.days.from === null ? -Infinity : dayNum(b.days.from);
  const to = b.days.to === null ? Infinity : dayNum(b.days.to);
  return from <= day && day <= to;
}

function dimsIn(ag: Agreement, b: Box, dims: number[]): boolean {
  return ag.dimensions.every((d, k) => {
    const r = b.dimensions[d.id];
    if (!r) return true;
    const v = dims[k]!;
    if (d.type === "enum") return r.type !== "values" || r.values.includes(d.values![v]!);
    if (r.type !== "intervals") return true;
    return r.intervals.some(
      (iv) =>
        (iv.lo === null || v > iv.lo || (v === iv.lo && !iv.loOpen)) && (iv.hi === null || v < iv.hi || (v === iv.hi && !iv.hiOpen)),
    );
  });
}

/** The elementary points of one activity's space. */
export function elementaryPoints(ag: Agreement, activity: string): OraclePoint[] {
  const asg = ag.assignments.filter((a) => a.activities.includes(activity));
  const del = ag.delegations.filter((d) => d.activities.includes(activity));
  const boxes: Box[] = [...asg, ...del];
  const nPlaces = Math.max(1, ag.places.length);
  // days
  let dayReps: number[] = [0];
  if (ag.term) {
    const T0 = dayNum(ag.term.from);
    const T1 = dayNum(ag.term.to);
    const cuts = new Set([T0]);
    for (const b of boxes) {
      if (b.days.from !== null) cuts.add(dayNum(b.days.from));
      if (b.days.to !== null) cuts.add(dayNum(b.days.to) + 1);
    }
    dayReps = [...cuts].filter((c) => c >= T0 && c <= T1).sort((a, b) => a - b);
  }
  // dimensions
  const dimReps: number[][] = ag.dimensions.map((d) => {
    if (d.type === "enum") return (d.values ?? []).map((_, i) => i);
    const bs = new Set<number>(d.type === "money" ? [0] : []);
    for (const b of boxes) {
      const r = b.dimensions[d.id];
      if (r?.type === "intervals") for (const iv of r.intervals) for (const x of [iv.lo, iv.hi]) if (x !== null) bs.add(x);
    }
    const sorted = [...bs].sort((a, b) => a - b);
    const reps: number[] = [];
    if (d.type === "number") reps.push(sorted.length > 0 ? sorted[0]! - 1 : 0);
    sorted.forEach((x, i) => {
      reps.push(x);
      const next = sorted[i + 1];
      reps.push(next === undefined ? x + 1 : (x + next) / 2);
    });
    return reps.filter((v) => d.type !== "money" || v >= 0);
  });
  const out: OraclePoint[] = [];
  const rec = (k: number, dims: number[], piece: number[], place: number, day: number, dayPiece: number) => {
    if (k === ag.dimensions.length) {
      out.push({ activity, place, day, dims: dims.slice(), piece: [place, dayPiece, ...piece] });
      return;
    }
    dimReps[k]!.forEach((v, i) => rec(k + 1, [...dims, v], [...piece, i], place, day, dayPiece));
  };
  for (let place = 0; place < nPlaces; place++) dayReps.forEach((day, i) => rec(0, [], [], place, day, i));
  return out;
}

export function classify(ag: Agreement, pt: OraclePoint): OracleCell {
  const placeName = ag.places.length === 0 ? null : ag.places[pt.place]!;
  const applicable = ag.assignments.filter(
    (a) =>
      a.activities.includes(pt.activity) &&
      (placeName === null || a.places.includes(placeName)) &&
      dayIn(ag, a, pt.day) &&
      dimsIn(ag, a, pt.dims),
  );
  const dropped = new Set(applicable.flatMap((a) => a.overrides));
  const remaining = applicable.filter((a) => !dropped.has(a.id));
  const at = (pa: { party: string; place?: string }) => pa.place === undefined || placeName === null || pa.place === placeName;
  const accountable: string[] = [];
  const involved: string[] = [];
  const responsibleBefore: string[] = [];
  for (const a of remaining) {
    let any = false;
    for (const pa of a.raci.accountable)
      if (at(pa)) {
        any = true;
        if (!accountable.includes(pa.party)) accountable.push(pa.party);
      }
    if (any) involved.push(a.id);
    for (const pa of a.raci.responsible) if (at(pa) && !responsibleBefore.includes(pa.party)) responsibleBefore.push(pa.party);
  }
  const dels: Delegation[] = ag.delegations.filter((d) => d.activities.includes(pt.activity) && dayIn(ag, d, pt.day) && dimsIn(ag, d, pt.dims));
  const responsible: string[] = [];
  // Delegations compose (DESIGN.md §7): follow every chain from p to its end; a chain stops
  // before a party already on it (a cycle), so P→Q, Q→P swaps them.
  const ends = (p: string, path: string[]): string[] => {
    const tos = dels.filter((d) => d.from === p && !path.includes(d.to)).map((d) => d.to);
    return tos.length === 0 ? [p] : tos.flatMap((q) => ends(q, [...path, q]));
  };
  for (const p of responsibleBefore) for (const q of ends(p, [p])) if (!responsible.includes(q)) responsible.push(q);
  const kind = accountable.length === 0 ? "gap" : accountable.length >= 2 ? "conflict" : involved.length >= 2 ? "redundant" : "single";
  return {
    point: pt,
    applicable: applicable.map((a) => a.id),
    remaining: remaining.map((a) => a.id),
    accountable,
    involved,
    named: responsibleBefore,
    responsible,
    delegations: dels.map((d) => d.id),
    kind,
  };
}

/** Whether a point lies in the agreement's space: a known place, a day of the term, each value in its domain. */
export function inDomain(ag: Agreement, pt: Omit<OraclePoint, "piece">): boolean {
  if (pt.place < 0 || pt.place >= Math.max(1, ag.places.length)) return false;
  if (ag.term ? pt.day < dayNum(ag.term.from) || pt.day > dayNum(ag.term.to) : pt.day !== 0) return false;
  return ag.dimensions.every((d, k) => {
    const v = pt.dims[k];
    if (typeof v !== "number" || !Number.isFinite(v)) return false;
    if (d.type === "enum") return Number.isInteger(v) && v >= 0 && v < (d.values?.length ?? 0);
    return d.type !== "money" || v >= 0;
  });
}

/**
 * A diagnostic's witness as a point of one of its activities (money back to minor units, enum
 * values to indices; NaN where a value is missing or of the wrong kind, so that it lies nowhere).
 */
export function witnessPoint(
  ag: Agreement,
  w: { place?: string; date?: string; dimensions: Record<string, number | string> },
  activity: string,
): Omit<OraclePoint, "piece"> {
  return {
    activity,
    place: w.place === undefined ? 0 : ag.places.indexOf(w.place),
    day: w.date === undefined ? 0 : dayNum(w.date),
    dims: ag.dimensions.map((d) => {
      const v = w.dimensions[d.id];
      if (d.type === "enum") return typeof v === "string" ? (d.values ?? []).indexOf(v) : NaN;
      if (typeof v !== "number") return NaN;
      return d.type === "money" ? Math.round(v * 100 * 1e6) / 1e6 : v;
    }),
  };
}

/** Every elementary cell of every analysed activity, classified. */
export function oracle(ag: Agreement): OracleCell[] {
  const out: OracleCell[] = [];
  for (const act of analysedActivities(ag)) for (const pt of elementaryPoints(ag, act)) out.push(classify(ag, pt));
  return out;
}

/** Assignment ids that apply (after overrides) at some point: the others are shadowed. */
export function oracleApplying(ag: Agreement): Set<string> {
  return new Set(oracle(ag).flatMap((c) => c.remaining));
}

/** How many elementary points `oracle` would classify (without building them): for time estimates. */
export function countElementaryPoints(ag: Agreement): number {
  let total = 0;
  for (const act of analysedActivities(ag)) {
    const boxes: Box[] = [...ag.assignments.filter((a) => a.activities.includes(act)), ...ag.delegations.filter((d) => d.activities.includes(act))];
    let n = Math.max(1, ag.places.length);
    if (ag.term) {
      const cuts = new Set<string>();
      for (const b of boxes) {
        if (b.days.from !== null) cuts.add(b.days.from);
        if (b.days.to !== null) cuts.add(b.days.to);
      }
      n *= cuts.size + 1;
    }
    for (const d of ag.dimensions) {
      if (d.type === "enum") n *= d.values?.length ?? 1;
      else {
        const bs = new Set<number>();
        for (const b of boxes) {
          const r = b.dimensions[d.id];
          if (r?.type === "intervals") for (const iv of r.intervals) for (const x of [iv.lo, iv.hi]) if (x !== null) bs.add(x);
        }
        n *= 2 * bs.size + 2;
      }
    }
    total += n;
  }
  return total;
}
