// Regions: unions of boxes. Intersection, merging into maximal boxes, membership.
import type { Agreement, Assignment, Expectation } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { Box, Cell, DimSet, Point, Region } from "./types.js";
import { analysedActivities, intersectReal, partitionOf, prepared, wholeLine } from "./sweep.js";
import { dayNumber } from "./format.js";
import { witnessImpl } from "./witness.js";
import { withRoom } from "./typed-room.js";
import { keptBy } from "./value-list.js";

type Real = Extract<DimSet, { kind: "real" }>;

export function fullBox(agreement: Agreement, activity: string): Box {
  const p = prepared(agreement);
  return {
    activity,
    places: Array.from({ length: p.nPlaces }, (_, i) => i),
    days: { ...p.term },
    dims: p.dims.map((d): DimSet =>
      d.kind === "enum"
        ? { kind: "enum", values: Array.from({ length: d.size }, (_, i) => i) }
        : wholeLine(d.kind),
    ),
  };
}

/**
 * An assignment's own box in one activity (before overrides), as a region: one box per
 * combination of its intervals (a `!=` gives two). Empty for an empty box.
 */
export function assignmentBoxRegion(agreement: Agreement, index: number, activity: string): Region {
  const p = prepared(agreement);
  const box = p.asgBoxes[index];
  if (!box || box.empty) return [];
  const whole = fullBox(agreement, activity);
  const places = box.places === null ? whole.places : keptBy(whole.places, box.places);
  let combos: DimSet[][] = [[]];
  p.dims.forEach((_, k) => {
    const own = box.dims[k];
    let options: DimSet[];
    if (own === null || own === undefined) options = [whole.dims[k]!];
    else if (own instanceof Int32Array) options = [{ kind: "enum", values: whole.dims[k]!.kind === "enum" ? keptBy((whole.dims[k] as { values: number[] }).values, own) : [] }];
    else options = own.map((iv): DimSet => ({ kind: "real", lo: iv.lo, loOpen: iv.loOpen, hi: iv.hi, hiOpen: iv.hiOpen }));
    combos = combos.flatMap((pre) => options.map((o) => [...pre, o]));
  });
  return combos.map((dims) => ({ activity, places, days: { ...box.days }, dims }));
}

function intersectSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      out.push(a[i]!);
      i++;
      j++;
    }
  }
  return out;
}

export function intersectBox(a: Box, b: Box): Box | null {
  if (a.activity !== b.activity) return null;
  const places = intersectSorted(a.places, b.places);
  if (places.length === 0) return null;
  const lo = Math.max(a.days.lo, b.days.lo);
  const hi = Math.min(a.days.hi, b.days.hi);
  if (lo > hi) return null;
  const dims: DimSet[] = [];
  for (let k = 0; k < a.dims.length; k++) {
    const x = a.dims[k]!;
    const y = b.dims[k]!;
    if (x.kind === "enum" && y.kind === "enum") {
      const v = intersectSorted(x.values, y.values);
      if (v.length === 0) return null;
      dims.push({ kind: "enum", values: v });
    } else if (x.kind === "real" && y.kind === "real") {
      const r = intersectReal(x, y);
      if (!r) return null;
      dims.push(r);
    } else return null;
  }
  return { activity: a.activity, places, days: { lo, hi }, dims };
}

export function intersectBoxes(a: Region, b: Region): Region {
  const out: Region = [];
  for (const x of a) for (const y of b) {
    const z = intersectBox(x, y);
    if (z) out.push(z);
  }
  return mergeRegion(out);
}

export function pointInBox(box: Box, pt: Point): boolean {
  if (box.activity !== pt.activity) return false;
  if (!box.places.includes(pt.place)) return false;
  if (pt.day < box.days.lo || pt.day > box.days.hi) return false;
  for (let k = 0; k < box.dims.length; k++) {
    const d = box.dims[k]!;
    const v = pt.dims[k]!;
    if (d.kind === "enum") {
      if (!d.values.includes(v)) return false;
    } else {
      // Points are finite reals: NaN would slip through every comparison below.
      if (!Number.isFinite(v)) return false;
      if (d.lo !== null && (v < d.lo || (v === d.lo && d.loOpen))) return false;
      if (d.hi !== null && (v > d.hi || (v === d.hi && d.hiOpen))) return false;
    }
  }
  return true;
}

export function pointInRegion(region: Region, pt: Point): boolean {
  return region.some((b) => pointInBox(b, pt));
}

// ------------------------------------------------------------------ merging

function axisKey(b: Box, axis: number): string {
  if (axis === 0) return listKey(b.places);
  if (axis === 1) return `${b.days.lo}:${b.days.hi}`;
  const d = b.dims[axis - 2]!;
  return d.kind === "enum" ? listKey(d.values) : `${d.loOpen ? "(" : "["}${d.lo}:${d.hi}${d.hiOpen ? ")" : "]"}`;
}

/** A box as a key: equal for boxes of the same activity and the same ranges on every axis. */
export function boxKey(b: Box): string {
  let key = b.activity;
  for (let axis = 0; axis < 2 + b.dims.length; axis++) key += `\u0000${axisKey(b, axis)}`;
  return key;
}

/**
 * A list of places or values as a key, made once per list: the cells of a partition share their
 * lists (one list of every place for all of them), and a key is as long as its list (2,000
 * members), so building it again at every merge made the merge as slow as the list was long.
 */
const listKeys = new WeakMap<readonly number[], string>();
function listKey(xs: readonly number[]): string {
  let key = listKeys.get(xs);
  if (key === undefined) listKeys.set(xs, (key = xs.join(",")));
  return key;
}

function mergeAlong(group: Box[], axis: number): Box[] {
  if (group.length < 2) return group;
  if (axis === 0) {
    const places = [...new Set(group.flatMap((b) => b.places))].sort((x, y) => x - y);
    return [{ ...group[0]!, places }];
  }
  if (axis === 1) {
    const sorted = [...group].sort((x, y) => x.days.lo - y.days.lo);
    const out: Box[] = [];
    for (const b of sorted) {
      const last = out[out.length - 1];
      if (last && last.days.hi + 1 >= b.days.lo) {
        out[out.length - 1] = { ...last, days: { lo: last.days.lo, hi: Math.max(last.days.hi, b.days.hi) } };
      } else out.push(b);
    }
    return out;
  }
  const k = axis - 2;
  const first = group[0]!.dims[k]!;
  if (first.kind === "enum") {
    const values = [...new Set(group.flatMap((b) => (b.dims[k] as { values: number[] }).values))].sort((x, y) => x - y);
    const dims = group[0]!.dims.slice();
    dims[k] = { kind: "enum", values };
    return [{ ...group[0]!, dims }];
  }
  const lo = (b: Box) => (b.dims[k] as Real).lo;
  const sorted = [...group].sort((x, y) => {
    const a = lo(x);
    const c = lo(y);
    if (a === c) return ((x.dims[k] as Real).loOpen ? 1 : 0) - ((y.dims[k] as Real).loOpen ? 1 : 0);
    if (a === null) return -1;
    if (c === null) return 1;
    return a - c;
  });
  const out: Box[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last) {
      const l = last.dims[k] as Real;
      const r = b.dims[k] as Real;
      if (l.hi !== null && r.lo !== null && l.hi === r.lo && !(l.hiOpen && r.loOpen)) {
        const dims = last.dims.slice();
        dims[k] = { kind: "real", lo: l.lo, loOpen: l.loOpen, hi: r.hi, hiOpen: r.hiOpen };
        out[out.length - 1] = { ...last, dims };
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/**
 * Merge disjoint boxes into maximal boxes: repeatedly join boxes equal on every axis but one.
 * Each box's axes are interned once as small integers (an axis only changes when boxes merge
 * along it), so grouping costs integer hashing rather than building strings of every axis.
 */
export function mergeRegion(region: Region): Region {
  if (maximal.has(region)) return region;
  if (region.length < 2) return region.slice();
  let boxes = region.slice();
  const nAxes = 2 + boxes[0]!.dims.length;
  const interned = new Map<string, number>();
  // Cells share their axes' objects (a list of places, a range of days, an interval: values,
  // never changed), so most axes are found by the object before a key is written out for them.
  const internedObjects = new Map<object, number>();
  const intern = (b: Box, axis: number): number => {
    const o: object = axis === 0 ? b.places : axis === 1 ? b.days : b.dims[axis - 2]!;
    let id = internedObjects.get(o);
    if (id !== undefined) return id;
    const key = axisKey(b, axis);
    id = interned.get(key);
    if (id === undefined) interned.set(key, (id = interned.size));
    internedObjects.set(o, id);
    return id;
  };
  // Each box's axes in one flat list (box i at i * nAxes), and a second one the next pass
  // writes: a typed list per box was 180,000 small objects to reach through.
  let ids = new Int32Array(boxes.length * nAxes);
  let nextIds = new Int32Array(boxes.length * nAxes);
  for (let i = 0; i < boxes.length; i++) for (let a = 0; a < nAxes; a++) ids[i * nAxes + a] = intern(boxes[i]!, a);
  const sameWithout = (x: number, y: number, axis: number): boolean => {
    for (let a = 0; a < nAxes; a++) if (a !== axis && ids[x * nAxes + a] !== ids[y * nAxes + a]) return false;
    return true;
  };
  for (let round = 0; round < 8; round++) {
    const before = boxes.length;
    for (let axis = nAxes - 1; axis >= 0; axis--) {
      // Groups of boxes equal on every other axis (the activity is the same within a region's
      // merge only when it is equal: it is part of the key), numbered in order of first
      // appearance. Found in an open-addressed table of typed arrays: a Map of a list per box
      // was most of a merge of 180,000 gap boxes, and its garbage slowed the rest.
      const n = boxes.length;
      const s = mergeScratch.reserve(n);
      let cap = 64;
      while (cap < 2 * n) cap *= 2;
      const table = s.table.subarray(0, cap).fill(-1);
      const mask = cap - 1;
      let nGroups = 0;
      for (let i = 0; i < n; i++) {
        let h = 0;
        for (let a = 0, at = i * nAxes; a < nAxes; a++, at++) if (a !== axis) h = (Math.imul(h, 0x9e3779b1) + ids[at]! + 1) | 0;
        const act = boxes[i]!.activity;
        let slot = (h ^ (h >>> 15)) & mask;
        let g = table[slot]!;
        while (g !== -1) {
          const first = s.firstOf[g]!;
          if (s.hashOf[g] === h && boxes[first]!.activity === act && sameWithout(first, i, axis)) break;
          slot = (slot + 1) & mask;
          g = table[slot]!;
        }
        if (g === -1) {
          g = nGroups++;
          table[slot] = g;
          s.firstOf[g] = i;
          s.hashOf[g] = h;
          s.count[g] = 0;
        }
        s.groupOf[i] = g;
        s.count[g]!++;
      }
      if (nGroups === n) continue;
      // Each group's boxes in their order, one group after another (a counting sort).
      for (let g = 0, at = 0; g < nGroups; g++) {
        s.start[g] = at;
        at += s.count[g]!;
      }
      for (let i = 0; i < n; i++) s.order[s.start[s.groupOf[i]!]! + --s.count[s.groupOf[i]!]!] = i;
      const nextBoxes: Box[] = [];
      // The next pass's axes, box by box: a box's own, or (axis changed) its group's first's.
      let written = 0;
      const copyIds = (from: number, changedAxis: number, changedTo: number): void => {
        for (let a = 0; a < nAxes; a++) nextIds[written * nAxes + a] = a === changedAxis ? changedTo : ids[from * nAxes + a]!;
        written++;
      };
      for (let g = 0; g < nGroups; g++) {
        const from = s.start[g]!;
        const to = g + 1 < nGroups ? s.start[g + 1]! : n;
        if (to - from === 1) {
          nextBoxes.push(boxes[s.firstOf[g]!]!);
          copyIds(s.firstOf[g]!, -1, 0);
          continue;
        }
        // The counting sort filled each group from its end: its boxes run backwards.
        const at: number[] = [];
        for (let j = to - 1; j >= from; j--) at.push(s.order[j]!);
        const members = at.map((i) => boxes[i]!);
        // Where a box mergeAlong left as it was came from (a Map only for a large group).
        const position = members.length > 16 ? new Map<Box, number>(members.map((m, j) => [m, j])) : undefined;
        for (const m of mergeAlong(members, axis)) {
          const j = position ? (position.get(m) ?? -1) : members.indexOf(m);
          if (j >= 0) copyIds(at[j]!, -1, 0);
          else copyIds(at[0]!, axis, intern(m, axis));
          nextBoxes.push(m);
        }
      }
      boxes = nextBoxes;
      [ids, nextIds] = [nextIds, ids];
    }
    if (boxes.length === before) {
      // Stable: merging it again gives the same boxes, so it is kept frozen and returned as it
      // is when merged again (a finding merges its region for the message, the witness and the
      // description; each merged it anew).
      Object.freeze(boxes);
      maximal.add(boxes);
      break;
    }
  }
  return boxes;
}

/**
 * mergeRegion's scratch, reused by every pass (a pass ends before the next begins): the hash
 * table of groups (a pass uses the first power of two at least twice its boxes), each box's
 * group, and each group's first box, hash, count and start in `order`, the boxes by group.
 */
class MergeScratch {
  table = new Int32Array(64);
  groupOf = new Int32Array(32);
  order = new Int32Array(32);
  firstOf = new Int32Array(32);
  hashOf = new Int32Array(32);
  count = new Int32Array(32);
  start = new Int32Array(32);
  reserve(n: number): this {
    this.groupOf = withRoom(this.groupOf, n);
    this.order = withRoom(this.order, n);
    this.firstOf = withRoom(this.firstOf, n);
    this.hashOf = withRoom(this.hashOf, n);
    this.count = withRoom(this.count, n);
    this.start = withRoom(this.start, n);
    if (this.table.length < 2 * n) {
      let cap = this.table.length;
      while (cap < 2 * n) cap *= 2;
      this.table = new Int32Array(cap);
    }
    return this;
  }
}
const mergeScratch = new MergeScratch();

/** Results of mergeRegion that no further round changes (frozen). */
const maximal = new WeakSet<Region>();

// ------------------------------------------------------------------ regions of the space

export function regionWhereImpl(agreement: Agreement, region: Region, predicate: (cell: Cell, place: number) => boolean): Region {
  const out: Box[] = [];
  for (const box of region) {
    const part = partitionOf(agreement, box.activity);
    for (const cell of part.cells) {
      const inter = intersectBox(cell, box);
      if (!inter) continue;
      const places = inter.places.filter((pl) => predicate(cell, pl));
      if (places.length === inter.places.length) out.push(inter);
      else if (places.length > 0) out.push({ ...inter, places });
    }
  }
  return mergeRegion(out);
}

export function findFailureImpl(
  agreement: Agreement,
  region: Region,
  predicate: (cell: Cell, place: number) => boolean,
): { witness: Witness; region: Region } | null {
  const failing = regionWhereImpl(agreement, region, (c, pl) => !predicate(c, pl));
  if (failing.length === 0) return null;
  return { witness: witnessImpl(agreement, failing), region: failing };
}

export function assignmentRegionImpl(agreement: Agreement, assignment: Assignment | string): Region {
  const a = typeof assignment === "string" ? agreement.assignments.find((x) => x.id === assignment) : assignment;
  if (!a) return [];
  const analysed = new Set(analysedActivities(agreement));
  const out: Box[] = [];
  for (const act of new Set(a.activities)) {
    if (!analysed.has(act)) continue;
    for (const cell of partitionOf(agreement, act).cells) {
      if (cell.assignments.some((x) => x.id === a.id)) out.push(boxOf(cell));
    }
  }
  return mergeRegion(out);
}

/** The bare box of a cell (without its assignments). */
export function boxOf(b: Box): Box {
  return { activity: b.activity, places: b.places, days: b.days, dims: b.dims };
}

export function expectationRegionImpl(agreement: Agreement, e: Expectation): Region {
  const box = fullBox(agreement, e.activity);
  const p = prepared(agreement);
  if (e.place !== null && e.place !== undefined && agreement.places.length > 0) {
    const k = agreement.places.indexOf(e.place);
    if (k < 0) return [];
    box.places = [k];
  }
  if (e.date !== null && e.date !== undefined && p.hasTerm) {
    const d = dayNumber(e.date);
    if (d < p.term.lo || d > p.term.hi) return [];
    box.days = { lo: d, hi: d };
  }
  for (let k = 0; k < agreement.dimensions.length; k++) {
    const dim = agreement.dimensions[k]!;
    const v = e.dimensions?.[dim.id];
    if (v === undefined) continue;
    if (dim.type === "enum") {
      const idx = (dim.values ?? []).indexOf(String(v));
      if (idx < 0) return [];
      box.dims[k] = { kind: "enum", values: [idx] };
    } else {
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isFinite(n) || (dim.type === "money" && n < 0)) return [];
      box.dims[k] = { kind: "real", lo: n, loOpen: false, hi: n, hiOpen: false };
    }
  }
  return [box];
}
