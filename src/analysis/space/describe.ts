// Regions in words a lawyer can read.
import type { Agreement, Dimension } from "../../generated/ruleset.js";
import type { Box, DimSet, Region } from "./types.js";
import { prepared } from "./sweep.js";
import { dayString, formatDimValue } from "./format.js";
import { mergeRegion } from "./region.js";

export function joinWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length === 0) return "";
  if (items.length === 1) return items[0]!;
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** "at westbridge's place", "at the places of eastmoor and westbridge"; "" for every place. */
export function describePlaces(agreement: Agreement, places: number[]): string {
  if (agreement.places.length === 0 || places.length >= agreement.places.length) return "";
  const names = places.map((k) => agreement.places[k] ?? String(k));
  if (names.length === 1) return `at ${names[0]}'s place`;
  return `at the places of ${joinWords(names)}`;
}

/** "from 2026-04-01 to 2031-03-31", "on 2026-04-01"; "" for the whole term (or no term). */
export function describeDays(agreement: Agreement, days: { lo: number; hi: number }): string {
  const p = prepared(agreement);
  if (!p.hasTerm || (days.lo <= p.term.lo && days.hi >= p.term.hi)) return "";
  if (days.lo === days.hi) return `on ${dayString(days.lo)}`;
  return `from ${dayString(days.lo)} to ${dayString(days.hi)}`;
}

/** "value is exactly £1,000,000", "setting is inpatient or outpatient"; "" for the whole domain. */
export function describeDim(dim: Dimension, d: DimSet): string {
  if (d.kind === "enum") {
    const all = dim.values?.length ?? 0;
    if (d.values.length >= all) return "";
    return `${dim.id} is ${joinWords(d.values.map((v) => formatDimValue(dim, v)), "or")}`;
  }
  const domainLo = dim.type === "money" ? 0 : null;
  const fullLo = d.lo === null || (d.lo === domainLo && !d.loOpen);
  const fullHi = d.hi === null;
  if (fullLo && fullHi) return "";
  const f = (v: number) => formatDimValue(dim, v);
  if (d.lo !== null && d.hi !== null && d.lo === d.hi) return `${dim.id} is exactly ${f(d.lo)}`;
  if (fullLo) return `${dim.id} is ${d.hiOpen ? "under" : "at most"} ${f(d.hi!)}`;
  if (fullHi) return `${dim.id} is ${d.loOpen ? "over" : "at least"} ${f(d.lo!)}`;
  if (!d.loOpen && !d.hiOpen) return `${dim.id} is from ${f(d.lo!)} to ${f(d.hi!)}`;
  return `${dim.id} is ${d.loOpen ? "over" : "at least"} ${f(d.lo!)} and ${d.hiOpen ? "under" : "at most"} ${f(d.hi!)}`;
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
