// `deliver SELECTOR at LEVEL`: every assignment of an activity selected is at that level.
// An assignment at another level, or with none, fails; with no assignment at all it holds
// (the gap is the finding). One finding per offending assignment; its witness is the first
// point where it applies (or of its activities' space, when it applies nowhere).
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { Box } from "../space/index.js";
import type { ObligationCheck } from "./registry.js";
import { ruleFinding } from "./common.js";
import { analysedActivities, fullBox, partition, witness } from "../space/index.js";
import { clauseRef, describeActivities, nameActivities } from "../messages.js";

export const deliver: ObligationCheck = {
  type: "deliver",
  check({ ruleSet, agreement }, rule, obligation) {
    const level = obligation.level;
    if (level === undefined) return [];
    const selected = new Set(obligation.activities ?? []);
    const offending: { assignment: Assignment; hit: string[] }[] = [];
    for (const a of agreement.assignments) {
      if (a.level === level) continue;
      const hit = a.activities.filter((x) => selected.has(x));
      if (hit.length > 0) offending.push({ assignment: a, hit });
    }
    if (offending.length === 0) return [];
    const required = describeActivities(ruleSet, agreement, obligation.activities ?? []);
    const witnesses = firstPoints(agreement, offending);
    return offending.map(({ assignment: a, hit }) => {
      const how = a.level === null ? "with no level" : `at ${a.level}`;
      return ruleFinding(
        rule,
        obligation,
        { span: a.span, clause: a.clause },
        `${clauseRef(a.clause)} assigns ${nameActivities(agreement, hit)} ${how}, but rule ${rule.id} requires ${required} to be delivered at ${level}.`,
        { witness: witnesses.get(a.id)! },
      );
    });
  },
};

/** One pass over the partitions of the activities involved: the first point of each offending assignment. */
function firstPoints(agreement: Agreement, offending: readonly { assignment: Assignment; hit: string[] }[]): Map<string, Witness> {
  const analysed = new Set(analysedActivities(agreement));
  const ids = new Set(offending.map((o) => o.assignment.id));
  const wanted = new Map<string, Set<string>>(); // activity → offending assignment ids
  for (const o of offending) for (const act of o.hit) if (analysed.has(act)) wanted.set(act, (wanted.get(act) ?? new Set()).add(o.assignment.id));
  const boxes = new Map<string, Box[]>();
  for (const [act, as] of wanted) {
    for (const cell of partition(agreement, act).cells) {
      for (const a of cell.assignments) {
        if (!ids.has(a.id) || !as.has(a.id)) continue;
        const list = boxes.get(a.id) ?? [];
        list.push({ activity: cell.activity, places: cell.places, days: cell.days, dims: cell.dims });
        boxes.set(a.id, list);
      }
    }
  }
  const out = new Map<string, Witness>();
  for (const { assignment, hit } of offending) {
    const region = boxes.get(assignment.id);
    if (region && region.length > 0) out.set(assignment.id, witness(agreement, region));
    else {
      const inScope = hit.filter((x) => analysed.has(x));
      out.set(assignment.id, witness(agreement, (inScope.length > 0 ? inScope : hit).map((x) => fullBox(agreement, x))));
    }
  }
  return out;
}
