// Regions in words a lawyer can read.
import type { Agreement, Dimension } from "../../generated/ruleset.js";
import type { Box, DimSet, Region } from "./types.js";
import { prepared } from "./sweep.js";
import { dayString, formatDimValue } from "./format.js";
import { mergeRegion } from "./region.js";
import { list } from "../messages.js";

/** "at westbridge's place", "at the places of eastmoor and westbridge"; "" for every place. */
export function describePlaces(agreement: Agreement, places: number[]): string {
  if (agreement.places.length === 0 || places.length >= agreement.places.length) return "";
  const names = places.map((k) => agreement.places[k] ?? String(k));
  if (names.length === 1) return `at ${names[0]}'s place`;
  return `at the places of ${list(names)}`;
}

/** "from 2026-04-01 to 2031-03-31", "on 2026-04-01"; "" for the whole term (or no term). */
export function describeDays(agreement: Agreement, days: { lo: number; hi: number }): string {
  const p = prepared(agreement);
  if (!p.hasTerm || (days.lo <= p.term.lo && days.hi >= p.term.hi)) return "";
  if (days.lo === days.hi) return `on ${dayString(days.lo)}`;
  return `from ${dayString(days.lo)} to ${dayString(days.hi)}`;
}

/**
 * One interval of a money or number dimension in words: "exactly £1,000,000", "under £500",
 * "over -3 and at most 7"; "" when it is the dimension's whole domain (money from £0 up, numbers
 * the whole line), so an unrestricted dimension is never mentioned. Money in minor units.
 */
export function describeInterval(dim: Dimension, iv: { lo: number | null; loOpen: boolean; hi: number | null; hiOpen: boolean }): string {
  const fullLo = iv.lo === null || (dim.type === "money" && (iv.lo < 0 || (iv.lo === 0 && !iv.loOpen)));
  const fullHi = iv.hi === null;
  if (fullLo && fullHi) return "";
  const f = (v: number) => formatDimValue(dim, v);
  if (iv.lo !== null && iv.hi !== null && iv.lo === iv.hi) return `exactly ${f(iv.lo)}`;
  if (fullLo) return `${iv.hiOpen ? "under" : "at most"} ${f(iv.hi!)}`;
  if (fullHi) return `${iv.loOpen ? "over" : "at least"} ${f(iv.lo!)}`;
  if (!iv.loOpen && !iv.hiOpen) return `from ${f(iv.lo!)} to ${f(iv.hi!)}`;
  return `${iv.loOpen ? "over" : "at least"} ${f(iv.lo!)} and ${iv.hiOpen ? "under" : "at most"} ${f(iv.hi!)}`;
}

/** "value is exactly £1,000,000", "setting is inpatient or outpatient"; "" for the whole domain. */
export function describeDim(dim: Dimension, d: DimSet): string {
  if (d.kind === "enum") {
    const all = dim.values?.length ?? 0;
    if (d.values.length >= all) return "";
    return `${dim.id} is ${list(d.values.map((v) => formatDimValue(dim, v)), "or")}`;
  }
  const text = describeInterval(dim, d);
  return text ? `${dim.id} is ${text}` : "";
}

/** One box in words, without its activity; "" when it is the activity's whole space. */
export function describeBox(agreement: Agreement, b: Box): string {
  const parts: string[] = [];
  const pl = describePlaces(agreement, b.places);
  if (pl) parts.push(pl);
  const dy = describeDays(agreement, b.days);
  if (dy) parts.push(dy);
  const where = agreement.dimensions.map((dim, k) => describeDim(dim, b.dims[k]!)).filter((s) => s !== "");
  if (where.length > 0) parts.push(`where ${where.join(" and ")}`);
  return parts.join(", ");
}

const MAX_BOXES = 4;

/** Whether a box is its activity's whole space. */
function isFull(agreement: Agreement, b: Box): boolean {
  const p = prepared(agreement);
  if (b.places.length < p.nPlaces) return false;
  if (p.hasTerm && (b.days.lo > p.term.lo || b.days.hi < p.term.hi)) return false;
  return b.dims.every((d, k) => {
    if (d.kind === "enum") return d.values.length >= p.dims[k]!.size;
    const domainLo = p.dims[k]!.kind === "money" ? 0 : null;
    return (d.lo === null || (d.lo === domainLo && !d.loOpen)) && d.hi === null;
  });
}

export function describeRegionImpl(agreement: Agreement, region: Region): string {
  if (region.length === 0) return "nowhere";
  const merged = region.length > 1 ? mergeRegion(region) : region;
  if (merged.some((b) => isFull(agreement, b))) return "everywhere";
  const texts: string[] = [];
  let shown = 0;
  for (const b of merged) {
    if (texts.length === MAX_BOXES) break;
    shown++;
    const t = describeBox(agreement, b);
    if (!texts.includes(t)) texts.push(t);
  }
  const rest = merged.length - shown;
  if (rest <= 0) return texts.join("; and ");
  return `${texts.join("; and ")}; and in ${rest} other ${rest === 1 ? "part" : "parts"} of the space`;
}
