// The data of the space engine: axes, boxes, cells, regions. See index.ts for the API.
import type { Agreement, Assignment, Delegation } from "../../generated/ruleset.js";

/**
 * A range of one dimension inside a box.
 * - `enum`: a set of value indices (into `Dimension.values`, declaration order), sorted, non-empty in a cell.
 * - `real`: one interval of the real line (money in MINOR units); `null` bounds are unbounded.
 *   For money, the domain starts at 0 (closed), so a cell's `lo` is never null for money.
 */
export type DimSet =
  | { kind: "enum"; values: number[] }
  | { kind: "real"; lo: number | null; loOpen: boolean; hi: number | null; hiOpen: boolean };

/**
 * A box of one activity's space: a product of one set per axis.
 * - `places`: sorted indices into `agreement.places`; when the agreement has no members the place
 *   axis is one point and `places` is `[0]` (see `placeName`, which gives `null` then).
 * - `days`: inclusive range of day numbers (days since 1970-01-01, see `dayNumber`/`dayString`);
 *   when the agreement has no term the time axis is one point and `days` is `{ lo: 0, hi: 0 }`.
 * - `dims`: one entry per `agreement.dimensions`, same order.
 */
export interface Box {
  activity: string;
  places: number[];
  days: { lo: number; hi: number };
  dims: DimSet[];
}

/** A set of points: a union of disjoint boxes (possibly of several activities). */
export type Region = Box[];

/**
 * One cell of the partition of an activity's space: within it the set of applicable assignments,
 * the assignments that apply after overrides, and the live delegations are constant.
 * Cells of one activity are disjoint and together cover its whole space. Cells (and the arrays
 * they hold, shared between cells with the same live set) are cached: never mutate them.
 * `accountableAt` / `responsibleAt` give the parties at one of its places (they may differ between
 * its places only through `each member`, i.e. `PartyAt.place`).
 */
export interface Cell extends Box {
  /** Assignments whose box contains the cell, in source order, before overrides. */
  applicable: Assignment[];
  /** Assignments that apply after overrides (DESIGN.md section 2 rule 1), in source order. */
  assignments: Assignment[];
  /** Delegations (of this activity) whose box contains the cell, in source order. */
  delegations: Delegation[];
}

/** The partition of one activity's space. */
export interface ActivityPartition {
  activity: string;
  cells: Cell[];
}

/** A single point of the space, in engine coordinates (used by tests and the oracle). */
export interface Point {
  activity: string;
  /** Index into `agreement.places` (0 when the agreement has no members). */
  place: number;
  /** Day number (0 when there is no term). */
  day: number;
  /** Per dimension: the enum value index, or the real value (money in minor units). */
  dims: number[];
}

/** Convenience: the agreement a region/partition belongs to (the engine caches per agreement object). */
export type AgreementLike = Agreement;
