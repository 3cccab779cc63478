// `delegation-cycle` (error): one finding per cycle in the delegations of one activity, on
// the first delegation of the cycle in source order, naming the chain
// ("hr: eastmoor → westbridge → eastmoor"). Delegations whose days or conditions never meet
// do not form a cycle.
import type { Agreement, Delegation } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box } from "../space/index.js";
import { partition, witness } from "../space/index.js";
import { finding } from "../rules/common.js";

export function delegationCycleDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  const activities: string[] = [];
  for (const d of agreement.delegations) for (const a of d.activities) if (!activities.includes(a)) activities.push(a);
  for (const activity of activities) {
    const ds = agreement.delegations.filter((d) => d.activities.includes(activity));
    // Where every delegation of a chain is live: the engine partitions any activity, in scope or not.
    const regionOf = (chain: readonly Delegation[]): Box[] => {
      const region: Box[] = [];
      for (const cell of partition(agreement, activity).cells) {
        if (chain.every((d) => cell.delegations.includes(d))) region.push({ activity, places: cell.places, days: cell.days, dims: cell.dims });
      }
      return region;
    };
    for (const cycle of elementaryCycles(ds, (chain) => regionOf(chain).length > 0)) {
      const first = cycle[0]!;
      const chain = [first.from, ...cycle.map((d) => d.to)].join(" → ");
      out.push(
        finding(
          "delegation-cycle",
          "error",
          { span: first.span, clause: first.clause },
          `The delegations of ${activity} go round in a circle (${activity}: ${chain}): each party hands the work to the next, so who does it is never settled.`,
          {
            witness: witness(agreement, regionOf(cycle)),
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
 * first in source order and follows only later delegations. `meet` says whether a closed chain's
 * delegations have a point in common (delegations whose days or conditions never meet form no cycle).
 */
export function elementaryCycles(ds: readonly Delegation[], meet: (chain: readonly Delegation[]) => boolean = () => true): Delegation[][] {
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
