// Generates a framework and an agreement of a given size as .concord text, deterministically:
// `assignments` assignments over up to 300 activities and 50 places, 2 dimensions (money, enum),
// dated clauses, per-place overrides, and a few gaps, conflicts and redundancies.

import { rng } from "./rng.js";

export interface BenchSize {
  assignments: number;
  activities: number;
  places: number;
  /**
   * How an activity's exceptions are laid out. "by-place" (the default): each exception covers a
   * place from an amount up, and a second one at the same place overrides the first (a chain),
   * so with many exceptions per place they pile up (their conflicts grow faster than the input).
   * "banded": the exceptions at a place cover consecutive value bands, as a long schedule of
   * delegated limits would; a few overlap or override nothing, so findings stay in proportion.
   */
  exceptions?: "by-place" | "banded";
}

export function sizeFor(assignments: number): BenchSize {
  return {
    assignments,
    activities: Math.max(1, Math.min(300, Math.ceil(assignments / 8))),
    places: Math.max(1, Math.min(50, Math.ceil(assignments / 400))),
  };
}

const SETTINGS = ["inpatient", "outpatient", "community"];

function money(n: number): string {
  return "£" + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

function day(offset: number): string {
  // offset days from 2025-04-01
  const d = new Date(Date.UTC(2025, 3, 1) + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export function frameworkText(size: BenchSize): string {
  const lines: string[] = [];
  lines.push(`framework bench_fw "Benchmark framework" {`);
  lines.push(`  levels system, place`);
  lines.push(`  kind trust "Trust"`);
  lines.push(`  kind board "Board"`);
  lines.push(`  role member "Member"`);
  lines.push(`  role group "Group"`);
  lines.push(`  category support "Support"`);
  lines.push(`  dimension value: money`);
  lines.push(`  dimension setting: enum { ${SETTINGS.join(", ")} }`);
  const perParent = 5;
  for (let f = 0; f * perParent < size.activities; f++) {
    const n = Math.min(perParent, size.activities - f * perParent);
    lines.push(`  function f${f} "Function ${f}" in support {`);
    for (let s = 0; s < n; s++) lines.push(`    function s${s} "Activity ${f}.${s}"`);
    lines.push(`  }`);
  }
  lines.push(`  rule R1 "Cover" {`);
  lines.push(`    must cover all functions`);
  lines.push(`    cite "Benchmark rule 1"`);
  lines.push(`  }`);
  lines.push(`  rule R2 "Responsible" {`);
  lines.push(`    should assign responsible for all functions`);
  lines.push(`  }`);
  lines.push(`}`);
  return lines.join("\n") + "\n";
}

export function activityNames(size: BenchSize): string[] {
  const out: string[] = [];
  for (let i = 0; i < size.activities; i++) out.push(`f${Math.floor(i / 5)}.s${i % 5}`);
  return out;
}

export function agreementText(size: BenchSize, frameworkFile: string, seed = 1): string {
  // The banded shape draws the same activity at every size (its threshold, its split day, whether
  // the base leaves a day uncovered), so that a series grows the schedule and nothing else.
  const r = rng(size.exceptions === "banded" ? seed : seed + size.assignments);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const acts = activityNames(size);
  const places = Array.from({ length: size.places }, (_, i) => `m${i}`);
  const L: string[] = [];
  L.push(`import "${frameworkFile}"`);
  L.push(``);
  L.push(`agreement bench "Benchmark agreement" {`);
  L.push(`  conforms to bench_fw`);
  L.push(`  term 2025-04-01 to 2030-03-31`);
  L.push(`  review every 12 months`);
  for (const p of places) L.push(`  party ${p} "Member ${p}" kind trust role member`);
  L.push(`  party grp "Group board" kind board role group`);
  L.push(`  scope all functions`);
  let clause = 0;
  let made = 0;
  const perActivity = Math.floor(size.assignments / acts.length);
  let extra = size.assignments - perActivity * acts.length;
  for (const act of acts) {
    const k = perActivity + (extra-- > 0 ? 1 : 0);
    if (k <= 0) continue;
    const threshold = pick([10_000, 50_000, 250_000, 1_000_000]);
    const split = 100 + Math.floor(r() * 1500);
    const base: number[] = [];
    const emit = (head: string, accountable: string, responsible: string | null) => {
      clause++;
      L.push(`  clause ${clause} {`);
      L.push(`    ${head} {`);
      L.push(`      accountable ${accountable}`);
      if (responsible) L.push(`      responsible ${responsible}`);
      L.push(`    }`);
      L.push(`  }`);
      made++;
      return clause;
    };
    // The system-level base: below/above a threshold, the upper part in two dated halves.
    base.push(emit(`assign ${act} at system where value < ${money(threshold)}`, "grp", "m0"));
    if (k >= 2) base.push(emit(`assign ${act} at system where value >= ${money(threshold)} until ${day(split)}`, "grp", "m0"));
    if (k >= 3) {
      // Now and then a gap of one day, or a boundary slip that leaves one amount uncovered.
      const gapDay = r() < 0.1 ? 1 : 0;
      base.push(emit(`assign ${act} at system where value >= ${money(threshold)} from ${day(split + 1 + gapDay)}`, "grp", r() < 0.9 ? "m0" : null));
    }
    const start = Math.floor(r() * places.length);
    if (size.exceptions === "banded") {
      // Per-place exceptions over consecutive £1,000 bands (places in turn), overriding the base;
      // now and then one overrides nothing (a conflict with the base) or runs into the next band.
      for (let i = 3; i < k; i++) {
        const turn = i - 3;
        const place = places[(start + turn) % places.length]!;
        const band = Math.floor(turn / places.length);
        const lo = band * 1_000;
        const hi = lo + 1_000 + (r() < 0.01 ? 500 : 0);
        const setting = r() < 0.5 ? ` and setting in { ${pick(SETTINGS)} }` : "";
        const dated = r() < 0.3 ? ` from ${day(Math.floor(r() * 1800))}` : "";
        const overrides = r() < 0.97 ? ` overrides ${base.map((c) => `clause ${c}`).join(", ")}` : "";
        emit(`assign ${act} at place ${place} where value >= ${money(lo)} and value < ${money(hi)}${setting}${dated}${overrides}`, place, place);
      }
      continue;
    }
    // Per-place exceptions overriding the base, places in turn from a random start; a second
    // exception at the same place overrides the first one (a chain), except now and then.
    const lastAt = new Map<string, number>();
    for (let i = 3; i < k; i++) {
      const place = places[(start + i - 3) % places.length]!;
      const lo = pick([0, 5_000, 20_000, 100_000]);
      const setting = r() < 0.5 ? ` and setting in { ${pick(SETTINGS)} }` : "";
      const dated = r() < 0.3 ? ` from ${day(Math.floor(r() * 1800))}` : "";
      const over = r() < 0.97 ? [...base] : [];
      const prev = lastAt.get(place);
      if (prev !== undefined && r() < 0.95) over.push(prev);
      const overrides = over.length > 0 ? ` overrides ${over.map((c) => `clause ${c}`).join(", ")}` : "";
      const who = r() < 0.99 ? place : "grp";
      lastAt.set(place, emit(`assign ${act} at place ${place} where value >= ${money(lo)}${setting}${dated}${overrides}`, who, place));
    }
  }
  L.push(`}`);
  if (made !== size.assignments) throw new Error(`generated ${made} assignments, wanted ${size.assignments}`);
  return L.join("\n") + "\n";
}
