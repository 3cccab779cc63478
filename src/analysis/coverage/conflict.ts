// `conflict` (error): two or more different accountable parties at a point. One finding per
// activity and set of assignments involved, on the involved assignment last in source order,
// the others related; with the first covering rule's id and cite.
import type { Agreement } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeRegion, firstPoint, mergeRegion, placeName, witness } from "../space/index.js";
import { accountableWords, clauseLabel, coveringRule, finding, partiesAt, related, scan, withRule } from "./common.js";
import { listSome, listSomeOf, namedSome } from "../messages.js";
import { relatedOf } from "../finding.js";

export function conflictDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of scan(agreement).activities) {
    for (const g of a.conflicts.values()) {
      const region = mergeRegion(g.boxes);
      const last = g.assignments[g.assignments.length - 1]!;
      const where = describeRegion(agreement, region);
      const says = namedSome(g.assignments).map((x) => `${clauseLabel(x)} makes ${accountableWords(x)} accountable`);
      // Who exactly, at the witness.
      let atWitness = "";
      const pt = firstPoint(agreement, region);
      if (pt) {
        {
          const parties = partiesAt(g, pt);
          // The place only matters where `each member` makes the parties differ between places.
          const perPlace = g.assignments.some((x) => x.raci.accountable.some((pa) => pa.place !== undefined));
          const pl = perPlace ? placeName(agreement, pt.place) : null;
          atWitness = ` (${pl ? `at ${pl}'s place: ` : ""}${listSome(parties, "parties")})`;
        }
      }
      const message = `More than one party is accountable for ${a.activity} ${where === "everywhere" ? "everywhere" : where}: ${listSomeOf(says, g.assignments.length, "clauses")}${atWitness}.`;
      const d = finding("conflict", "error", { span: last.span, clause: last.clause }, message, {
        witness: witness(agreement, region),
        ...relatedOf(
          g.assignments.filter((x) => x !== last),
          (x) => related(x, `${clauseLabel(x)} makes ${accountableWords(x)} accountable`),
        ),
      });
      out.push(withRule(d, coveringRule(agreement, a.activity)));
    }
  }
  return out;
}
