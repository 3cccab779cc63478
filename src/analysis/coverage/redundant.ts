// `redundant` (warning): no conflict, but two or more assignments make the same party accountable.
// Grouped like conflicts: one per activity and set of assignments involved.
import type { Agreement } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeRegion, firstPoint, mergeRegion, witness } from "../space/index.js";
import { upperFirst, clauseLabel, list, finding, partiesAt, related, scan } from "./common.js";
import { listSomeOf, namedSome } from "../messages.js";
import { relatedOf } from "../finding.js";

export function redundantDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of scan(agreement).activities) {
    for (const g of a.redundant.values()) {
      const region = mergeRegion(g.boxes);
      const last = g.assignments[g.assignments.length - 1]!;
      const where = describeRegion(agreement, region);
      let who = "the same party";
      const pt = firstPoint(agreement, region);
      if (pt) {
        who = list(partiesAt(g, pt));
      }
      const labels = namedSome(g.assignments).map(clauseLabel);
      const both = g.assignments.length === 2 ? "both" : "all";
      // Every clause says `accountable each member`: each member at its own place, not one party everywhere.
      const eachMember = g.assignments.every((x) => x.raci.accountable.length > 0 && x.raci.accountable.every((pa) => pa.place !== undefined));
      if (eachMember) who = "each member";
      const whereText = eachMember ? (where === "everywhere" ? "at its own place" : `at its own place, ${where}`) : where;
      const message = `${upperFirst(listSomeOf(labels, g.assignments.length, "clauses"))} ${both} make ${who} accountable for ${a.activity} ${whereText}.`;
      out.push(
        finding("redundant", "warning", { span: last.span, clause: last.clause }, message, {
          witness: witness(agreement, region),
          ...relatedOf(
            g.assignments.filter((x) => x !== last),
            (x) => related(x, `${clauseLabel(x)} also makes ${who} accountable`),
          ),
        }),
      );
    }
  }
  return out;
}
