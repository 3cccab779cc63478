// `override-cycle` (error): a cycle of overrides among assignments. One finding per cycle (a
// strongly connected component of the overrides graph, or an assignment overriding itself), on
// its first assignment in source order, naming the chain.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { analysedActivities, assignmentRegion, firstActivityWitness, fullBox, partition, type Box } from "../space/index.js";
import { upperFirst, clauseLabel, finding, related } from "./common.js";
import { cyclicComponents } from "../graph.js";
import { prepared } from "../space/sweep.js";

/** The cycles of overrides (each in source order; in order of their first assignment). Computed once per agreement. */
export function overrideCycles(agreement: Agreement): readonly (readonly Assignment[])[] {
  let cycles = cyclesOf.get(agreement);
  if (!cycles) cyclesOf.set(agreement, (cycles = computeOverrideCycles(agreement)));
  return cycles;
}

const cyclesOf = new WeakMap<Agreement, readonly (readonly Assignment[])[]>();

function computeOverrideCycles(agreement: Agreement): Assignment[][] {
  const A = agreement.assignments;
  const n = A.length;
  // Most agreements override little: no overrides, no cycle.
  if (!A.some((a) => a.overrides.length > 0)) return [];
  // The overrides graph in flat arrays (successors of v: succ[from[v]] … succ[from[v+1]-1]):
  // the sweep's own list of whom each assignment overrides, distinct and in order.
  const overrides = prepared(agreement).overrides;
  const from = new Int32Array(n + 1);
  const edges: number[] = [];
  for (let v = 0; v < n; v++) {
    from[v] = edges.length;
    const over = overrides[v]!;
    for (let e = 0; e < over.length; e++) edges.push(over[e]!);
  }
  from[n] = edges.length;
  const comps = cyclicComponents(n, from, edges);
  return comps.sort((x, y) => x[0]! - y[0]!).map((c) => c.map((i) => A[i]!));
}

/** A cycle through the component starting at its first assignment, as labels. */
function chain(cycle: readonly Assignment[]): string[] {
  const ids = new Set(cycle.map((a) => a.id));
  const byId = new Map(cycle.map((a) => [a.id, a]));
  const start = cycle[0]!;
  const path: Assignment[] = [start];
  const seen = new Set([start.id]);
  let cur = start;
  for (;;) {
    const next = cur.overrides.find((id) => ids.has(id) && (id === start.id || !seen.has(id)));
    if (!next) break;
    if (next === start.id) {
      path.push(start);
      break;
    }
    cur = byId.get(next)!;
    seen.add(next);
    path.push(cur);
  }
  return path.map(clauseLabel);
}

export function overrideCycleDiagnostics(agreement: Agreement): Diagnostic[] {
  return overrideCycles(agreement).map((cycle) => {
    const first = cycle[0]!;
    const message =
      cycle.length === 1
        ? `${upperFirst(clauseLabel(first))} overrides itself.`
        : `Overrides form a cycle: ${chain(cycle).join(" overrides ")}; none of them can take precedence.`;
    // A witness gives a value for every dimension (DESIGN.md section 2): where the clause applies
    // after overrides, else (a clause that overrides itself, or is overridden everywhere) where its
    // own box lies; one activity (section 7).
    const region = assignmentRegion(agreement, first);
    // A clause whose own condition is empty (`value < £0`) lies nowhere: the first point of its first activity.
    const own = region.length > 0 ? region : ownRegion(agreement, first);
    const a0 = first.activities.find((a) => analysedActivities(agreement).includes(a));
    const w =
      own.length > 0
        ? firstActivityWitness(agreement, own)
        : a0 !== undefined
          ? firstActivityWitness(agreement, [fullBox(agreement, a0)])
          : { activity: first.activities[0], dimensions: {} };
    if (w.activity === undefined && !w.activities) delete w.activity;
    const d = finding("override-cycle", "error", { span: first.span, clause: first.clause }, message, {
      witness: w,
      related: cycle.slice(1).map((a) => related(a, `${clauseLabel(a)} is part of the cycle`)),
    });
    if (d.related && d.related.length === 0) delete d.related;
    return d;
  });
}

/** Where an assignment's own box lies (before overrides), as cells' boxes. */
function ownRegion(agreement: Agreement, a: Assignment): Box[] {
  const analysed = new Set(analysedActivities(agreement));
  const out: Box[] = [];
  for (const act of new Set(a.activities)) {
    if (!analysed.has(act)) continue;
    for (const cell of partition(agreement, act).cells) if (cell.applicable.some((x) => x.id === a.id)) out.push({ activity: cell.activity, places: cell.places, days: cell.days, dims: cell.dims });
  }
  return out;
}
