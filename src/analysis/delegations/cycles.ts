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
 *
 * As in Johnson's algorithm, a start is tried only where a cycle can be. Cycles stay inside a
 * strongly connected component of the parties; the first delegation of a component starts the
 * cycles through it, then it is out of the graph and the rest of that component is split into
 * components again. The search from a start follows only delegations of its component. Trying
 * every delegation as a start walked a ring of n delegations n times round (5,000: 2.7 s,
 * 10,000: 11 s); splitting the whole graph again after each start made 2,500 separate pairs
 * quadratic instead.
 */
export function elementaryCycles(ds: readonly Delegation[], meet: (chain: readonly Delegation[]) => boolean = () => true): Delegation[][] {
  const party = new Map<string, number>();
  for (const d of ds) for (const p of [d.from, d.to]) if (!party.has(p)) party.set(p, party.size);
  const from = ds.map((d) => party.get(d.from)!);
  const to = ds.map((d) => party.get(d.to)!);
  // The delegations of each party, in source order: party v's are order[firstOut[v]] … order[firstOut[v+1]-1].
  const order = ds.map((_, j) => j).sort((x, y) => from[x]! - from[y]! || x - y);
  const firstOut = new Int32Array(party.size + 1);
  for (const j of order) firstOut[from[j]! + 1]!++;
  for (let v = 0; v < party.size; v++) firstOut[v + 1]! += firstOut[v]!;
  const local = new Int32Array(party.size).fill(-1); // a party's index within the delegations being split
  const componentOf = new Int32Array(party.size).fill(-1);

  /**
   * The delegations of `positions` (in source order) that lie inside a strongly connected
   * component of the parties they join, grouped by component, each group in source order.
   */
  const split = (positions: readonly number[]): number[][] => {
    const parties: number[] = [];
    for (const j of positions) for (const v of [from[j]!, to[j]!]) if (local[v] === -1) local[v] = parties.push(v) - 1;
    const firstEdge = new Int32Array(parties.length + 1);
    for (const j of positions) firstEdge[local[from[j]!]! + 1]!++;
    for (let v = 0; v < parties.length; v++) firstEdge[v + 1]! += firstEdge[v]!;
    const fill = firstEdge.slice(0, parties.length);
    const heads = new Int32Array(positions.length);
    for (const j of positions) heads[fill[local[from[j]!]!]!++] = local[to[j]!]!;
    const components = cyclicComponents(parties.length, firstEdge, heads);
    components.forEach((c, k) => {
      for (const v of c) componentOf[parties[v]!] = k;
    });
    const groups: number[][] = components.map(() => []);
    for (const j of positions) {
      const k = componentOf[from[j]!]!;
      if (k !== -1 && k === componentOf[to[j]!]) groups[k]!.push(j);
    }
    for (const v of parties) local[v] = componentOf[v] = -1;
    return groups.filter((g) => g.length > 0);
  };

  // Cycles by their start; within a start, in the order the search finds them.
  const found: { start: number; cycle: Delegation[] }[] = [];
  const todo: number[][] = split(ds.map((_, j) => j));
  while (todo.length > 0) {
    const group = todo.pop()!;
    const i = group[0]!; // the first delegation of a component starts cycles; the rest is split again without it
    const member = new Set(group);
    searchFrom(i, member, (cycle) => found.push({ start: i, cycle }));
    for (const g of split(group.slice(1))) todo.push(g);
  }

  /** The cycles from delegation i through later delegations of `member` (its component). */
  function searchFrom(i: number, member: ReadonlySet<number>, emit: (cycle: Delegation[]) => void): void {
    const home = from[i]!;
    const path: Delegation[] = [ds[i]!];
    const seen = new Set<number>([home]);
    // Depth first on an explicit stack (a recursion as deep as a long chain overflowed the call
    // stack): per party on the path, the next later delegation to try.
    const frames: { k: number; end: number }[] = [];
    const enter = (v: number): void => {
      if (v === home) {
        if (meet(path)) emit([...path]);
        return;
      }
      if (seen.has(v)) return;
      seen.add(v);
      const end = firstOut[v + 1]!;
      // Only later delegations: the first position after i.
      let k = firstOut[v]!;
      let hi = end;
      while (k < hi) {
        const mid = (k + hi) >> 1;
        if (order[mid]! <= i) k = mid + 1;
        else hi = mid;
      }
      frames.push({ k, end });
    };
    enter(to[i]!);
    while (frames.length > 0) {
      const f = frames[frames.length - 1]!;
      if (f.k < f.end) {
        const j = order[f.k++]!;
        if (!member.has(j)) continue;
        path.push(ds[j]!);
        const depth = frames.length;
        enter(to[j]!);
        // A closed cycle or a party already seen: nothing pushed, the link comes off at once.
        if (frames.length === depth) path.pop();
        continue;
      }
      frames.pop();
      seen.delete(party.get(path[path.length - 1]!.to)!);
      path.pop();
    }
  }
  // Stable: the cycles of one start stay in the order they were found.
  return found.sort((x, y) => x.start - y.start).map((x) => x.cycle);
}
