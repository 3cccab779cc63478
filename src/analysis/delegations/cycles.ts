// `delegation-cycle` (error): one finding per cycle in the delegations of one activity, on
// the first delegation of the cycle in source order, naming the chain
// ("hr: eastmoor → westbridge → eastmoor"). Delegations whose days or conditions never meet
// do not form a cycle.
import type { Agreement, Delegation, DimensionRange, Interval } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box } from "../space/index.js";
import { analysedActivities, partition, witness } from "../space/index.js";
import { finding } from "../rules/common.js";


export function delegationCycleDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  const activities: string[] = [];
  for (const d of agreement.delegations) for (const a of d.activities) if (!activities.includes(a)) activities.push(a);
  for (const activity of activities) {
    const ds = agreement.delegations.filter((d) => d.activities.includes(activity));
    for (const cycle of elementaryCycles(ds)) {
      const first = cycle[0]!;
      const region: Box[] = [];
      if (analysedActivities(agreement).includes(activity)) {
        for (const cell of partition(agreement, activity).cells) {
          if (cycle.every((d) => cell.delegations.some((x) => x.id === d.id))) {
            region.push({ activity, places: cell.places, days: cell.days, dims: cell.dims });
          }
        }
      }
      const w = region.length > 0 ? witness(agreement, region) : { activity, dimensions: {} };
      const chain = [first.from, ...cycle.map((d) => d.to)].join(" → ");
      out.push(
        finding(
          "delegation-cycle",
          "error",
          { span: first.span, clause: first.clause },
          `The delegations of ${activity} go round in a circle (${activity}: ${chain}): each party hands the work to the next, so who does it is never settled.`,
          {
            witness: w,
            related: cycle.slice(1).map((d) => ({
              span: d.span,
              message: `${d.clause ? `clause ${d.clause} ` : ""}delegates ${activity} from ${d.from} to ${d.to}`,
            })),
          },
        ),
      );
    }
  }
  return out;
}

/**
 * Every elementary cycle (no party twice), each once: it starts at its delegation that comes
 * first in source order and follows only later delegations.
 */
export function elementaryCycles(ds: readonly Delegation[]): Delegation[][] {
  const cycles: Delegation[][] = [];
  ds.forEach((start, i) => {
    const path: Delegation[] = [start];
    const seen = new Set<string>([start.from]);
    const walk = (at: string): void => {
      if (at === start.from) {
        if (meet(path)) cycles.push([...path]);
        return;
      }
      if (seen.has(at)) return;
      seen.add(at);
      for (let j = i + 1; j < ds.length; j++) {
        const d = ds[j]!;
        if (d.from !== at) continue;
        path.push(d);
        walk(d.to);
        path.pop();
      }
      seen.delete(at);
    };
    walk(start.to);
  });
  return cycles;
}

/** Whether the days and conditions of every delegation in the chain have a point in common. */
function meet(chain: readonly Delegation[]): boolean {
  let from: string | null = null;
  let to: string | null = null;
  for (const d of chain) {
    if (d.days.from !== null && (from === null || d.days.from > from)) from = d.days.from;
    if (d.days.to !== null && (to === null || d.days.to < to)) to = d.days.to;
  }
  if (from !== null && to !== null && from > to) return false;
  const dims = new Set<string>();
  for (const d of chain) for (const k of Object.keys(d.dimensions)) dims.add(k);
  for (const k of dims) {
    const ranges = chain.map((d) => d.dimensions[k]).filter((r): r is DimensionRange => r !== undefined);
    if (ranges.length === 0) continue;
    if (ranges[0]!.type === "values") {
      let vals = new Set(ranges[0]!.values);
      for (const r of ranges.slice(1)) if (r.type === "values") vals = new Set(r.values.filter((v) => vals.has(v)));
      if (vals.size === 0) return false;
    } else {
      let ivs: Interval[] = ranges[0]!.intervals;
      for (const r of ranges.slice(1)) if (r.type === "intervals") ivs = intersectIntervals(ivs, r.intervals);
      if (ivs.length === 0) return false;
    }
  }
  return true;
}

function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      let lo = x.lo;
      let loOpen = x.loOpen;
      if (y.lo !== null && (lo === null || y.lo > lo || (y.lo === lo && y.loOpen))) {
        lo = y.lo;
        loOpen = y.loOpen || (x.lo === y.lo && x.loOpen);
      }
      let hi = x.hi;
      let hiOpen = x.hiOpen;
      if (y.hi !== null && (hi === null || y.hi < hi || (y.hi === hi && y.hiOpen))) {
        hi = y.hi;
        hiOpen = y.hiOpen || (x.hi === y.hi && x.hiOpen);
      }
      if (lo !== null && hi !== null && (lo > hi || (lo === hi && (loOpen || hiOpen)))) continue;
      out.push({ lo, loOpen, hi, hiOpen });
    }
  }
  return out;
}

