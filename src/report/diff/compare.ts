// The accountability diff of two versions of one agreement, computed exactly on the two
// compiled agreements with the analysis's partitions (Batfish's compareRoutePolicies is the
// model): per activity, both spaces are partitioned, every old cell meets every new cell in a
// common coordinate system (places by name, days as day numbers, dimensions by id, enum values
// by name), and where the accountable or responsible parties differ the meeting is a change.
// Points that exist on one side only (a member added, a term extended, an enum value added)
// compare with nobody on the other. Changes with the same activity and the same parties before
// and after are merged into maximal regions and described in words by the analysis.
import type { Agreement, Dimension } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import {
  accountableAt,
  analysedActivities,
  dayNumber,
  describeRegion,
  mergeRegion,
  partition,
  responsibleAt,
  witness,
  type Box,
  type DimSet,
  type Region,
} from "../../analysis/space/index.js";
import { boxIndex, type BoxIndex } from "./box-index.js";

type Real = Extract<DimSet, { kind: "real" }>;

/** A set of one dimension in common coordinates: enum values by name, or an interval (money in minor units). */
type CommonSet = { kind: "enum"; values: string[] } | Real;

/** A box of one activity at one place (or every place: null), in coordinates both versions share. */
interface CommonBox {
  activity: string;
  place: string | null;
  days: { lo: number; hi: number };
  /** By dimension id; a dimension absent here is unconstrained. */
  dims: Map<string, CommonSet>;
}

interface Piece {
  box: CommonBox;
  accountable: string[];
  responsible: string[];
}

export interface Parties {
  accountable: string[];
  responsible: string[];
}

/** One change: in `region` (of `activity`), the parties were `before` and are `after`. */
export interface AccountabilityChange {
  activity: string;
  before: Parties;
  after: Parties;
  /** Which version's coordinates `region` is in: `new`, or `old` where the new version has no such point. */
  side: "old" | "new";
  /** Merged into maximal boxes, in the coordinates of `side`'s agreement. */
  region: Region;
  /** The region in words ("where value is exactly £1,000,000"; "everywhere"). */
  where: string;
  /** Its first point. */
  witness: Witness;
}

const EVERY_DAY = { lo: -Infinity, hi: Infinity };

function termOf(agreement: Agreement): { lo: number; hi: number } {
  return agreement.term ? { lo: dayNumber(agreement.term.from), hi: dayNumber(agreement.term.to) } : EVERY_DAY;
}

function toCommon(agreement: Agreement, box: Box, place: number): CommonBox {
  const dims = new Map<string, CommonSet>();
  agreement.dimensions.forEach((dim, k) => {
    const d = box.dims[k]!;
    dims.set(dim.id, d.kind === "enum" ? { kind: "enum", values: d.values.map((v) => dim.values?.[v] ?? String(v)) } : d);
  });
  return {
    activity: box.activity,
    place: agreement.places.length === 0 ? null : agreement.places[place]!,
    days: agreement.term ? { ...box.days } : EVERY_DAY,
    dims,
  };
}

/** Every (cell, place) of every activity, with its parties, in common coordinates. */
function pieces(agreement: Agreement | undefined, activity: string): Piece[] {
  if (!agreement) return [];
  const out: Piece[] = [];
  for (const cell of partition(agreement, activity).cells)
    for (const place of cell.places)
      out.push({ box: toCommon(agreement, cell, place), accountable: accountableAt(cell, place, agreement), responsible: responsibleAt(cell, place, agreement) });
  return out;
}

function intersectReal(a: Real, b: Real): Real | null {
  const aLo = a.lo ?? -Infinity;
  const bLo = b.lo ?? -Infinity;
  const aHi = a.hi ?? Infinity;
  const bHi = b.hi ?? Infinity;
  const lo = Math.max(aLo, bLo);
  const loOpen = aLo === bLo ? a.loOpen || b.loOpen : aLo > bLo ? a.loOpen : b.loOpen;
  const hi = Math.min(aHi, bHi);
  const hiOpen = aHi === bHi ? a.hiOpen || b.hiOpen : aHi < bHi ? a.hiOpen : b.hiOpen;
  if (lo > hi || (lo === hi && (loOpen || hiOpen))) return null;
  return { kind: "real", lo: lo === -Infinity ? null : lo, loOpen, hi: hi === Infinity ? null : hi, hiOpen };
}

function intersectSet(a: CommonSet, b: CommonSet): CommonSet | null {
  if (a.kind === "enum" && b.kind === "enum") {
    const values = a.values.filter((v) => b.values.includes(v));
    return values.length > 0 ? { kind: "enum", values } : null;
  }
  if (a.kind === "real" && b.kind === "real") return intersectReal(a, b);
  return a; // one dimension id with two kinds: the versions cannot be compared on it; keep the first
}

function intersect(a: CommonBox, b: CommonBox): CommonBox | null {
  if (a.place !== null && b.place !== null && a.place !== b.place) return null;
  const days = { lo: Math.max(a.days.lo, b.days.lo), hi: Math.min(a.days.hi, b.days.hi) };
  if (days.lo > days.hi) return null;
  const dims = new Map(a.dims);
  for (const [id, set] of b.dims) {
    const mine = dims.get(id);
    const both = mine ? intersectSet(mine, set) : set;
    if (!both) return null;
    dims.set(id, both);
  }
  return { activity: a.activity, place: a.place ?? b.place, days, dims };
}

/** The space of a version, as a box: its places, its term, its enum values; undefined when the agreement is absent. */
interface Space {
  places: Set<string> | null;
  days: { lo: number; hi: number };
  enums: Map<string, string[]>;
}

function spaceOf(agreement: Agreement | undefined): Space | undefined {
  if (!agreement) return undefined;
  const enums = new Map<string, string[]>();
  for (const d of agreement.dimensions) if (d.type === "enum") enums.set(d.id, d.values ?? []);
  return { places: agreement.places.length === 0 ? null : new Set(agreement.places), days: termOf(agreement), enums };
}

/** The parts of `box` outside `space` (disjoint boxes): each axis peeled in turn. */
function outside(box: CommonBox, space: Space | undefined): CommonBox[] {
  if (!space) return [box];
  if (box.place !== null && space.places !== null && !space.places.has(box.place)) return [box];
  // A box for every place (old without members) against a version with members has no part outside on places:
  // the other side's places are all inside "every place".
  const out: CommonBox[] = [];
  let rest: CommonBox = box;
  if (rest.days.lo < space.days.lo) out.push({ ...rest, days: { lo: rest.days.lo, hi: Math.min(rest.days.hi, space.days.lo - 1) } });
  if (rest.days.hi > space.days.hi) out.push({ ...rest, days: { lo: Math.max(rest.days.lo, space.days.hi + 1), hi: rest.days.hi } });
  const days = { lo: Math.max(rest.days.lo, space.days.lo), hi: Math.min(rest.days.hi, space.days.hi) };
  if (days.lo > days.hi) return out.length > 0 ? out : [box];
  rest = { ...rest, days };
  for (const [id, values] of space.enums) {
    const set = rest.dims.get(id);
    if (!set || set.kind !== "enum") continue;
    const extra = set.values.filter((v) => !values.includes(v));
    if (extra.length === 0) continue;
    out.push({ ...rest, dims: new Map(rest.dims).set(id, { kind: "enum", values: extra }) });
    const kept = set.values.filter((v) => values.includes(v));
    if (kept.length === 0) return out;
    rest = { ...rest, dims: new Map(rest.dims).set(id, { kind: "enum", values: kept }) };
  }
  return out;
}

/** A common box in one agreement's engine coordinates (it must lie inside that agreement's space). */
function toEngine(agreement: Agreement, box: CommonBox): Box {
  const places =
    agreement.places.length === 0 ? [0] : box.place === null ? agreement.places.map((_, i) => i) : [agreement.places.indexOf(box.place)];
  const term = termOf(agreement);
  const days = agreement.term ? { lo: Math.max(box.days.lo, term.lo), hi: Math.min(box.days.hi, term.hi) } : { lo: 0, hi: 0 };
  const dims = agreement.dimensions.map((dim: Dimension): DimSet => {
    const set = box.dims.get(dim.id);
    if (dim.type === "enum") {
      const all = (dim.values ?? []).map((_, i) => i);
      if (!set || set.kind !== "enum") return { kind: "enum", values: all };
      return { kind: "enum", values: all.filter((i) => set.values.includes(dim.values![i]!)) };
    }
    if (set && set.kind === "real") return set.lo === null && dim.type === "money" ? { ...set, lo: 0, loOpen: false } : set;
    return dim.type === "money" ? { kind: "real", lo: 0, loOpen: false, hi: null, hiOpen: true } : { kind: "real", lo: null, loOpen: true, hi: null, hiOpen: true };
  });
  return { activity: box.activity, places, days, dims };
}

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

function sortedNames(a: readonly string[]): string[] {
  return [...a].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * The axes the join indexes a common box on: its place (by a number per name; every place when
 * null), its days, and each real dimension of either version (unconstrained where a box has none).
 * Enum dimensions are left to the exact intersection.
 */
interface JoinAxes {
  places: Map<string, number>;
  reals: string[];
}

function joinAxes(a: Agreement | undefined, b: Agreement | undefined): JoinAxes {
  const places = new Map<string, number>();
  const reals: string[] = [];
  for (const agreement of [a, b]) {
    if (!agreement) continue;
    for (const p of agreement.places) if (!places.has(p)) places.set(p, places.size);
    for (const d of agreement.dimensions) if (d.type !== "enum" && !reals.includes(d.id)) reals.push(d.id);
  }
  return { places, reals };
}

/** A box's closed bounds on the join's axes, written at `at` of `lo` and `hi`. */
function boundsOf(axes: JoinAxes, box: CommonBox, lo: Float64Array, hi: Float64Array, at: number): void {
  const place = box.place === null ? undefined : axes.places.get(box.place);
  lo[at] = place ?? -Infinity;
  hi[at] = place ?? Infinity;
  lo[at + 1] = box.days.lo;
  hi[at + 1] = box.days.hi;
  axes.reals.forEach((id, k) => {
    const set = box.dims.get(id);
    lo[at + 2 + k] = set?.kind === "real" ? (set.lo ?? -Infinity) : -Infinity;
    hi[at + 2 + k] = set?.kind === "real" ? (set.hi ?? Infinity) : Infinity;
  });
}

/** The new version's pieces indexed for the join. */
function indexPieces(axes: JoinAxes, pieces: readonly Piece[]): BoxIndex {
  const width = 2 + axes.reals.length;
  const lo = new Float64Array(pieces.length * width);
  const hi = new Float64Array(pieces.length * width);
  pieces.forEach((p, i) => boundsOf(axes, p.box, lo, hi, i * width));
  return boxIndex(pieces.length, width, lo, hi);
}

/**
 * Every change of accountability or responsibility between two versions of an agreement
 * (either may be absent: an agreement added or removed). Deterministic: by activity (in the
 * new version's order, then the old's), then by the parties before and after.
 */
export function compareAgreements(oldAgreement: Agreement | undefined, newAgreement: Agreement | undefined): AccountabilityChange[] {
  const activities = [...new Set([...(newAgreement ? analysedActivities(newAgreement) : []), ...(oldAgreement ? analysedActivities(oldAgreement) : [])])];
  const axes = joinAxes(oldAgreement, newAgreement);
  const queryLo = new Float64Array(2 + axes.reals.length);
  const queryHi = new Float64Array(2 + axes.reals.length);
  const oldSpace = spaceOf(oldAgreement);
  const newSpace = spaceOf(newAgreement);
  const changes: AccountabilityChange[] = [];
  for (const activity of activities) {
    const before = pieces(oldAgreement, activity);
    const after = pieces(newAgreement, activity);
    // Grouped by (side, parties before, parties after): each group's boxes become one merged region.
    const groups = new Map<string, { side: "old" | "new"; before: Parties; after: Parties; boxes: Box[] }>();
    const add = (side: "old" | "new", box: CommonBox, b: Parties, a: Parties): void => {
      const key = JSON.stringify([side, sortedNames(b.accountable), sortedNames(b.responsible), sortedNames(a.accountable), sortedNames(a.responsible)]);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { side, before: b, after: a, boxes: [] }));
      g.boxes.push(toEngine(side === "new" ? newAgreement! : oldAgreement!, box));
    };
    const nobody: Parties = { accountable: [], responsible: [] };
    const index = indexPieces(axes, after);
    for (const o of before) {
      // The new pieces that may meet o, in their order: the pairs the nested loop over all of them met.
      boundsOf(axes, o.box, queryLo, queryHi, 0);
      for (const k of index.meeting(queryLo, queryHi)) {
        const n = after[k]!;
        const both = intersect(o.box, n.box);
        if (!both) continue;
        if (same(o.accountable, n.accountable) && same(o.responsible, n.responsible)) continue;
        add("new", both, { accountable: o.accountable, responsible: o.responsible }, { accountable: n.accountable, responsible: n.responsible });
      }
      if (o.accountable.length > 0 || o.responsible.length > 0)
        for (const gone of outside(o.box, newSpace)) add("old", gone, { accountable: o.accountable, responsible: o.responsible }, nobody);
    }
    for (const n of after)
      if (n.accountable.length > 0 || n.responsible.length > 0)
        for (const fresh of outside(n.box, oldSpace)) add("new", fresh, nobody, { accountable: n.accountable, responsible: n.responsible });
    const list = [...groups.values()].sort((x, y) => (x.side === y.side ? 0 : x.side === "new" ? -1 : 1));
    for (const g of list) {
      const agreement = g.side === "new" ? newAgreement! : oldAgreement!;
      const region = mergeRegion(g.boxes);
      changes.push({ activity, before: g.before, after: g.after, side: g.side, region, where: describeRegion(agreement, region), witness: witness(agreement, region) });
    }
  }
  return changes;
}
