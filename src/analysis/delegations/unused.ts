// `delegation` (warning): a `delegate … from P to Q` where P is never responsible for the
// activity (within the delegation's days and conditions), so it does nothing. One finding per
// delegation, naming every activity for which it does nothing.
import type { Agreement, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { Box, Cell } from "../space/index.js";
import { analysedActivities, fullBox, partition, placeDependent, responsibleBy, witness } from "../space/index.js";
import { finding } from "../rules/common.js";
import { clauseRef, nameActivities } from "../messages.js";

export function unusedDelegationDiagnostics(ruleSet: RuleSet, agreement: Agreement): Diagnostic[] {
  const analysed = new Set(analysedActivities(agreement));
  const out: Diagnostic[] = [];
  for (const d of agreement.delegations) {
    const idle: string[] = [];
    const region: Box[] = [];
    for (const activity of d.activities) {
      // Outside the analysed space nobody is responsible; the engine still partitions the activity,
      // so the witness is a point where the delegation would apply.
      let responsible = false;
      const live: Box[] = [];
      for (const cell of partition(agreement, activity).cells) {
        if (!cell.delegations.includes(d)) continue;
        live.push({ activity, places: cell.places, days: cell.days, dims: cell.dims });
        if (analysed.has(activity) && namesResponsible(agreement, cell, d.from)) {
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
    // A delegation that applies nowhere does nothing anywhere: the witness is the first point of its activities.
    const w = witness(agreement, region.length > 0 ? region : idle.map((a) => fullBox(agreement, a)));
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

/** Whether some assignment of the cell names the party responsible at one of its places (before delegations). */
function namesResponsible(agreement: Agreement, cell: Cell, party: string): boolean {
  const places = placeDependent(cell) ? cell.places : cell.places.slice(0, 1);
  return places.some((p) => responsibleBy(cell, p, agreement).some((b) => b.parties.some((r) => r.named === party)));
}
