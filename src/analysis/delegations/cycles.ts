// `delegation-cycle` (error): one finding per cycle in the delegations of one activity, on
// the first delegation of the cycle in source order, naming the chain
// ("hr: eastmoor → westbridge → eastmoor"). Delegations whose days or conditions never meet
// do not form a cycle.
import type { Agreement, Delegation } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box } from "../space/index.js";
import { partition, witness } from "../space/index.js";
import { cyclicComponents } from "../graph.js";
import { finding } from "../rules/common.js";

export function delegationCycleDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each activity's delegations in source order, the activities in order of first appearance.
  const byActivity = new Map<string, Delegation[]>();
  for (const d of agreement.delegations)
    for (const a of new Set(d.activities)) {
      let ds = byActivity.get(a);
      if (!ds) byActivity.set(a, (ds = []));
      ds.push(d);
    }
  for (const [activity, ds] of byActivity) {
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
  // The delegations grouped by party: party v's are order[firstEdge[v]] … order[firstEdge[v+1]-1],
  // positions in source order (scanning every delegation at each step made a chain of 5,000 take
  // minutes). A cycle stays inside one strongly connected component of the parties: a
  // delegation between two components starts no cycle and is never followed (a chain has none).
  const party = new Map<string, number>();
  for (const d of ds) for (const p of [d.from, d.to]) if (!party.has(p)) party.set(p, party.size);
  const order = ds.map((_, j) => j).sort((x, y) => party.get(ds[x]!.from)! - party.get(ds[y]!.from)! || x - y);
  const firstEdge = new Int32Array(party.size + 1);
  for (const j of order) firstEdge[party.get(ds[j]!.from)! + 1]!++;
  for (let v = 0; v < party.size; v++) firstEdge[v + 1]! += firstEdge[v]!;
  const component = new Int32Array(party.size).fill(-1);
  cyclicComponents(party.size, firstEdge, order.map((j) => party.get(ds[j]!.to)!)).forEach((c, k) => {
    for (const v of c) component[v] = k;
  });
  const inside = (d: Delegation): boolean => {
    const c = component[party.get(d.from)!]!;
    return c !== -1 && c === component[party.get(d.to)!];
  };
  ds.forEach((start, i) => {
    if (!inside(start)) return;
    const path: Delegation[] = [start];
    const seen = new Set<string>([start.from]);
    // Depth first on an explicit stack (a recursion as deep as a long chain overflowed the call
    // stack): per party on the path, the next later delegation to try.
    const frames: { k: number; end: number }[] = [];
    const enter = (at: string): void => {
      if (at === start.from) {
        if (meet(path)) cycles.push([...path]);
        return;
      }
      if (seen.has(at)) return;
      seen.add(at);
      const v = party.get(at)!;
      const end = firstEdge[v + 1]!;
      // Only later delegations: the first position after i.
      let k = firstEdge[v]!;
      let hi = end;
      while (k < hi) {
        const mid = (k + hi) >> 1;
        if (order[mid]! <= i) k = mid + 1;
        else hi = mid;
      }
      frames.push({ k, end });
    };
    enter(start.to);
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      if (f.k < f.end) {
        const d = ds[order[f.k++]!]!;
        if (!inside(d)) continue;
        path.push(d);
        const depth = frames.length;
        enter(d.to);
        // A closed cycle or a party already seen: nothing pushed, the link comes off at once.
        if (frames.length === depth) path.pop();
        continue;
      }
      frames.pop();
      seen.delete(path[path.length - 1]!.to);
      path.pop();
    }
  });
  return cycles;
}
