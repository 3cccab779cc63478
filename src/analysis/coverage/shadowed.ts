// `shadowed` (warning): an assignment that applies nowhere — overridden everywhere, dated outside
// the term, an empty condition, or only activities outside an explicit scope.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { analysedActivities, assignmentBox, firstActivityWitness, partition, type Box, type Cell } from "../space/index.js";
import { prepared } from "../space/sweep.js";
import { upperFirst, clauseLabel, list, finding, related, scan } from "./common.js";
import { listSome } from "../messages.js";
import { overrideCycles } from "./override-cycle.js";

/**
 * Per assignment, the cells of an activity where it is applicable (before overrides), in the
 * partition's order: looked up once per shadowed assignment instead of scanning every cell.
 */
const applicableCells = new WeakMap<Agreement, Map<string, Map<Assignment, Cell[]>>>();
function cellsApplicable(agreement: Agreement, activity: string): Map<Assignment, Cell[]> {
  let byActivity = applicableCells.get(agreement);
  if (!byActivity) applicableCells.set(agreement, (byActivity = new Map()));
  let index = byActivity.get(activity);
  if (!index) {
    index = new Map();
    for (const cell of partition(agreement, activity).cells) {
      for (const x of cell.applicable) {
        let l = index.get(x);
        if (!l) index.set(x, (l = []));
        if (l[l.length - 1] !== cell) l.push(cell);
      }
    }
    byActivity.set(activity, index);
  }
  return index;
}

/** A cell's applicable assignments as a set (cells with the same live set share the array). */
const applicableSets = new WeakMap<readonly Assignment[], ReadonlySet<Assignment>>();
function applicableSet(cell: Cell): ReadonlySet<Assignment> {
  let set = applicableSets.get(cell.applicable);
  if (!set) applicableSets.set(cell.applicable, (set = new Set(cell.applicable)));
  return set;
}

export function shadowedDiagnostics(agreement: Agreement): Diagnostic[] {
  const s = scan(agreement);
  const p = prepared(agreement);
  const analysed = new Set(analysedActivities(agreement));
  // Members of an override cycle are dropped by the cycle, which has its own error: no extra noise.
  const inCycle = new Set(overrideCycles(agreement).flat());
  const out: Diagnostic[] = [];
  // Who overrides whom, reversed once: assignment id → the assignments that override it.
  const overriders = new Map<string, Assignment[]>();
  for (const o of agreement.assignments)
    for (const id of new Set(o.overrides)) {
      let l = overriders.get(id);
      if (!l) overriders.set(id, (l = []));
      l.push(o);
    }
  const overriderSets = new Map<string, ReadonlySet<Assignment>>();
  const overriderSet = (id: string, list: Assignment[]): ReadonlySet<Assignment> => {
    let set = overriderSets.get(id);
    if (!set) overriderSets.set(id, (set = new Set(list)));
    return set;
  };
  agreement.assignments.forEach((a, i) => {
    if (s.applying.has(a.id)) return;
    const acts = [...new Set(a.activities)];
    const label = upperFirst(clauseLabel(a));
    let message: string;
    let boxes: Box[] = [];
    let rel: Assignment[] = [];
    const box = p.asgBoxes[i]!;
    if (acts.length === 0) {
      message = `${label} assigns no activity, so it applies nowhere.`;
    } else if (!acts.some((x) => analysed.has(x))) {
      message = `${label} applies nowhere: ${listSome(acts, "activities")} ${acts.length > 1 ? "are" : "is"} outside the agreement's scope.`;
    } else if (box.empty) {
      const why: string[] = [];
      if (box.days.lo > box.days.hi) why.push(agreement.term ? "its dates lie outside the term" : "its dates are empty");
      if (agreement.places.length > 0 && box.places && !box.places.some((x) => x === 1)) why.push("it names no place");
      agreement.dimensions.forEach((d, k) => {
        const r = box.dims[k];
        if ((Array.isArray(r) && r.length === 0) || (r instanceof Uint8Array && !r.some((x) => x === 1))) why.push(`no ${d.id} meets its condition`);
      });
      message = `${label} applies nowhere: ${list(why.length > 0 ? why : ["its condition is empty"])}.`;
    } else if (inCycle.has(a)) {
      return;
    } else {
      // Overridden everywhere it would apply.
      const inRel = new Set<Assignment>();
      for (const act of acts) {
        if (!analysed.has(act)) continue;
        // Where it would apply is its own box: the witness comes from that, not from the cells.
        for (const item of assignmentBox(agreement, i, act)) boxes.push(item);
        for (const cell of cellsApplicable(agreement, act).get(a) ?? []) {
          // The assignments that override it and apply here: from whichever list is shorter.
          const mine = overriders.get(a.id) ?? [];
          if (mine.length <= cell.applicable.length) {
            for (const o of mine) if (!inRel.has(o) && applicableSet(cell).has(o)) inRel.add(o), rel.push(o);
          } else {
            const mineSet = overriderSet(a.id, mine);
            for (const o of cell.applicable) if (!inRel.has(o) && mineSet.has(o)) inRel.add(o), rel.push(o);
          }
        }
      }
      rel = rel.sort((x, y) => p.asgIndex.get(x.id)! - p.asgIndex.get(y.id)!);
      message = `${label} applies nowhere: ${rel.length > 0 ? `${listSome(rel.map(clauseLabel), "clauses")} ${rel.length > 1 ? "override" : "overrides"} it everywhere it would apply` : "it is overridden everywhere"}.`;
    }
    // One finding on one assignment naming several activities: the first one's witness (DESIGN.md §7).
    const w = boxes.length > 0 ? firstActivityWitness(agreement, boxes) : { activity: acts[0], dimensions: {} };
    if (w.activity === undefined) delete w.activity;
    const d = finding("shadowed", "warning", { span: a.span, clause: a.clause }, message, {
      witness: w,
      related: rel.map((o) => related(o, `${clauseLabel(o)} overrides it`)),
    });
    if (d.related && d.related.length === 0) delete d.related;
    out.push(d);
  });
  return out;
}
