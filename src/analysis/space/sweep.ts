// The sweep: partition one activity's space into cells with a constant set of live boxes.
//
// Axes in order: place, day, then each dimension in declaration order. At each axis only the
// boxes alive in the current cell contribute boundaries; between consecutive boundaries (or per
// group of discrete values with the same live set) we recurse into the next axis with the boxes
// alive there. Consecutive pieces with the same live set are coalesced, so a cell is as large as
// the live boxes allow. Cost grows with the boxes of one activity and their boundaries, never
// with the product of all dimensions' domains.
import type { Agreement, Assignment, Delegation, DimensionRange, Days, Interval } from "../../generated/ruleset.js";
import type { ActivityPartition, Cell, DimSet } from "./types.js";
import { dayNumber } from "./format.js";
import { withRoom } from "./typed-room.js";
import { listsMeet, valueListOf, type ValueList } from "./value-list.js";

/** A real interval (null = unbounded). */
export interface RInterval {
  lo: number | null;
  loOpen: boolean;
  hi: number | null;
  hiOpen: boolean;
}

export interface DimInfo {
  id: string;
  kind: "enum" | "money" | "number";
  /** enum: number of values. */
  size: number;
}

/** An assignment or delegation as a box over the engine's axes. */
export interface IBox {
  /** The places it takes; null: every place. */
  places: ValueList | null;
  days: { lo: number; hi: number };
  /** enum: the values it takes (null = every value); real: intervals (null = the whole line). */
  dims: (ValueList | RInterval[] | null)[];
  empty: boolean;
}

export interface Prepared {
  agreement: Agreement;
  nPlaces: number;
  /** Day range of the time axis ({0,0} without a term). */
  term: { lo: number; hi: number };
  hasTerm: boolean;
  dims: DimInfo[];
  asgBoxes: IBox[];
  delBoxes: IBox[];
  asgIndex: Map<string, number>;
  /** Per assignment index: the indices it overrides. */
  overrides: number[][];
  asgByActivity: Map<string, number[]>;
  delByActivity: Map<string, number[]>;
  partitions: Map<string, ActivityPartition>;
  analysed: string[] | null;
  /** Per assignment index, the stamp of the last live set that overrides it (liveSets); made on first use. */
  dropped?: { marks: Int32Array; stamp: number };
}

const cache = new WeakMap<Agreement, Prepared>();

export function prepared(agreement: Agreement): Prepared {
  let p = cache.get(agreement);
  if (!p) {
    p = prepare(agreement);
    cache.set(agreement, p);
  }
  return p;
}

function dimInfos(agreement: Agreement): DimInfo[] {
  return agreement.dimensions.map((d) => ({
    id: d.id,
    kind: d.type,
    size: d.type === "enum" ? (d.values?.length ?? 0) : 0,
  }));
}

/** Name → first position, per list of names (places, enum values), built once per list. */
const positionMaps = new WeakMap<readonly string[], Map<string, number>>();
export function positions(names: readonly string[]): Map<string, number> {
  let m = positionMaps.get(names);
  if (!m) {
    m = new Map();
    names.forEach((name, k) => {
      if (!m!.has(name)) m!.set(name, k);
    });
    positionMaps.set(names, m);
  }
  return m;
}

function toDims(
  valueIndexes: readonly (Map<string, number> | undefined)[],
  dims: DimInfo[],
  ranges: { [k: string]: DimensionRange } | undefined,
): { dims: (ValueList | RInterval[] | null)[]; empty: boolean } {
  // Indexed loops and no closures: this runs once per assignment, mostly before the engine has optimised it.
  let empty = false;
  const out: (ValueList | RInterval[] | null)[] = [];
  for (let i = 0; i < dims.length; i++) out.push(null); // packed, as every box's
  for (let i = 0; i < dims.length; i++) {
    const d = dims[i]!;
    const r = ranges?.[d.id];
    if (!r) continue;
    if (d.kind === "enum") {
      if (r.type !== "values") continue;
      const taken = valueListOf(r.values, valueIndexes[i]!, d.size);
      if (taken.empty) empty = true;
      out[i] = taken.list;
      continue;
    }
    if (r.type !== "intervals") continue;
    // A range over the whole domain (the compiler writes `(-∞, ∞)`, or `[0, ∞)` for money, for a
    // dimension an assignment does not restrict) restricts nothing: it adds no boundary.
    let whole = false;
    for (let j = 0; j < r.intervals.length && !whole; j++) whole = coversDomain(r.intervals[j]!, d.kind);
    if (whole) continue;
    const ivs: RInterval[] = [];
    for (let j = 0; j < r.intervals.length; j++) {
      const c = clampInterval(r.intervals[j]!, d.kind);
      if (c) ivs.push(c);
    }
    if (ivs.length === 0) empty = true;
    out[i] = ivs;
  }
  return { dims: out, empty };
}

/** Whether an interval, clamped to the dimension's domain, is the whole domain. */
function coversDomain(iv: Interval, kind: "money" | "number" | "enum"): boolean {
  if (iv.hi !== null) return false;
  if (iv.lo === null) return true;
  return kind === "money" && (iv.lo < 0 || (iv.lo === 0 && !iv.loOpen));
}

/**
 * Whether two boxes share a point: exactly when some cell of a partition holding both has both
 * applicable, found from the boxes alone (no walk through the cells where they overlap).
 */
export function boxesMeet(a: IBox, b: IBox): boolean {
  if (a.empty || b.empty) return false;
  if (a.places !== null && b.places !== null && !listsMeet(a.places, b.places)) return false;
  if (Math.max(a.days.lo, b.days.lo) > Math.min(a.days.hi, b.days.hi)) return false;
  for (let k = 0; k < a.dims.length; k++) {
    const x = a.dims[k]!;
    const y = b.dims[k]!;
    if (x === null || y === null) continue;
    if (x instanceof Int32Array) {
      if (!listsMeet(x, y as ValueList)) return false;
    } else if (!x.some((i) => (y as RInterval[]).some((j) => intersectReal(i, j) !== null))) return false;
  }
  return true;
}

/** The common part of two real intervals (null: none); ends open or closed, null unbounded. */
export function intersectReal(a: RInterval, b: RInterval): Extract<DimSet, { kind: "real" }> | null {
  let lo: number | null;
  let loOpen: boolean;
  if (a.lo === null) ({ lo, loOpen } = b);
  else if (b.lo === null) ({ lo, loOpen } = a);
  else if (a.lo > b.lo) ({ lo, loOpen } = a);
  else if (b.lo > a.lo) ({ lo, loOpen } = b);
  else ((lo = a.lo), (loOpen = a.loOpen || b.loOpen));
  let hi: number | null;
  let hiOpen: boolean;
  if (a.hi === null) ({ hi, hiOpen } = b);
  else if (b.hi === null) ({ hi, hiOpen } = a);
  else if (a.hi < b.hi) ({ hi, hiOpen } = a);
  else if (b.hi < a.hi) ({ hi, hiOpen } = b);
  else ((hi = a.hi), (hiOpen = a.hiOpen || b.hiOpen));
  if (lo !== null && hi !== null && (lo > hi || (lo === hi && (loOpen || hiOpen)))) return null;
  return { kind: "real", lo, loOpen, hi, hiOpen };
}

/** Clamp to the dimension's domain (money: [0, ∞)); null when empty. */
export function clampInterval(iv: Interval | RInterval, kind: "money" | "number" | "enum"): RInterval | null {
  let { lo, loOpen, hi, hiOpen } = iv;
  if (lo === null) loOpen = true;
  if (hi === null) hiOpen = true;
  if (kind === "money" && (lo === null || lo < 0)) {
    lo = 0;
    loOpen = false;
  }
  if (lo !== null && hi !== null) {
    if (lo > hi) return null;
    if (lo === hi && (loOpen || hiOpen)) return null;
  }
  return { lo, loOpen, hi, hiOpen };
}

/**
 * The places of a box as a list (null: every place), made once per list of names: the compiler
 * gives every assignment at the top level one shared list of all the places, which with 2,000
 * members was a loop of 2,000 per assignment. Lists are shared between boxes and never changed.
 * Keyed by the agreement's own list of places first: a list is positions in that list.
 */
const placeLists = new WeakMap<readonly string[], WeakMap<readonly string[], { list: ValueList | null; empty: boolean }>>();
function placeListOf(agreement: Agreement, nPlaces: number, places: readonly string[]): { list: ValueList | null; empty: boolean } {
  let lists = placeLists.get(agreement.places);
  if (!lists) placeLists.set(agreement.places, (lists = new WeakMap()));
  const hit = lists.get(places);
  if (hit) return hit;
  const out = valueListOf(places, positions(agreement.places), nPlaces);
  lists.set(places, out);
  return out;
}

/** The distinct items of a list, in order: the list itself when it has one item or none (most have; a Set each was a tenth of preparing). */
function once(xs: readonly string[]): readonly string[] {
  return xs.length < 2 ? xs : [...new Set(xs)];
}

function prepare(agreement: Agreement): Prepared {
  // Indexed loops and no closures: this runs once per agreement over every assignment, mostly
  // before the engine has optimised it.
  const hasTerm = agreement.term !== null && agreement.term !== undefined;
  const term = hasTerm ? { lo: dayNumber(agreement.term!.from), hi: dayNumber(agreement.term!.to) } : { lo: 0, hi: 0 };
  const base = {
    agreement,
    nPlaces: Math.max(1, agreement.places.length),
    term,
    hasTerm,
    dims: dimInfos(agreement),
    asgIndex: new Map<string, number>(),
    overrides: [] as number[][],
    asgByActivity: new Map<string, number[]>(),
    delByActivity: new Map<string, number[]>(),
    partitions: new Map<string, ActivityPartition>(),
    analysed: null,
  };
  const A = agreement.assignments;
  const D = agreement.delegations;
  const boxes = new BoxMaker(agreement, base);
  const asgBoxes: IBox[] = [];
  for (let i = 0; i < A.length; i++) {
    const a = A[i]!;
    base.asgIndex.set(a.id, i);
    asgBoxes.push(boxes.box(a.places, a.days, a.dimensions));
  }
  const delBoxes: IBox[] = [];
  for (let i = 0; i < D.length; i++) delBoxes.push(boxes.box(null, D[i]!.days, D[i]!.dimensions));
  const overrides: number[][] = [];
  for (let i = 0; i < A.length; i++) {
    const ids = once(A[i]!.overrides);
    const out: number[] = [];
    for (let k = 0; k < ids.length; k++) {
      const j = base.asgIndex.get(ids[k]!);
      if (j !== undefined) out.push(j);
    }
    overrides.push(out);
  }
  base.overrides = overrides;
  indexByActivity(A, base.asgByActivity);
  indexByActivity(D, base.delByActivity);
  return { ...base, asgBoxes, delBoxes };
}

/** Activity → the indices of the items (assignments or delegations) that name it, in order. */
function indexByActivity(items: readonly { activities: string[] }[], out: Map<string, number[]>): void {
  for (let i = 0; i < items.length; i++) {
    const acts = once(items[i]!.activities);
    for (let k = 0; k < acts.length; k++) {
      let l = out.get(acts[k]!);
      if (!l) out.set(acts[k]!, (l = []));
      l.push(i);
    }
  }
}

/**
 * The boxes of one agreement's assignments and delegations. What most of them share is looked
 * up once: the agreement's list of every place (most assignments name none and share it) and
 * the day numbers of the dates written (the term's ends, a few schedule dates).
 */
class BoxMaker {
  private lastPlaces: readonly string[] | null = null;
  private lastList: { list: ValueList | null; empty: boolean } = { list: null, empty: false };
  private readonly dayNumbers = new Map<string, number>();
  /** Per dimension, an enum's value → position (looked up once, not per box). */
  private readonly valueIndexes: (Map<string, number> | undefined)[];

  constructor(
    private readonly agreement: Agreement,
    private readonly p: Omit<Prepared, "asgBoxes" | "delBoxes">,
  ) {
    this.valueIndexes = p.dims.map((d, i) => (d.kind === "enum" ? positions(agreement.dimensions[i]!.values ?? []) : undefined));
  }

  box(places: string[] | null, days: Days | undefined, ranges: { [k: string]: DimensionRange } | undefined): IBox {
    let placeList: ValueList | null = null;
    let empty = false;
    if (this.agreement.places.length > 0 && places !== null) {
      if (places !== this.lastPlaces) {
        this.lastList = placeListOf(this.agreement, this.p.nPlaces, places);
        this.lastPlaces = places;
      }
      placeList = this.lastList.list;
      empty = this.lastList.empty;
    }
    const d = this.days(days);
    if (d.lo > d.hi) empty = true;
    const dims = toDims(this.valueIndexes, this.p.dims, ranges);
    return { places: placeList, days: d, dims: dims.dims, empty: empty || dims.empty };
  }

  private days(days: Days | undefined): { lo: number; hi: number } {
    const { p } = this;
    const from = days?.from ?? null;
    const to = days?.to ?? null;
    if (!p.hasTerm) {
      // Without a term the time axis is one point: a box covers it unless its days are empty.
      if (from !== null && to !== null && from > to) return { lo: 1, hi: 0 };
      return { lo: 0, hi: 0 };
    }
    const lo = Math.max(from === null ? p.term.lo : this.dayNumber(from), p.term.lo);
    const hi = Math.min(to === null ? p.term.hi : this.dayNumber(to), p.term.hi);
    return { lo, hi };
  }

  private dayNumber(iso: string): number {
    let n = this.dayNumbers.get(iso);
    if (n === undefined) this.dayNumbers.set(iso, (n = dayNumber(iso)));
    return n;
  }
}

export function analysedActivities(agreement: Agreement): string[] {
  const p = prepared(agreement);
  if (p.analysed) return p.analysed;
  const set = new Set(agreement.scope.activities);
  if (!agreement.scope.explicit) for (const a of agreement.assignments) for (const act of a.activities) set.add(act);
  const out: string[] = [];
  for (const f of agreement.functions) if (set.has(f.id)) {
    out.push(f.id);
    set.delete(f.id);
  }
  for (const a of set) out.push(a);
  p.analysed = out;
  return out;
}

// ------------------------------------------------------------------ the sweep

/**
 * The elementary pieces of a real axis cut at sorted, distinct boundaries, in order: for numbers
 * (-∞, b0), then per bound {b_j}, (b_j, b_j+1) (the last one up to ∞); the whole line when there is
 * no bound. For money the same from {0} (bounds[0] is 0): the domain starts there.
 */
export function realPieces(bounds: number[], kind: "money" | "number"): RInterval[] {
  if (bounds.length === 0) return [{ lo: kind === "money" ? 0 : null, loOpen: kind !== "money", hi: null, hiOpen: true }];
  const out: RInterval[] = kind === "number" ? [{ lo: null, loOpen: true, hi: bounds[0]!, hiOpen: true }] : [];
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    out.push({ lo: b, loOpen: false, hi: b, hiOpen: false });
    out.push({ lo: b, loOpen: true, hi: i + 1 < bounds.length ? bounds[i + 1]! : null, hiOpen: true });
  }
  return out;
}

/** Whether `a` is the first n entries of `b`. */
function samePrefix(a: number[], b: number[], n: number): boolean {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameList(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface SweepCtx {
  p: Prepared;
  activity: string;
  /** live-box id → box; ids < nAsg are assignments (index into asgIdx), others delegations. */
  boxes: IBox[];
  refs: number[];
  nAsg: number;
  cells: Cell[];
  places: number[];
  days: { lo: number; hi: number };
  dims: DimSet[];
  memo: Map<number, LiveSets[]>;
  /** Per ordered axis (0: days, k + 1: dimension k), the sweep's scratch arrays. */
  scratch: AxisScratch[];
  /** Cells the sweep in declaration order may emit before kdPartition takes over. */
  budget: number;
  /** Where the k-d partition's cells go when they are not kept (see eachCellOf); null: into `cells`. */
  sink: ((cell: Cell) => void) | null;
}

const SWEEP_BUDGET_BASE = 4_000;
const SWEEP_BUDGET_PER_BOX = 8;
const KD_FIRST_BOXES = 256;
const overBudget = new Error("the sweep in declaration order is over its budget");

/** The sweep's state for one activity: its non-empty assignment boxes, then its delegation boxes. */
function sweepContext(p: Prepared, activity: string, budget: number): SweepCtx {
  const asg = (p.asgByActivity.get(activity) ?? []).filter((i) => !p.asgBoxes[i]!.empty);
  const del = (p.delByActivity.get(activity) ?? []).filter((i) => !p.delBoxes[i]!.empty);
  return {
    p,
    activity,
    boxes: [...asg.map((i) => p.asgBoxes[i]!), ...del.map((i) => p.delBoxes[i]!)],
    refs: [...asg, ...del],
    nAsg: asg.length,
    cells: [],
    places: [],
    days: { lo: 0, hi: 0 },
    dims: new Array(p.dims.length),
    memo: new Map(),
    scratch: axisScratch(p.dims.length + 1),
    budget,
    sink: null,
  };
}

/** The partition of an activity, cached for the agreement. */
export function partitionOf(agreement: Agreement, activity: string): ActivityPartition {
  const p = prepared(agreement);
  const hit = p.partitions.get(activity);
  if (hit) return hit;
  const ctx = sweepContext(p, activity, Number.POSITIVE_INFINITY);
  runPartition(ctx, null);
  const result: ActivityPartition = { activity, cells: ctx.cells };
  p.partitions.set(activity, result);
  return result;
}

/**
 * Each cell of an activity's partition, in the partition's order, given to `visit` as it is made
 * and kept by nobody: for a caller that reads each cell once and is the last to (the scan, when
 * no later check reads cells). The partition of one activity of 160,000 assignments is 866,000
 * cells; kept whole until judged, every one outlived the young generation and was copied twice.
 * A cached partition is read instead; the same cells either way.
 */
export function eachCellOf(agreement: Agreement, activity: string, visit: (cell: Cell) => void): void {
  const p = prepared(agreement);
  const hit = p.partitions.get(activity);
  if (hit) {
    for (let i = 0; i < hit.cells.length; i++) visit(hit.cells[i]!);
    return;
  }
  const ctx = sweepContext(p, activity, Number.POSITIVE_INFINITY);
  runPartition(ctx, visit);
  // The sweep in declaration order keeps its cells (at most its budget) until it knows that it
  // is not over it; the k-d partition has given them to `visit` already.
  for (let i = 0; i < ctx.cells.length; i++) visit(ctx.cells[i]!);
}

/**
 * The partition of ctx's activity: its cells into ctx.cells, or those of the k-d partition to
 * `sink` when there is one (the sweep in declaration order always keeps its own: it may be
 * abandoned for the k-d partition, and its cells with it).
 */
function runPartition(ctx: SweepCtx, sink: ((cell: Cell) => void) | null): void {
  const live = ctx.boxes.map((_, i) => i);
  // The sweep in declaration order gives cells that follow the order of the axes, which makes
  // regions read in that order; but where boxes constrain different axes in no common order
  // (a decision table), its cells multiply across axes while the live sets stay few. Past a
  // budget proportional to the boxes, the partition is rebuilt by splitting where the fewest
  // boxes are cut (kdPartition): the same live sets over the same points, in far fewer cells.
  // An activity of many boxes (a decision table) goes to the k-d partition at once: running the
  // sweep up to its budget first cost as much as the k-d partition itself.
  // Boxes that restrict a single axis cannot multiply cells across axes: the sweep gives each
  // piece of that axis once, where the k-d split would sort the boxes again at every cut (8,000
  // nested bands: 3.6 s of sorting for the same cells).
  ctx.budget = SWEEP_BUDGET_BASE + SWEEP_BUDGET_PER_BOX * ctx.boxes.length;
  if (ctx.boxes.length >= KD_FIRST_BOXES && restrictedAxes(ctx) >= 2) {
    ctx.sink = sink;
    kdPartition(ctx);
    return;
  }
  try {
    sweepPlaces(ctx, live);
  } catch (e) {
    if (e !== overBudget) throw e;
    ctx.cells = [];
    ctx.sink = sink;
    kdPartition(ctx);
  }
}

/** How many axes (places, days, each dimension) some live box of the activity restricts. */
function restrictedAxes(ctx: SweepCtx): number {
  const { lo: T0, hi: T1 } = ctx.p.term;
  let places = false;
  let days = false;
  const dims = new Array<boolean>(ctx.p.dims.length).fill(false);
  for (const b of ctx.boxes) {
    if (b.places !== null) places = true;
    if (b.days.lo > T0 || b.days.hi < T1) days = true;
    for (let k = 0; k < dims.length; k++) if (b.dims[k] !== null) dims[k] = true;
  }
  return (places ? 1 : 0) + (days ? 1 : 0) + dims.filter(Boolean).length;
}

/**
 * 0 … n-1, one frozen array per n shared by every cell that spans the whole axis (building it
 * with `Array.from` at each cell was a tenth of the analysis of many small activities).
 */
const allValuesCache = new Map<number, number[]>();
function allValues(n: number): number[] {
  let values = allValuesCache.get(n);
  if (!values) {
    values = [];
    for (let i = 0; i < n; i++) values.push(i);
    Object.freeze(values);
    allValuesCache.set(n, values);
  }
  return values;
}

/** The whole of an enum axis of n values as a cell's set: one frozen object per n, shared by every cell (cells are never mutated). */
const wholeEnumCache = new Map<number, DimSet>();
function wholeEnum(n: number): DimSet {
  let set = wholeEnumCache.get(n);
  if (!set) wholeEnumCache.set(n, (set = Object.freeze({ kind: "enum" as const, values: allValues(n) })));
  return set;
}

/** What a box takes on a discrete axis: the places (axis -1) or enum dimension `k`; null when it takes every value. */
function takenOn(b: IBox, k: number): ValueList | null {
  return k < 0 ? b.places : (b.dims[k] as ValueList | null);
}

/**
 * The values 0 … n-1 of discrete axis `k` (see takenOn) grouped by their live set, in order of
 * first value; null when no live box restricts the axis (one group of every value).
 *
 * Two values have the same live set when the same boxes restricting the axis take both: the
 * boxes that take every value are in all of them. So each box is read once, and each value's
 * restricting boxes are compared, not its whole live set (a value at a time over every box was
 * 50 passes over 160,000 boxes on one activity of 160,000 assignments at 50 places).
 */
function groupDiscrete(n: number, live: number[], boxes: IBox[], k: number): { values: number[]; live: number[] }[] | null {
  // The boxes restricting the axis: what they take, and their positions in `live` (counted, in
  // scratch: this runs at every node of the sweep, mostly on a few boxes).
  const taken = restrictingTaken;
  const positions = restrictingAt;
  let nRestricting = 0;
  for (let i = 0; i < live.length; i++) {
    const list = takenOn(boxes[live[i]!]!, k);
    if (list !== null) {
      taken[nRestricting] = list;
      positions[nRestricting++] = i;
    }
  }
  if (nRestricting === 0) return null;
  const s = groupScratch.reserve(n);
  // Each value's restricting boxes (positions, in order) in one flat list, value after value:
  // value v's from start[v] to start[v + 1].
  const start = s.start;
  start.fill(0, 0, n + 1);
  for (let r = 0; r < nRestricting; r++) {
    const list = taken[r]!;
    for (let j = 0; j < list.length; j++) start[list[j]! + 1]!++;
  }
  const cursor = s.cursor;
  for (let v = 0; v < n; v++) {
    start[v + 1]! += start[v]!;
    cursor[v] = start[v]!;
  }
  const flat = s.flatOf(start[n]!);
  for (let r = 0; r < nRestricting; r++) {
    const list = taken[r]!;
    const at = positions[r]!;
    for (let j = 0; j < list.length; j++) flat[cursor[list[j]!]!++] = at;
  }
  // Each value's group (in scratch), numbered in order of first value, found by a hash of its
  // restricting boxes: among the first few groups by looking at each, past them in a table of
  // the groups by hash (an enum of 16,000 values, each restricted by its own assignment, made
  // as many groups, each value compared with every one before it).
  // Per group (in scratch, at most one a value): its first value, its hash, its size, and the
  // group before it with the same hash (-1: none).
  const { groupOf, firstValue, hashes, counts, sameHashBefore } = s;
  let nGroups = 0;
  let byHash: Map<number, number> | null = null;
  for (let v = 0; v < n; v++) {
    let h = 0;
    for (let j = start[v]!; j < start[v + 1]!; j++) h = (Math.imul(h, 0x9e3779b1) + flat[j]! + 1) | 0;
    let x: number;
    if (byHash === null) {
      x = 0;
      while (x < nGroups && !(hashes[x] === h && sameSegment(flat, start, firstValue[x]!, v))) x++;
      if (x === nGroups) x = -1;
    } else {
      x = byHash.get(h) ?? -1;
      while (x !== -1 && !sameSegment(flat, start, firstValue[x]!, v)) x = sameHashBefore[x]!;
    }
    if (x === -1) {
      x = nGroups++;
      firstValue[x] = v;
      hashes[x] = h;
      counts[x] = 0;
      if (byHash !== null) {
        sameHashBefore[x] = byHash.get(h) ?? -1;
        byHash.set(h, x);
      } else if (nGroups > GROUPS_SCANNED) {
        byHash = new Map();
        for (let g = 0; g < nGroups; g++) {
          sameHashBefore[g] = byHash.get(hashes[g]!) ?? -1;
          byHash.set(hashes[g]!, g);
        }
      }
    }
    groupOf[v] = x;
    counts[x]!++;
  }
  // Each group's live set, in the order of `live`: the boxes that take every value (their
  // positions, ascending, found once) merged with the group's restricting ones (ascending too:
  // each value's were listed box after box). Going through the whole live set for each group was
  // groups × boxes: an enum of 32,000 values, each taken by its own assignment.
  const unrestricted = unrestrictedAt;
  let nUnrestricted = 0;
  for (let i = 0, r = 0; i < live.length; i++) {
    if (r < nRestricting && positions[r] === i) r++;
    else unrestricted[nUnrestricted++] = i;
  }
  const sub = groupLive;
  const groups: { values: number[]; live: number[] }[] = [];
  for (let x = 0; x < nGroups; x++) {
    const v = firstValue[x]!;
    let m = 0;
    let u = 0;
    let j = start[v]!;
    const end = start[v + 1]!;
    while (u < nUnrestricted || j < end) {
      const at = j === end || (u < nUnrestricted && unrestricted[u]! < flat[j]!) ? unrestricted[u++]! : flat[j++]!;
      sub[m++] = live[at]!;
    }
    groups.push({ values: NO_VALUES_YET, live: sub.slice(0, m) });
  }
  // The lists let go (they belong to the agreement analysed).
  for (let r = 0; r < nRestricting; r++) taken[r] = NOTHING_TAKEN;
  // The values in group order in one packed scratch list (a counting sort), each group's a slice
  // of it: packed like every other list of places or values (a holey one deoptimised the sweep).
  const order = groupValues;
  while (order.length < n) order.push(0);
  let from = 0;
  for (let x = 0; x < groups.length; x++) {
    const c = counts[x]!;
    counts[x] = from;
    from += c;
  }
  for (let v = 0; v < n; v++) order[counts[groupOf[v]!]!++] = v;
  for (let x = 0, at = 0; x < groups.length; x++) {
    groups[x]!.values = order.slice(at, counts[x]!);
    at = counts[x]!;
  }
  return groups;
}

/** How many groups groupDiscrete looks through one by one before it finds them by hash. */
const GROUPS_SCANNED = 8;

/** Whether values a and b have the same restricting boxes (see groupDiscrete). */
function sameSegment(flat: Int32Array, start: Int32Array, a: number, b: number): boolean {
  const length = start[a + 1]! - start[a]!;
  if (start[b + 1]! - start[b]! !== length) return false;
  for (let j = 0; j < length; j++) if (flat[start[a]! + j] !== flat[start[b]! + j]) return false;
  return true;
}

/**
 * groupDiscrete's scratch, reused by every grouping of this thread (a grouping ends before the
 * next begins; what it returns is copied out), grown by doubling: per value its group, the
 * start of its restricting boxes and a cursor; per group (at most one a value) its first value,
 * hash, size and the group before it with the same hash; the flat list of restricting boxes.
 */
class GroupScratch {
  groupOf = new Int32Array(64);
  start = new Int32Array(65);
  cursor = new Int32Array(64);
  firstValue = new Int32Array(64);
  hashes = new Int32Array(64);
  counts = new Int32Array(64);
  sameHashBefore = new Int32Array(64);
  private flat = new Int32Array(64);
  reserve(nValues: number): this {
    this.groupOf = withRoom(this.groupOf, nValues);
    this.start = withRoom(this.start, nValues + 1);
    this.cursor = withRoom(this.cursor, nValues);
    this.firstValue = withRoom(this.firstValue, nValues);
    this.hashes = withRoom(this.hashes, nValues);
    this.counts = withRoom(this.counts, nValues);
    this.sameHashBefore = withRoom(this.sameHashBefore, nValues);
    return this;
  }
  flatOf(length: number): Int32Array {
    return (this.flat = withRoom(this.flat, length));
  }
}
const groupScratch = new GroupScratch();
// What the boxes restricting the axis take and their positions, the positions of the others, the
// live set of one group as it is built, and the values in group order (packed lists, counted).
const restrictingTaken: ValueList[] = [];
const NOTHING_TAKEN: ValueList = new Int32Array(0);
const restrictingAt: number[] = [];
const unrestrictedAt: number[] = [];
/** A group's values until they are sorted into place (never written). */
const NO_VALUES_YET: number[] = [];
const groupLive: number[] = [];
const groupValues: number[] = [];

/** groupDiscrete, with the one group of every value where no live box restricts the axis. */
function discreteGroups(n: number, live: number[], boxes: IBox[], k: number): { values: number[]; live: number[] }[] {
  return groupDiscrete(n, live, boxes, k) ?? [{ values: allValues(n), live }];
}

function sweepPlaces(ctx: SweepCtx, live: number[]): void {
  for (const g of discreteGroups(ctx.p.nPlaces, live, ctx.boxes, -1)) {
    ctx.places = g.values;
    sweepDays(ctx, g.live);
  }
}

/**
 * Scratch arrays of one ordered axis of the sweep (the days, or one real dimension), reused by
 * every call on that axis: a call's arrays are dead once its segments are visited, and the
 * calls below it use the next axis' arrays. Typed, and grown by doubling: the sweep made these
 * as fresh arrays per call, a third of the analysis' allocation.
 */
class AxisScratch {
  ids = new Int32Array(16);
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  cuts = new Int32Array(32);
  bounds = new Float64Array(32);
  /** A real dimension's axis: how many bounds, the dimension's kind, and where its pieces start (see sweepDim). */
  nBounds = 0;
  kind: "money" | "number" = "number";
  off = 0;

  /** Room for n entries (ids, starts, ends) and 2n + 1 cuts and bounds; the contents are not kept. */
  reserve(n: number): void {
    this.ids = withRoom(this.ids, n);
    this.starts = withRoom(this.starts, n);
    this.ends = withRoom(this.ends, n);
    this.cuts = withRoom(this.cuts, 2 * n + 1);
    this.bounds = withRoom(this.bounds, 2 * n + 1);
  }
}

/**
 * The scratch arrays of n ordered axes, shared by every sweep of this thread: a sweep runs to
 * its end before the next starts, and making them per activity (fifteen typed arrays) cost
 * more than sweeping an activity of a few clauses.
 */
const sharedScratch: AxisScratch[] = [];
function axisScratch(n: number): AxisScratch[] {
  while (sharedScratch.length < n) sharedScratch.push(new AxisScratch());
  return sharedScratch;
}

/**
 * The live set over pieces first … last, in liveScratch (its length returned): the ids of the
 * entries covering them, in entry order, each id once. Left in scratch: most segments have the
 * live set of the one before and are merged into it, and only a new set is copied out (a live
 * set is kept by every cell it reaches).
 */
function liveOver(s: AxisScratch, n: number, first: number, last: number): number {
  // Counted, not emptied: an array's length set to 0 lets its storage go.
  const sub = liveScratch;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (s.starts[i]! > first || s.ends[i]! < last) continue;
    const id = s.ids[i]!;
    if (count === 0 || sub[count - 1] !== id) sub[count++] = id;
  }
  return count;
}
const liveScratch: number[] = [];

/**
 * The sweep along ordered axis `axis` (0: the days, k + 1: dimension k) of `nPieces` elementary
 * pieces: entry i (of n, in s) is box s.ids[i] over pieces s.starts[i] … s.ends[i]; a box may
 * have several entries, one after the other (a `!=` gives two intervals). Between consecutive
 * change points the live set is constant; each maximal segment is visited (visitSegment sweeps
 * the next axes, with their own scratch: this axis' entries stay as they are). A function, not a
 * callback: a closure per call was a ninth of the analysis's allocation.
 */
function sweepSegments(ctx: SweepCtx, axis: number, s: AxisScratch, n: number, nPieces: number): void {
  let cutCount = 1;
  s.cuts[0] = 0;
  for (let i = 0; i < n; i++) {
    if (s.starts[i]! > 0) s.cuts[cutCount++] = s.starts[i]!;
    if (s.ends[i]! + 1 < nPieces) s.cuts[cutCount++] = s.ends[i]! + 1;
  }
  cutCount = sortDistinctPrefix(s.cuts, cutCount);
  let prev: number[] | null = null;
  let prevFirst = 0;
  let prevLast = -1;
  for (let c = 0; c < cutCount; c++) {
    const first = s.cuts[c]!;
    const last = (c + 1 < cutCount ? s.cuts[c + 1]! : nPieces) - 1;
    const count = liveOver(s, n, first, last);
    if (prev && samePrefix(prev, liveScratch, count)) {
      prevLast = last;
      continue;
    }
    // Copied before the visit: the next axes' sweeps reuse the scratch.
    const sub = liveScratch.slice(0, count);
    if (prev) visitSegment(ctx, axis, s, prevFirst, prevLast, prev);
    prev = sub;
    prevFirst = first;
    prevLast = last;
  }
  if (prev) visitSegment(ctx, axis, s, prevFirst, prevLast, prev);
}

/** The next axes' sweep over pieces first … last of `axis`, where `live` is live (see sweepSegments). */
function visitSegment(ctx: SweepCtx, axis: number, s: AxisScratch, first: number, last: number, live: number[]): void {
  if (axis === 0) {
    const T0 = ctx.p.term.lo;
    ctx.days = { lo: T0 + first, hi: T0 + last };
    sweepDim(ctx, 0, live);
    return;
  }
  const k = axis - 1;
  ctx.dims[k] = pieceSpan(s.bounds, s.nBounds, s.kind, s.off, first, last);
  sweepDim(ctx, k + 1, live);
}

function sweepDays(ctx: SweepCtx, live: number[]): void {
  const { lo: T0, hi: T1 } = ctx.p.term;
  // Pieces are days here: piece i is day T0 + i.
  let restricted = false;
  for (let i = 0; i < live.length; i++) {
    const d = ctx.boxes[live[i]!]!.days;
    if (d.lo > T0 || d.hi < T1) {
      restricted = true;
      break;
    }
  }
  // No live box restricts the days (most clauses run for the whole term): one segment.
  if (!restricted) {
    ctx.days = { lo: T0, hi: T1 };
    sweepDim(ctx, 0, live);
    return;
  }
  const s = ctx.scratch[0]!;
  s.reserve(live.length);
  for (let i = 0; i < live.length; i++) {
    const d = ctx.boxes[live[i]!]!.days;
    s.ids[i] = live[i]!;
    s.starts[i] = Math.max(d.lo, T0) - T0;
    s.ends[i] = Math.min(d.hi, T1) - T0;
  }
  sweepSegments(ctx, 0, s, live.length, T1 - T0 + 1);
}

function sweepDim(ctx: SweepCtx, k: number, live: number[]): void {
  const dims = ctx.p.dims;
  if (k === dims.length) {
    emit(ctx, live);
    return;
  }
  const d = dims[k]!;
  if (d.kind === "enum") {
    const groups = groupDiscrete(d.size, live, ctx.boxes, k);
    if (groups === null) {
      ctx.dims[k] = wholeEnum(d.size);
      sweepDim(ctx, k + 1, live);
      return;
    }
    for (const g of groups) {
      ctx.dims[k] = { kind: "enum", values: g.values };
      sweepDim(ctx, k + 1, g.live);
    }
    return;
  }
  const kind = d.kind;
  const money = kind === "money";
  // Each box's intervals as piece ranges; a box with several intervals (`!=`) covers the union,
  // which one range cannot say: such a box has one entry per interval.
  let nEntries = 0;
  let restricted = false;
  for (let i = 0; i < live.length; i++) {
    const ivs = ctx.boxes[live[i]!]!.dims[k] as RInterval[] | null;
    if (ivs === null) nEntries++;
    else {
      restricted = true;
      nEntries += ivs.length;
    }
  }
  if (!restricted) {
    ctx.dims[k] = wholeLine(kind);
    sweepDim(ctx, k + 1, live);
    return;
  }
  const s = ctx.scratch[k + 1]!;
  s.reserve(nEntries);
  const bounds = s.bounds;
  let nBounds = 0;
  if (money) bounds[nBounds++] = 0;
  for (let i = 0; i < live.length; i++) {
    const ivs = ctx.boxes[live[i]!]!.dims[k] as RInterval[] | null;
    if (ivs === null) continue;
    for (let j = 0; j < ivs.length; j++) {
      const iv = ivs[j]!;
      if (iv.lo !== null && (!money || iv.lo >= 0)) bounds[nBounds++] = iv.lo;
      if (iv.hi !== null && (!money || iv.hi >= 0)) bounds[nBounds++] = iv.hi;
    }
  }
  nBounds = sortDistinctPrefix(bounds, nBounds);
  // Pieces (see realPieces): bound j is the point piece 2j+off; number only: (-∞,b0) is piece 0.
  const off = money ? 0 : 1;
  const nPieces = nBounds === 0 ? 1 : 2 * nBounds + off;
  let n = 0;
  for (let i = 0; i < live.length; i++) {
    const id = live[i]!;
    const ivs = ctx.boxes[id]!.dims[k] as RInterval[] | null;
    if (ivs === null) {
      s.ids[n] = id;
      s.starts[n] = 0;
      s.ends[n++] = nPieces - 1;
      continue;
    }
    for (let j = 0; j < ivs.length; j++) {
      const iv = ivs[j]!;
      const a = iv.lo === null ? 0 : 2 * lowerBound(bounds, iv.lo, nBounds) + off + (iv.loOpen ? 1 : 0);
      const b = iv.hi === null ? nPieces - 1 : 2 * lowerBound(bounds, iv.hi, nBounds) + off - (iv.hiOpen ? 1 : 0);
      if (a <= b) {
        s.ids[n] = id;
        s.starts[n] = a;
        s.ends[n++] = b;
      }
    }
  }
  s.nBounds = nBounds;
  s.kind = kind;
  s.off = off;
  sweepSegments(ctx, k + 1, s, n, nPieces);
}

/**
 * Sorts the first n numbers ascending and drops repeats, in place; the count left. A few (an
 * activity of a few clauses) by insertion, more by a typed-array sort (no comparator calls).
 */
function sortDistinctPrefix(xs: number[] | Int32Array | Float64Array, n: number): number {
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const x = xs[i]!;
      let j = i - 1;
      while (j >= 0 && xs[j]! > x) {
        xs[j + 1] = xs[j]!;
        j--;
      }
      xs[j + 1] = x;
    }
  } else if (Array.isArray(xs)) {
    const sorted = Float64Array.from(xs.length === n ? xs : xs.slice(0, n)).sort();
    for (let i = 0; i < n; i++) xs[i] = sorted[i]!;
  } else xs.subarray(0, n).sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (w === 0 || xs[i] !== xs[w - 1]) xs[w++] = xs[i]!;
  return w;
}

/** Sorts numbers ascending and drops repeats, in place. */
function sortDistinct(xs: number[]): void {
  xs.length = sortDistinctPrefix(xs, xs.length);
}

/** Index of the first of the first n numbers (sorted) that is >= x. */
function lowerBound(xs: ArrayLike<number>, x: number, n = xs.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A real dimension's whole domain: [0, ∞) for money, the whole line for numbers. */
export function wholeLine(kind: "money" | "number"): DimSet {
  return kind === "money" ? WHOLE_MONEY : WHOLE_NUMBER;
}
// Frozen and shared by every cell and box that spans the axis: none is ever mutated.
const WHOLE_MONEY: DimSet = Object.freeze({ kind: "real", lo: 0, loOpen: false, hi: null, hiOpen: true });
const WHOLE_NUMBER: DimSet = Object.freeze({ kind: "real", lo: null, loOpen: true, hi: null, hiOpen: true });

/**
 * The real interval from the start of piece `first` to the end of piece `last` (the pieces of
 * realPieces, worked out from their index rather than made for every piece).
 */
function pieceSpan(bounds: Float64Array, nBounds: number, kind: "money" | "number", off: number, first: number, last: number): DimSet {
  if (nBounds === 0) return wholeLine(kind);
  // Piece p - off: negative is (-∞, b0); even 2j is the point b_j; odd 2j+1 is (b_j, b_j+1), the last up to ∞.
  const q = first - off;
  let lo: number | null;
  let loOpen: boolean;
  if (q < 0) {
    lo = null;
    loOpen = true;
  } else {
    lo = bounds[q >> 1]!;
    loOpen = (q & 1) === 1;
  }
  const r = last - off;
  let hi: number | null;
  let hiOpen: boolean;
  if (r < 0) {
    hi = bounds[0]!;
    hiOpen = true;
  } else if ((r & 1) === 0) {
    hi = bounds[r >> 1]!;
    hiOpen = false;
  } else {
    const j = (r >> 1) + 1;
    hi = j < nBounds ? bounds[j]! : null;
    hiOpen = true;
  }
  return { kind: "real", lo, loOpen, hi, hiOpen };
}

interface LiveSets {
  live: number[];
  applicable: Assignment[];
  assignments: Assignment[];
  delegations: Delegation[];
}

/** The assignments and delegations of a live set, shared between the cells with that live set. */
function liveSets(ctx: SweepCtx, live: number[]): LiveSets {
  // Indexed loops here and below: this runs once per cell, much of it before the engine has
  // optimised it, and an array iterator is an object per step until then.
  let h = live.length;
  for (let i = 0; i < live.length; i++) h = (Math.imul(h, 31) + live[i]!) | 0;
  const bucket = ctx.memo.get(h);
  if (bucket) for (let b = 0; b < bucket.length; b++) if (sameList(bucket[b]!.live, live)) return bucket[b]!;
  const { p } = ctx;
  // `live` keeps the order of ctx.boxes: assignments in source order, then delegations in source order.
  const A = p.agreement.assignments;
  const D = p.agreement.delegations;
  // Built in scratch and copied at their lengths: every cell of the live set keeps them.
  // (Counted, not emptied: an array's length set to 0 lets its storage go.)
  const applying = applicableScratch;
  const delegating = delegationScratch;
  let nApplying = 0;
  let nDelegating = 0;
  let anyOverrides = false;
  for (let i = 0; i < live.length; i++) {
    const id = live[i]!;
    const ref = ctx.refs[id]!;
    if (id < ctx.nAsg) {
      applying[nApplying++] = A[ref]!;
      if (p.overrides[ref]!.length > 0) anyOverrides = true;
    } else delegating[nDelegating++] = D[ref]!;
  }
  const applicable = applying.slice(0, nApplying);
  const delegations = nDelegating === 0 ? [] : delegating.slice(0, nDelegating);
  let assignments = applicable;
  if (anyOverrides) {
    // Marks in one array per agreement with a fresh stamp per live set, rather than a Set per live set.
    p.dropped ??= { marks: new Int32Array(A.length), stamp: 0 };
    const stamp = ++p.dropped.stamp;
    const dropped = p.dropped.marks;
    for (let i = 0; i < live.length; i++) {
      if (live[i]! >= ctx.nAsg) continue;
      const over = p.overrides[ctx.refs[live[i]!]!]!;
      for (let j = 0; j < over.length; j++) dropped[over[j]!] = stamp;
    }
    nApplying = 0;
    for (let i = 0; i < live.length; i++) {
      const id = live[i]!;
      if (id < ctx.nAsg && dropped[ctx.refs[id]!] !== stamp) applying[nApplying++] = A[ctx.refs[id]!]!;
    }
    assignments = applying.slice(0, nApplying);
  }
  const e = { live, applicable, assignments, delegations };
  if (bucket) bucket.push(e);
  else ctx.memo.set(h, [e]);
  return e;
}

const applicableScratch: Assignment[] = [];
const delegationScratch: Delegation[] = [];

function emit(ctx: SweepCtx, live: number[]): void {
  if (ctx.cells.length >= ctx.budget) throw overBudget;
  pushCell(ctx, live);
}

/** The cell at the sweep's current place, days and dimensions, with its live sets (no budget: the k-d split has its own). */
function pushCell(ctx: SweepCtx, live: number[]): void {
  const e = liveSets(ctx, live);
  const cell: Cell = {
    activity: ctx.activity,
    places: ctx.places,
    days: ctx.days,
    dims: ctx.dims.slice(),
    applicable: e.applicable,
    assignments: e.assignments,
    delegations: e.delegations,
  };
  if (ctx.sink !== null) ctx.sink(cell);
  else ctx.cells.push(cell);
}

// ------------------------------------------------------------------ the k-d partition

/** The k-d partition of an activity, whatever its size (uncached; for tests that compare it with the oracle). */
export function kdPartitionOf(agreement: Agreement, activity: string): ActivityPartition {
  const p = prepared(agreement);
  const ctx = sweepContext(p, activity, 0);
  kdPartition(ctx);
  return { activity, cells: ctx.cells };
}

/**
 * The partition by recursive splitting (a k-d tree over the boxes): the discrete axes (places,
 * then enum dimensions) are grouped as in the sweep; over the ordered axes (days, then the
 * money and number dimensions) a node whose live boxes all cover it is one cell, otherwise it is
 * cut at the boundary that the fewest live boxes straddle (then the most balanced one). A clean
 * decision table is cut along its own decision tree, so cells follow the boxes, not the product
 * of every axis' boundaries.
 */
function kdPartition(ctx: SweepCtx): void {
  const { p } = ctx;
  const realDims: number[] = [];
  const enumDims: number[] = [];
  p.dims.forEach((d, k) => (d.kind === "enum" ? enumDims : realDims).push(k));
  // Ordered axes: 0 = days (pieces are days from the term's start), 1.. = real dimensions.
  const { lo: T0, hi: T1 } = p.term;
  const nAxes = 1 + realDims.length;
  const size = [T1 - T0 + 1];
  const pieceSets: RInterval[][] = [];
  const boundSets: number[][] = [];
  for (const k of realDims) {
    const money = p.dims[k]!.kind === "money";
    const bounds: number[] = money ? [0] : [];
    for (const box of ctx.boxes) {
      const ivs = box.dims[k] as RInterval[] | null;
      if (ivs !== null) for (const iv of ivs) {
        if (iv.lo !== null && (!money || iv.lo >= 0)) bounds.push(iv.lo);
        if (iv.hi !== null && (!money || iv.hi >= 0)) bounds.push(iv.hi);
      }
    }
    sortDistinct(bounds);
    const pieces = realPieces(bounds, money ? "money" : "number");
    pieceSets.push(pieces);
    boundSets.push(bounds);
    size.push(pieces.length);
  }
  // Entries: one per box and per combination of its intervals (a `!=` gives two), as piece ranges,
  // all in one flat array (entry e at e * W: lo0, hi0, lo1, hi1, …): one small typed array per
  // entry cost more to allocate, and to collect, than the whole partition.
  const W = 2 * nAxes;
  const entryBox: number[] = [];
  const flat: number[] = [];
  // Per box: each axis' piece ranges (one, or more for a `!=`), then every combination of them.
  const axisRanges: number[][] = Array.from({ length: nAxes }, () => []);
  const emitCombinations = (id: number, axis: number, prefix: number[]): void => {
    if (axis === nAxes) {
      entryBox.push(id);
      for (const x of prefix) flat.push(x);
      return;
    }
    const own = axisRanges[axis]!;
    for (let i = 0; i < own.length; i += 2) {
      prefix.push(own[i]!, own[i + 1]!);
      emitCombinations(id, axis + 1, prefix);
      prefix.length -= 2;
    }
  };
  for (let id = 0; id < ctx.boxes.length; id++) {
    const box = ctx.boxes[id]!;
    const d0 = Math.max(box.days.lo, T0) - T0;
    const d1 = Math.min(box.days.hi, T1) - T0;
    if (d0 > d1) continue;
    let combinations = 1;
    axisRanges[0]!.length = 0;
    axisRanges[0]!.push(d0, d1);
    for (let r = 0; r < realDims.length; r++) {
      const k = realDims[r]!;
      const ivs = box.dims[k] as RInterval[] | null;
      const n = size[r + 1]!;
      const bounds = boundSets[r]!;
      const off = p.dims[k]!.kind === "money" ? 0 : 1;
      const own = axisRanges[r + 1]!;
      own.length = 0;
      if (ivs === null) own.push(0, n - 1);
      else for (const iv of ivs) {
        const a = iv.lo === null ? 0 : 2 * lowerBound(bounds, iv.lo) + off + (iv.loOpen ? 1 : 0);
        const b = iv.hi === null ? n - 1 : 2 * lowerBound(bounds, iv.hi) + off - (iv.hiOpen ? 1 : 0);
        if (a <= b) own.push(a, b);
      }
      combinations *= own.length / 2;
    }
    if (combinations === 0) continue;
    if (combinations === 1) {
      // The usual case (no `!=`): the entry straight into the flat array.
      entryBox.push(id);
      for (const own of axisRanges) flat.push(own[0]!, own[1]!);
    } else emitCombinations(id, 0, []);
  }
  const ranges = Int32Array.from(flat);

  const lo = new Int32Array(nAxes);
  const hi = new Int32Array(nAxes);
  for (let a = 0; a < nAxes; a++) hi[a] = size[a]! - 1;

  // A cell's days and real intervals are values (never mutated), shared by every cell with the
  // same piece range: one object each per range, not per cell (a third of the partition's memory
  // on a long schedule of value bands, 866,000 cells).
  // Ranges are keyed by their first and last piece on the axis.
  const rangeKey = (a: number): number => lo[a]! * size[a]! + hi[a]!;
  const dayRanges = new Map<number, { lo: number; hi: number }>();
  const intervals = realDims.map(() => new Map<number, DimSet>());
  const daysOf = (): { lo: number; hi: number } => {
    const key = rangeKey(0);
    let days = dayRanges.get(key);
    if (days === undefined) dayRanges.set(key, (days = { lo: T0 + lo[0]!, hi: T0 + hi[0]! }));
    return days;
  };
  const intervalOf = (r: number): DimSet => {
    const key = rangeKey(r + 1);
    const cache = intervals[r]!;
    let interval = cache.get(key);
    if (interval === undefined) {
      const pieces = pieceSets[r]!;
      const first = pieces[lo[r + 1]!]!;
      const last = pieces[hi[r + 1]!]!;
      cache.set(key, (interval = { kind: "real", lo: first.lo, loOpen: first.loOpen, hi: last.hi, hiOpen: last.hiOpen }));
    }
    return interval;
  };
  const emitCell = (full: ArrayLike<number>) => {
    const ids: number[] = [];
    for (let i = 0; i < full.length; i++) ids.push(entryBox[full[i]!]!);
    ids.sort((x, y) => x - y);
    let w = 0;
    for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[w - 1]) ids[w++] = ids[i]!;
    ids.length = w;
    ctx.days = daysOf();
    for (let r = 0; r < realDims.length; r++) ctx.dims[realDims[r]!] = intervalOf(r);
    pushCell(ctx, ids);
  };

  const losScratch = new Int32Array(entryBox.length);
  const hisScratch = new Int32Array(entryBox.length);
  const partialScratch = new Int32Array(entryBox.length);
  // The nodes still to split, depth first, left before right: an explicit stack rather than
  // recursion, since boxes nested one inside another peel off one piece per level and a
  // recursion as deep as the boxes overflowed the stack (30,000 nested value bands). The entry
  // lists of pending nodes live in one arena used as a stack (a node's children are written
  // above it, and a node's list is dead once its subtree is done), and the pending nodes'
  // bounds in one flat array: allocating four lists and two bound arrays per node was most of
  // the partition's garbage.
  let arena = new Int32Array(Math.max(16, 2 * entryBox.length));
  const reserve = (n: number): void => {
    if (n <= arena.length) return;
    const bigger = new Int32Array(Math.max(n, 2 * arena.length));
    bigger.set(arena);
    arena = bigger;
  };
  // Per pending node: its entries' start and end in the arena, then lo and hi of every axis.
  const NODE = 2 + 2 * nAxes;
  let pending = new Int32Array(64 * NODE);
  let nPending = 0;
  const pushNode = (start: number, end: number, axis: number, loAt: number, hiAt: number): void => {
    if ((nPending + 1) * NODE > pending.length) {
      const bigger = new Int32Array(2 * pending.length);
      bigger.set(pending);
      pending = bigger;
    }
    const o = nPending++ * NODE;
    pending[o] = start;
    pending[o + 1] = end;
    for (let x = 0; x < nAxes; x++) {
      pending[o + 2 + x] = x === axis ? loAt : lo[x]!;
      pending[o + 2 + nAxes + x] = x === axis ? hiAt : hi[x]!;
    }
  };
  const split = (root: number[]): void => {
    const wholeLo = lo.slice();
    const wholeHi = hi.slice();
    reserve(root.length);
    arena.set(root, 0);
    pushNode(0, root.length, -1, 0, 0);
    while (nPending > 0) {
      const o = --nPending * NODE;
      for (let x = 0; x < nAxes; x++) {
        lo[x] = pending[o + 2 + x]!;
        hi[x] = pending[o + 2 + nAxes + x]!;
      }
      // Down to just above the pending node below it: what lay between is done (else a deep,
      // lopsided tree would leave every ancestor's list in the arena).
      let start = pending[o]!;
      let end = pending[o + 1]!;
      const floor = nPending > 0 ? pending[(nPending - 1) * NODE + 1]! : 0;
      if (start > floor) {
        arena.copyWithin(floor, start, end);
        end = floor + (end - start);
        start = floor;
      }
      splitNode(start, end);
    }
    lo.set(wholeLo);
    hi.set(wholeHi);
  };
  /** One node, its entries at arena[start, end): a cell when every entry covers it, otherwise its two halves pushed, left on top. */
  const splitNode = (start: number, end: number): void => {
    let m = 0;
    for (let i = start; i < end; i++) {
      const e = arena[i]!;
      const o = e * W;
      let covers = true;
      for (let a = 0; a < nAxes; a++) if (ranges[o + 2 * a]! > lo[a]! || ranges[o + 2 * a + 1]! < hi[a]!) {
        covers = false;
        break;
      }
      if (!covers) partialScratch[m++] = e;
    }
    if (m === 0) {
      emitCell(arena.subarray(start, end));
      return;
    }
    // The cut: position c on axis a splits the node into [lo, c-1] and [c, hi].
    let bestAxis = -1;
    let bestCut = 0;
    let bestStraddle = Number.POSITIVE_INFINITY;
    let bestSide = Number.POSITIVE_INFINITY;
    // Views of scratch buffers shared by every node (allocating them per node was a third of the time, in the collector).
    const los = losScratch.subarray(0, m);
    const his = hisScratch.subarray(0, m);
    for (let a = 0; a < nAxes; a++) {
      const L = lo[a]!;
      const H = hi[a]!;
      if (L === H) continue;
      // Only the entries bounded inside the node on this axis give cuts; those that span it
      // (most of a decision table's rules leave most columns open) straddle every cut alike,
      // so they are counted, not sorted.
      let b = 0;
      for (let i = 0; i < m; i++) {
        const o = partialScratch[i]! * W;
        const x = ranges[o + 2 * a]!;
        const y = ranges[o + 2 * a + 1]!;
        if (x <= L && y >= H) continue;
        los[b] = x > L ? x : L;
        his[b] = y < H ? y : H;
        b++;
      }
      if (b === 0) continue;
      const spanning = m - b;
      const blos = los.subarray(0, b);
      const bhis = his.subarray(0, b);
      blos.sort();
      bhis.sort();
      // Candidates in increasing order: starts above L and ends below H (as c = end + 1).
      let i = 0; // blos[0..i) < c
      let j = 0; // bhis[0..j) < c
      let c = L;
      while (true) {
        // Next candidate strictly above c.
        while (i < b && blos[i]! <= c) i++;
        while (j < b && bhis[j]! + 1 <= c) j++;
        const nextLo = i < b ? blos[i]! : Number.POSITIVE_INFINITY;
        const nextHi = j < b ? bhis[j]! + 1 : Number.POSITIVE_INFINITY;
        c = Math.min(nextLo, nextHi);
        if (c > H) break;
        let left = i;
        while (left < b && blos[left]! < c) left++;
        let ended = j;
        while (ended < b && bhis[ended]! < c) ended++;
        left += spanning;
        const straddle = left - ended;
        const side = Math.max(left, m - ended);
        if (straddle < bestStraddle || (straddle === bestStraddle && side < bestSide)) {
          bestAxis = a;
          bestCut = c;
          bestStraddle = straddle;
          bestSide = side;
        }
      }
    }
    const a = bestAxis;
    // The halves' lists above this node's: the right one first, so the left one is on top.
    reserve(end + 2 * (end - start));
    let w = end;
    for (let i = start; i < end; i++) {
      const e = arena[i]!;
      if (ranges[e * W + 2 * a + 1]! >= bestCut) arena[w++] = e;
    }
    const rightEnd = w;
    for (let i = start; i < end; i++) {
      const e = arena[i]!;
      if (ranges[e * W + 2 * a]! < bestCut) arena[w++] = e;
    }
    pushNode(end, rightEnd, a, bestCut, hi[a]!);
    pushNode(rightEnd, w, a, lo[a]!, bestCut - 1);
  };

  // Entries that meet the node on every ordered axis (the discrete grouping keeps the rest).
  const meets = (e: number): boolean => {
    const o = e * W;
    for (let a = 0; a < nAxes; a++) if (ranges[o + 2 * a]! > hi[a]! || ranges[o + 2 * a + 1]! < lo[a]!) return false;
    return true;
  };
  const discrete = (level: number, live: number[]): void => {
    if (level === 0) {
      for (const g of discreteGroups(p.nPlaces, live, ctx.boxes, -1)) {
        ctx.places = g.values;
        discrete(1, g.live);
      }
      return;
    }
    const k = enumDims[level - 1];
    if (k === undefined) {
      const inLive = new Uint8Array(ctx.boxes.length);
      for (const id of live) inLive[id] = 1;
      const entries: number[] = [];
      for (let e = 0; e < entryBox.length; e++) if (inLive[entryBox[e]!] && meets(e)) entries.push(e);
      split(entries);
      return;
    }
    for (const g of discreteGroups(p.dims[k]!.size, live, ctx.boxes, k)) {
      ctx.dims[k] = { kind: "enum", values: g.values };
      discrete(level + 1, g.live);
    }
  };
  discrete(0, ctx.boxes.map((_, i) => i));
}

export type { Assignment, Delegation };
