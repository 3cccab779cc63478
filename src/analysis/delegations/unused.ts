// `delegation` (warning): a `delegate … from P to Q` where P is never responsible for the
// activity (within the delegation's days and conditions), so it does nothing. One finding per
// delegation, naming every activity for which it does nothing.
import type { Agreement, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box } from "../space/index.js";
import { analysedActivities, partition, witness } from "../space/index.js";
import { finding } from "../rules/common.js";
import { namedResponsible } from "../rules/holdings.js";
import { clauseRef, nameActivities } from "../messages.js";

export function unusedDelegationDiagnostics(ruleSet: RuleSet, agreement: Agreement): Diagnostic[] {
  const analysed = new Set(analysedActivities(agreement));
  const out: Diagnostic[] = [];
  for (const d of agreement.delegations) {
    const idle: string[] = [];
    const region: Box[] = [];
    for (const activity of d.activities) {
      if (!analysed.has(activity)) {
        idle.push(activity);
        continue;
      }
      let responsible = false;
      const live: Box[] = [];
      for (const cell of partition(agreement, activity).cells) {
        if (!cell.delegations.some((x) => x.id === d.id)) continue;
        live.push({ activity, places: cell.places, days: cell.days, dims: cell.dims });
        if (cell.places.some((p) => cell.assignments.some((a) => namedResponsible(a, p, agreement).includes(d.from)))) {
          responsible = true;
          break;
        }
      }
      if (!responsible) {
        idle.push(activity);
        for (const x of live) region.push(x);
      }
    }
    if (idle.length === 0) continue;
    const what = nameActivities(agreement, idle);
    const w = witness(agreement, region);
    if (!w.activity && !w.activities) {
      if (idle.length === 1) w.activity = idle[0]!;
      else w.activities = idle;
    }
    out.push(
      finding(
        "delegation",
        "warning",
        { span: d.span, clause: d.clause },
        `${clauseRef(d.clause, "A delegation")} delegates ${what} from ${d.from} to ${d.to}, but ${d.from} is never responsible for ${what}, so the delegation does nothing.`,
        { witness: w },
      ),
    );
  }
  return out;
}
