// `deliver SELECTOR at LEVEL`: every assignment of an activity selected is at that level.
// An assignment at another level, or with none, fails; with no assignment at all it holds
// (the gap is the finding). One finding per offending assignment.
import type { ObligationCheck } from "./registry.js";
import { ruleFinding } from "./common.js";
import { analysedActivities, assignmentRegion, fullBox, witness } from "../space/index.js";
import { clauseRef, describeActivities, nameActivities } from "../messages.js";

export const deliver: ObligationCheck = {
  type: "deliver",
  check({ ruleSet, agreement }, rule, obligation) {
    const level = obligation.level;
    if (level === undefined) return [];
    const selected = new Set(obligation.activities ?? []);
    const required = describeActivities(ruleSet, agreement, obligation.activities ?? []);
    const out = [];
    for (const a of agreement.assignments) {
      if (a.level === level) continue;
      const hit = a.activities.filter((x) => selected.has(x));
      if (hit.length === 0) continue;
      const what = nameActivities(agreement, hit);
      const how = a.level === null ? "with no level" : `at ${a.level}`;
      out.push(
        ruleFinding(
          rule,
          obligation,
          { span: a.span, clause: a.clause },
          `${clauseRef(a.clause)} assigns ${what} ${how}, but rule ${rule.id} requires ${required} to be delivered at ${level}.`,
          { witness: firstPointOf(agreement, a, hit) },
        ),
      );
    }
    return out;
  },
};

/** The first point where the assignment applies for the offending activities (or of their whole space, if it applies nowhere). */
function firstPointOf(agreement: Parameters<typeof witness>[0], a: Parameters<typeof assignmentRegion>[1], hit: string[]) {
  const analysed = new Set(analysedActivities(agreement));
  const region = assignmentRegion(agreement, a).filter((b) => hit.includes(b.activity));
  if (region.length > 0) return witness(agreement, region);
  const inScope = hit.filter((x) => analysed.has(x));
  return witness(agreement, (inScope.length > 0 ? inScope : hit).map((x) => fullBox(agreement, x)));
}
