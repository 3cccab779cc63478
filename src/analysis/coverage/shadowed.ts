// `shadowed` (warning): an assignment that applies nowhere — overridden everywhere, dated outside
// the term, an empty condition, or only activities outside an explicit scope.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { analysedActivities, assignmentBox, firstActivityWitness, type Box } from "../space/index.js";
import { boxesMeet, prepared } from "../space/sweep.js";
import { upperFirst, clauseLabel, list, finding, related, scan } from "./common.js";
import { listSome } from "../messages.js";
import { overrideCycles } from "./override-cycle.js";

export function shadowedDiagnostics(agreement: Agreement): Diagnostic[] {
  const s = scan(agreement);
  const p = prepared(agreement);
  const analysed = new Set(analysedActivities(agreement));
  // Members of an override cycle are dropped by the cycle, which has its own error: no extra noise.
  const inCycle = new Set(overrideCycles(agreement).flat());
  const out: Diagnostic[] = [];
  // Who overrides whom, reversed once: assignment index → the indices of the assignments that override it.
  const overriders = new Map<number, number[]>();
  // (From the sweep's lists of whom each overrides: distinct indices, in order.)
  for (let j = 0; j < p.overrides.length; j++) {
    const over = p.overrides[j]!;
    for (let k = 0; k < over.length; k++) {
      const i = over[k]!;
      let l = overriders.get(i);
      if (!l) overriders.set(i, (l = []));
      l.push(j);
    }
  }
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
      if (agreement.places.length > 0 && box.places && box.places.length === 0) why.push("it names no place");
      agreement.dimensions.forEach((d, k) => {
        const r = box.dims[k];
        if (r !== null && r !== undefined && r.length === 0) why.push(`no ${d.id} meets its condition`);
      });
      message = `${label} applies nowhere: ${list(why.length > 0 ? why : ["its condition is empty"])}.`;
    } else if (inCycle.has(a)) {
      return;
    } else {
      // Overridden everywhere it would apply: by those of its overriders that apply somewhere it
      // would, on one of its analysed activities. Two boxes share a cell exactly when they meet,
      // so that is asked of the boxes (walking the cells was quadratic: 8,000 clauses piling up).
      const overriding = new Set<number>();
      for (const act of acts) {
        if (!analysed.has(act)) continue;
        // Where it would apply is its own box: the witness comes from that, not from the cells.
        for (const item of assignmentBox(agreement, i, act)) boxes.push(item);
        for (const j of overriders.get(i) ?? [])
          if (!overriding.has(j) && agreement.assignments[j]!.activities.includes(act) && boxesMeet(box, p.asgBoxes[j]!)) overriding.add(j);
      }
      rel = [...overriding].sort((x, y) => x - y).map((j) => agreement.assignments[j]!);
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
