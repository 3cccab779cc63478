// `delegation` (warning): a `delegate … from P to Q` where P is never responsible for the
// activity (within the delegation's days and conditions), neither named nor handed the work by an
// earlier link of a chain (DESIGN.md §7), so it does nothing. One finding per
// delegation, naming every activity for which it does nothing.
import type { Agreement, Delegation } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box, Cell } from "../space/index.js";
import { analysedActivities, fullBox, firstActivityWitness, partition, placeDependent } from "../space/index.js";
import { delegationsUsedFrom, namedResponsible } from "../space/parties.js";
import { finding } from "../rules/common.js";
import { clauseRef, list, nameActivities } from "../messages.js";

export function unusedDelegationDiagnostics(agreement: Agreement): Diagnostic[] {
  const analysed = new Set(analysedActivities(agreement));
  const out: Diagnostic[] = [];
  const reached = new Map<Cell, Set<Delegation>>();
  // Each activity's cells are walked once for all its delegations (once per delegation, asking
  // each cell whether it was live there, was cubic: 4,000 delegations on one activity, 22 s).
  // Outside the analysed space nobody is responsible; the engine still partitions the activity,
  // so the witness is a point where the delegation would apply.
  const usedOn = new Map<string, Set<Delegation>>();
  const used = (activity: string): Set<Delegation> => {
    let set = usedOn.get(activity);
    if (set) return set;
    usedOn.set(activity, (set = new Set()));
    if (!analysed.has(activity)) return set;
    for (const cell of partition(agreement, activity).cells) {
      let here: Set<Delegation> | undefined;
      for (const d of cell.delegations) if (!set.has(d) && (here ??= reachedAt(agreement, cell, reached)).has(d)) set.add(d);
    }
    return set;
  };
  // Where each idle delegation is live, per activity: the cells walked again only for those.
  const liveOn = new Map<string, Map<Delegation, Box[]>>();
  const liveWhere = (activity: string): Map<Delegation, Box[]> => {
    let byDelegation = liveOn.get(activity);
    if (byDelegation) return byDelegation;
    liveOn.set(activity, (byDelegation = new Map()));
    const idle = idleOn.get(activity) ?? new Set<Delegation>();
    for (const cell of partition(agreement, activity).cells)
      for (const d of cell.delegations) {
        if (!idle.has(d)) continue;
        let boxes = byDelegation.get(d);
        if (!boxes) byDelegation.set(d, (boxes = []));
        boxes.push({ activity, places: cell.places, days: cell.days, dims: cell.dims });
      }
    return byDelegation;
  };
  const idleOn = new Map<string, Set<Delegation>>();
  for (const d of agreement.delegations)
    for (const activity of d.activities)
      if (!used(activity).has(d)) {
        let set = idleOn.get(activity);
        if (!set) idleOn.set(activity, (set = new Set()));
        set.add(d);
      }
  for (const d of agreement.delegations) {
    const idle: string[] = [];
    const region: Box[] = [];
    for (const activity of d.activities) {
      if (used(activity).has(d)) continue;
      idle.push(activity);
      for (const x of liveWhere(activity).get(d) ?? []) region.push(x);
    }
    if (idle.length === 0) continue;
    const what = nameActivities(agreement, idle);
    // A delegation that applies nowhere does nothing anywhere: the witness is the first point of its activities.
    const w = firstActivityWitness(agreement, region.length > 0 ? region : idle.map((a) => fullBox(agreement, a)));
    const never = region.length === 0 ? whyNever(agreement, d) : [];
    const outside = idle.filter((a) => !analysed.has(a));
    const but =
      never.length > 0
        ? `the delegation never applies: ${list(never)}`
        : outside.length === idle.length
          ? `${what} ${idle.length > 1 ? "lie" : "lies"} outside the agreement's scope`
          : `${d.from} is never responsible for ${what}`;
    out.push(
      finding(
        "delegation",
        "warning",
        { span: d.span, clause: d.clause },
        `${clauseRef(d.clause, "A delegation")} delegates ${what} from ${d.from} to ${d.to}, but ${but}, so the delegation does nothing.`,
        { witness: w },
      ),
    );
  }
  return out;
}

/** Why a delegation applies at no point: its days miss the term, or a condition leaves no value. */
function whyNever(agreement: Agreement, d: Delegation): string[] {
  const why: string[] = [];
  const term = agreement.term;
  if (term && d.days.from !== null && d.days.to !== null && d.days.from > d.days.to) {
    if (d.days.from > term.to) why.push(`it starts on ${d.days.from}, after the term ends on ${term.to}`);
    else why.push(`it ends on ${d.days.to}, before the term starts on ${term.from}`);
  }
  for (const dim of agreement.dimensions) {
    const r = d.dimensions[dim.id];
    if (!r) continue;
    if ((r.type === "values" && r.values.length === 0) || (r.type === "intervals" && r.intervals.length === 0)) why.push(`no ${dim.id} meets its condition`);
  }
  return why;
}

/**
 * The delegations of a cell that the work of someone named responsible (before delegations)
 * passes through at one of its places: from the named party itself, or fed by earlier links of a
 * chain. Once per cell, for every delegation asked about (asking per delegation walked every
 * chain again: a chain of 5,000 delegations took half a minute).
 */
function reachedAt(agreement: Agreement, cell: Cell, cache: Map<Cell, Set<Delegation>>): Set<Delegation> {
  const hit = cache.get(cell);
  if (hit) return hit;
  const named = new Set<string>();
  const places = placeDependent(cell) ? cell.places : cell.places.slice(0, 1);
  for (const p of places) for (const n of namedResponsible(cell, p, agreement)) named.add(n);
  const out = delegationsUsedFrom(named, cell.delegations);
  cache.set(cell, out);
  return out;
}
