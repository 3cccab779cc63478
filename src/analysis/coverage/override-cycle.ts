// `override-cycle` (error): a cycle of overrides among assignments. One finding per cycle (a
// strongly connected component of the overrides graph, or an assignment overriding itself), on
// its first assignment in source order, naming the chain.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { analysedActivities, assignmentRegion, firstActivityWitness, fullBox, partition, type Box } from "../space/index.js";
import { upperFirst, clauseLabel, finding, related } from "./common.js";

/** The cycles of overrides (each in source order; in order of their first assignment). Computed once per agreement. */
export function overrideCycles(agreement: Agreement): readonly (readonly Assignment[])[] {
  let cycles = cyclesOf.get(agreement);
  if (!cycles) cyclesOf.set(agreement, (cycles = computeOverrideCycles(agreement)));
  return cycles;
}

const cyclesOf = new WeakMap<Agreement, readonly (readonly Assignment[])[]>();

function computeOverrideCycles(agreement: Agreement): Assignment[][] {
  const A = agreement.assignments;
  // Most agreements override little: no overrides, no cycle.
  if (!A.some((a) => a.overrides.length > 0)) return [];
  const idx = new Map(A.map((a, i) => [a.id, i]));
  const none: number[] = [];
  const succ = A.map((a) => (a.overrides.length === 0 ? none : [...new Set(a.overrides)].map((id) => idx.get(id)).filter((x): x is number => x !== undefined)));
  // Tarjan, iterative.
  const index = new Array<number>(A.length).fill(-1);
  const low = new Array<number>(A.length).fill(0);
  const onStack = new Array<boolean>(A.length).fill(false);
  const stack: number[] = [];
  const comps: number[][] = [];
  let counter = 0;
  for (let root = 0; root < A.length; root++) {
    // A root with no overrides is a component of its own and no cycle.
    if (index[root] !== -1 || succ[root]!.length === 0) continue;
    const work: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const [v, i] = top;
      if (i < succ[v]!.length) {
        top[1]++;
        const w = succ[v]![i]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push([w, 0]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
      } else {
        work.pop();
        if (work.length > 0) {
          const u = work[work.length - 1]![0];
          low[u] = Math.min(low[u]!, low[v]!);
        }
        if (low[v] === index[v]) {
          const comp: number[] = [];
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = false;
            comp.push(w);
          } while (w !== v);
          if (comp.length > 1 || succ[v]!.includes(v)) comps.push(comp.sort((x, y) => x - y));
        }
      }
    }
  }
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
