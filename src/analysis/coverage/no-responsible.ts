// `no-responsible`: for each `assign responsible` obligation selecting an activity, the points
// where someone is accountable but nobody responsible (after delegations). Error for `must`,
// warning for `should`, with that rule's id and cite. One finding per obligation and assignment
// (the assignment that makes someone accountable there), naming every activity.
import type { Agreement, Assignment, Obligation, Rule } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { describeRegion, firstActivityWitness, mergeRegion, type Box } from "../space/index.js";
import { accountableWords, clauseLabel, finding, scan, withRule } from "./common.js";
import { listSome } from "../messages.js";
import { Distinct } from "../distinct.js";

export function noResponsibleDiagnostics(agreement: Agreement): Diagnostic[] {
  const s = scan(agreement);
  const out: Diagnostic[] = [];
  const order = new Map(agreement.assignments.map((a, i) => [a.id, i]));
  for (const rule of agreement.rules) {
    for (const ob of rule.obligations) {
      if (ob.type !== "assign-responsible") continue;
      const byAssignment = new Map<string, { assignment: Assignment; boxes: Box[]; activities: Distinct<string> }>();
      for (const act of ob.activities ?? []) {
        const a = s.byActivity.get(act);
        if (!a) continue;
        for (const [id, g] of a.noResponsible) {
          let e = byAssignment.get(id);
          if (!e) byAssignment.set(id, (e = { assignment: g.assignments[0]!, boxes: [], activities: new Distinct() }));
          for (const item of g.boxes) e.boxes.push(item);
          e.activities.add(act);
        }
      }
      const entries = [...byAssignment.values()].sort((x, y) => order.get(x.assignment.id)! - order.get(y.assignment.id)!);
      for (const e of entries) out.push(noResponsibleFinding(agreement, rule, ob, e.assignment, e.activities.items, mergeRegion(e.boxes)));
    }
  }
  return out;
}

function noResponsibleFinding(agreement: Agreement, rule: Rule, ob: Obligation, a: Assignment, activities: string[], region: Box[]): Diagnostic {
  const where = activities.length === 1 ? describeRegion(agreement, region) : "";
  const whereText = where && where !== "everywhere" ? ` ${where}` : "";
  const message = `Nobody is responsible for ${listSome(activities, "activities")}${whereText}, though ${clauseLabel(a)} makes ${accountableWords(a)} accountable: rule ${rule.id} asks for a responsible party wherever there is an accountable one.`;
  const d = finding("no-responsible", ob.strength === "must" ? "error" : "warning", { span: a.span, clause: a.clause }, message, {
    // One finding on one assignment naming several activities: the first one's witness (DESIGN.md §7).
    witness: firstActivityWitness(agreement, region),
  });
  d.rule = rule.id;
  return withRule(d, rule);
}
