// The witness of a region: its first point (DESIGN.md section 2).
import type { Agreement } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { Box, DimSet, Point, Region } from "./types.js";
import { prepared } from "./sweep.js";
import { dayString } from "./format.js";
import { distinct } from "../distinct.js";

/**
 * The lowest value of a real range as the witness takes it: the closed lower edge; one step
 * (a penny, in minor units, or one) above an open lower edge, or the midpoint when that is outside;
 * unbounded below: the upper edge, or one step below it when open; unbounded both ways: 0.
 */
export function lowestValue(d: Extract<DimSet, { kind: "real" }>): number {
  // One step is one minor unit for money (a penny: values are in pence) and one for numbers.
  const step = 1;
  if (d.lo === null) {
    // The whole real line (a `number` dimension nothing restricts here) has no lowest value and no
    // edge to stand by: we pick 0, a value every reader recognises, rather than an arbitrary one.
    if (d.hi === null) return 0;
    return d.hiOpen ? d.hi - step : d.hi;
  }
  if (!d.loOpen) return d.lo;
  const v = d.lo + step;
  if (d.hi !== null && (v > d.hi || (v === d.hi && d.hiOpen))) return (d.lo + d.hi) / 2;
  return v;
}

export function boxFirstPoint(b: Box): Point {
  return {
    activity: b.activity,
    place: b.places[0] ?? 0,
    day: b.days.lo,
    dims: b.dims.map((d) => (d.kind === "enum" ? (d.values[0] ?? 0) : lowestValue(d))),
  };
}

function comparePoints(a: Point, b: Point): number {
  if (a.place !== b.place) return a.place - b.place;
  if (a.day !== b.day) return a.day - b.day;
  for (let k = 0; k < a.dims.length; k++) if (a.dims[k] !== b.dims[k]) return a.dims[k]! - b.dims[k]!;
  return 0;
}

export function firstPointImpl(_agreement: Agreement, region: Region): Point | null {
  let best: Point | null = null;
  for (const b of region) {
    const p = boxFirstPoint(b);
    if (!best || comparePoints(p, best) < 0) best = p;
  }
  return best;
}

/**
 * Minor units (pence) in currency units: a number, or, where no double holds the amount to the
 * penny (above about £70 trillion, `9000000000000001 / 100` is 90000000000000.02), the exact
 * decimal as a string, so a witness is never a penny off.
 */
export function currencyUnits(minor: number): number | string {
  const units = minor / 100;
  if (!Number.isInteger(minor) || !Number.isSafeInteger(minor)) return units;
  const b = BigInt(minor);
  const sign = b < 0n ? "-" : "";
  const abs = b < 0n ? -b : b;
  const pence = abs % 100n;
  const exact = `${sign}${abs / 100n}${pence === 0n ? "" : "." + String(pence).padStart(2, "0").replace(/0$/, "")}`;
  return String(units) === exact ? units : exact;
}

/** A point in witness form. */
export function pointWitness(agreement: Agreement, pt: Point): Witness {
  const p = prepared(agreement);
  const w: Witness = { activity: pt.activity } as Witness;
  if (agreement.places.length > 0) w.place = agreement.places[pt.place]!;
  if (p.hasTerm) w.date = dayString(pt.day);
  w.dimensions = Object.create(null) as Witness["dimensions"]; // a dimension may be named `__proto__`
  agreement.dimensions.forEach((d, k) => {
    const v = pt.dims[k]!;
    w.dimensions[d.id] = d.type === "enum" ? (d.values?.[v] ?? String(v)) : d.type === "money" ? currencyUnits(v) : v;
  });
  return w;
}

export function witnessImpl(agreement: Agreement, region: Region): Witness {
  const pt = firstPointImpl(agreement, region);
  if (!pt) return { dimensions: {} };
  const w = pointWitness(agreement, pt);
  const acts = distinct(region.map((b) => b.activity));
  if (acts.length > 1) {
    const { activity: _drop, ...rest } = w;
    return { activities: acts, ...rest };
  }
  return w;
}
