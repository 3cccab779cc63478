// The analysis engine's public API: the exact partition of an agreement's space into cells
// (the sweep of Calvanese et al.), regions over it, witnesses and region descriptions.
//
// Every function takes the rule-set `Agreement` itself; the engine caches what it computes per
// agreement object (a WeakMap), so calling `partition(agreement, a)` from several checks costs one sweep.
// Do not mutate an agreement after analysing it.
//
// Coordinates: places are indices into `agreement.places` (a single index 0 when the agreement has
// no members); days are day numbers (`dayNumber("2025-04-01")`; a single day 0 when there is no
// term); enum values are indices into the dimension's `values`; money and numbers are reals with
// open/closed ends, money in MINOR units (pence).
import type { Agreement, Assignment, Expectation } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { ActivityPartition, Box, Cell, Point, Region } from "./types.js";
import { analysedActivities as analysedActivitiesImpl, eachCellOf, partitionOf } from "./sweep.js";
import {
  accountableParties,
  responsibleParties,
  accountableAssignments,
  responsibleAssignments,
  placeDependent as placeDependentImpl,
  type Responsibility,
} from "./parties.js";
export { anyoneResponsible, firstAccountable, type FirstAccountable } from "./parties.js";
import {
  assignmentBoxRegion as assignmentBoxRegionImpl,
  assignmentRegionImpl,
  expectationRegionImpl,
  findFailureImpl,
  regionWhereImpl,
  mergeRegion as mergeRegionImpl,
  pointInRegion as pointInRegionImpl,
  intersectBoxes,
  fullBox as fullBoxImpl,
  boxKey,
} from "./region.js";
import { witnessImpl, firstPointImpl } from "./witness.js";
import { describeRegionImpl } from "./describe.js";

export type { ActivityPartition, Box, Cell, DimSet, Point, Region } from "./types.js";
export type { Responsibility } from "./parties.js";
export { formatMoney, formatDimValue, dayNumber, dayString } from "./format.js";

/**
 * The activities whose space the analysis covers: the agreement's scope (`scope.activities`;
 * when the scope is not explicit, also every activity an assignment names), in declaration order.
 */
export function analysedActivities(agreement: Agreement): string[] {
  return analysedActivitiesImpl(agreement);
}

/**
 * The partition of one activity's space into disjoint cells covering it all (places × days × every
 * dimension), each with the assignments that apply there after overrides and the live delegations.
 * Works for any activity id (one nobody assigns gives one cell with no assignments). Cached.
 */
export function partition(agreement: Agreement, activity: string): ActivityPartition {
  return partitionOf(agreement, activity);
}

/**
 * The same cells as `partition`, each given to `visit` as it is made and then let go (a cached
 * partition is read instead, and none is cached): for a caller that reads each cell once and
 * is the last to (see `scan`).
 */
export function eachCellOnce(agreement: Agreement, activity: string, visit: (cell: Cell) => void): void {
  eachCellOf(agreement, activity, visit);
}

/** The name of a place index, or null when the agreement has no members (the place axis is one point). */
export function placeName(agreement: Agreement, place: number): string | null {
  return agreement.places.length === 0 ? null : (agreement.places[place] ?? null);
}

/**
 * The distinct accountable parties (or bodies) at a cell and one of its places (a place index, as in
 * `cell.places`), from the assignments that apply there after overrides; `each member` entries
 * count only at their place. In order of first appearance (source order).
 */
export function accountableAt(cell: Cell, place: number, agreement: Agreement): string[] {
  return accountableParties(cell, place, agreement);
}

/**
 * The assignments (after overrides) that make someone accountable at a cell and place, each with
 * the parties it makes accountable there. Used for conflicts, redundancy and `make accountable` rules.
 */
export function accountableBy(cell: Cell, place: number, agreement: Agreement): { assignment: Assignment; parties: string[] }[] {
  return accountableAssignments(cell, place, agreement);
}

/**
 * The assignments (after overrides) that make someone responsible at a cell and place, each with
 * the parties it makes responsible there AFTER delegations: every live delegation `from P to Q` of
 * the cell replaces P by Q where the assignment names P (DESIGN.md section 2). All delegations apply
 * at once to the parties named, so a cycle P→Q→P swaps them rather than looping, and P→Q, P→R make
 * both responsible. Each party says whom the assignment named (`named`) and the delegation that
 * replaced them (`via`). Used for `responsible must be` and `delegation` findings.
 */
export function responsibleBy(cell: Cell, place: number, agreement: Agreement): { assignment: Assignment; parties: Responsibility[] }[] {
  return responsibleAssignments(cell, place, agreement);
}

/**
 * The distinct responsible parties at a cell and place AFTER delegations (those of `responsibleBy`
 * over every assignment), in order of first appearance.
 */
export function responsibleAt(cell: Cell, place: number, agreement: Agreement): string[] {
  return responsibleParties(cell, place, agreement);
}

/**
 * Whether the parties of `accountableBy`/`responsibleBy` can differ between the places of a cell
 * (an `each member` line). When not, the answer at `cell.places[0]` holds at all of them.
 */
export function placeDependent(cell: Cell): boolean {
  return placeDependentImpl(cell);
}

/**
 * An assignment's own box in one activity, before overrides, as a region (one box per
 * combination of its intervals). By its index in `agreement.assignments`.
 */
export function assignmentBox(agreement: Agreement, index: number, activity: string): Region {
  return assignmentBoxRegionImpl(agreement, index, activity);
}

/**
 * The region where an assignment applies after overrides (over all its analysed activities),
 * merged into maximal boxes. Empty for a shadowed assignment. Accepts the assignment or its id.
 */
export function assignmentRegion(agreement: Agreement, assignment: Assignment | string): Region {
  return assignmentRegionImpl(agreement, assignment);
}

/**
 * The region a test expectation names: its activity, `at place P` (else every place), `on DATE`
 * (else every day of the term), `where DIM = VALUE` (money in minor units; enum by name), every
 * other dimension over its whole domain. Empty when the date lies outside the term, or the place or
 * a value is unknown.
 */
export function expectationRegion(agreement: Agreement, expectation: Expectation): Region {
  return expectationRegionImpl(agreement, expectation);
}

/** The whole space of one activity as one box. */
export function fullBox(agreement: Agreement, activity: string): Box {
  return fullBoxImpl(agreement, activity);
}

/**
 * The points of `region` where `predicate` holds, as a merged region. The predicate is evaluated
 * once per (cell, place) of the partition that meets the region.
 */
export function regionWhere(
  agreement: Agreement,
  region: Region,
  predicate: (cell: Cell, place: number) => boolean,
): Region {
  return regionWhereImpl(agreement, region, predicate);
}

/**
 * The first point (see `witness`) of `region` where `predicate` FAILS, with the whole failing part
 * of the region; null when it holds everywhere in the region.
 * E.g. a test: `findFailure(ag, expectationRegion(ag, e), (cell, p) => same(accountableAt(cell, p, ag), e.expected))`.
 */
export function findFailure(
  agreement: Agreement,
  region: Region,
  predicate: (cell: Cell, place: number) => boolean,
): { witness: Witness; region: Region } | null {
  return findFailureImpl(agreement, region, predicate);
}

/** Intersection of two regions. */
export function intersect(a: Region, b: Region): Region {
  return intersectBoxes(a, b);
}

/** Merge a region's boxes into maximal boxes (adjacent boxes with equal other axes are joined). */
export function mergeRegion(region: Region): Region {
  return mergeRegionImpl(region);
}

/** Whether a point lies in a region. */
export function pointInRegion(region: Region, point: Point): boolean {
  return pointInRegionImpl(region, point);
}

/**
 * The first point of a region in engine coordinates (DESIGN.md section 2 "witness"); null if empty.
 */
export function firstPoint(agreement: Agreement, region: Region): Point | null {
  // Merged first, so that an edge the region does not have (a cell boundary another clause
  // makes) never moves the witness: unbounded below, the upper edge is the region's own.
  return firstPointImpl(agreement, mergeRegion(region));
}

/**
 * The witness of a region (DESIGN.md section 2): the first place in declaration order, then the
 * first day, then per dimension the lowest value (enum values in declaration order); an open lowest
 * edge gives one penny (money) or one (number) above it, or the midpoint if that is outside the
 * region; unbounded below, the upper edge (or one below it when open). Values in the dimension's own
 * unit (money in currency units: 1000000, 999999.5). `activity` is set when the region has one
 * activity, `activities` (in the region's order) when several. `place`/`date` are absent when the
 * agreement has no members / no term. An empty region gives a witness with no place or date.
 */
export function witness(agreement: Agreement, region: Region): Witness {
  return witnessImpl(agreement, mergeRegion(region));
}

/**
 * The witness of a finding that names several activities (DESIGN.md §7): one activity, the first
 * of the region's in declaration order, at that activity's own first point in the region.
 */
/** Each function's position in declaration order, built once per agreement (not once per finding). */
const functionOrders = new WeakMap<Agreement["functions"], ReadonlyMap<string, number>>(); // shared lists: see compile-agreement.ts
function functionOrder(agreement: Agreement): ReadonlyMap<string, number> {
  let order = functionOrders.get(agreement.functions);
  if (!order) functionOrders.set(agreement.functions, (order = new Map(agreement.functions.map((f, i) => [f.id, i]))));
  return order;
}

/** The first of `activities` in declaration order (the first given among those not declared); undefined for none. */
export function firstActivity(agreement: Agreement, activities: Iterable<string>): string | undefined {
  const order = functionOrder(agreement);
  let first: string | undefined;
  for (const a of activities) if (first === undefined || (order.get(a) ?? Infinity) < (order.get(first) ?? Infinity)) first = a;
  return first;
}

export function firstActivityWitness(agreement: Agreement, region: Region): Witness {
  const first = firstActivity(agreement, region.map((b) => b.activity));
  const boxes = first === undefined ? region : region.filter((b) => b.activity === first);
  // Several parties can hold one cell: the same box twice would keep the merge from joining its
  // neighbours, and a cell edge the region does not have would move the witness.
  const seen = new Set<string>();
  const distinct = boxes.filter((b) => {
    // By key, not JSON: the key of a list of places is made once per list (4,000 boxes, each at
    // the same 4,000 places, were 16 million numbers written out).
    const key = boxKey(b);
    return !seen.has(key) && (seen.add(key), true);
  });
  // Nothing dropped: the region itself, whose merge is kept when it was merged already (a
  // finding's region is; merging a copy again was a second merge of every finding's boxes).
  return witnessImpl(agreement, mergeRegion(distinct.length === region.length ? region : distinct));
}

/**
 * The region in words a lawyer can read, without the activity: e.g. "where value is exactly
 * £1,000,000", "from 2026-04-01 to 2031-03-31", "at westbridge's place", "where setting is inpatient
 * or outpatient"; several boxes are joined with "; and ". "everywhere" for the whole space,
 * "nowhere" for an empty region.
 */
export function describeRegion(agreement: Agreement, region: Region): string {
  return describeRegionImpl(agreement, region);
}
