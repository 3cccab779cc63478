// `deliver SELECTOR at LEVEL`: every assignment of an activity selected is at that level.
// An assignment at another level, or with none, fails; with no assignment at all it holds
// (the gap is the finding). One finding per offending assignment, only where it applies after
// overrides; its witness is the first point where it applies, of its first activity.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Box } from "../space/index.js";
import type { ObligationCheck } from "./registry.js";
import { ruleFinding } from "./common.js";
import { analysedActivities, firstActivityWitness, partition } from "../space/index.js";
import { clauseRef, describeActivities, nameActivities } from "../messages.js";

export const deliver: ObligationCheck = {
  type: "deliver",
  readsCells: true,
  check({ ruleSet, agreement }, rule, obligation) {
    const level = obligation.level;
    if (level === undefined) return [];
    const selected = new Set(obligation.activities ?? []);
    const candidates = agreement.assignments.filter((a) => a.level !== level && a.activities.some((x) => selected.has(x)));
    if (candidates.length === 0) return [];
    // Only where the assignment applies after overrides (DESIGN.md §7): one that applies nowhere
    // gets its `shadowed` warning and nothing else.
    const regions = appliedRegions(agreement, candidates, selected);
    const required = obligation.selector ?? describeActivities(ruleSet, agreement, obligation.activities ?? []);
    const out = [];
    for (const a of candidates) {
      const region = regions.get(a.id);
      if (!region || region.length === 0) continue;
      const hit = a.activities.filter((x) => region.some((b) => b.activity === x));
      const how = a.level === null ? "with no level" : `at ${a.level}`;
      out.push(
        ruleFinding(
          rule,
          obligation,
          { span: a.span, clause: a.clause },
          `${clauseRef(a.clause)} assigns ${nameActivities(agreement, hit)} ${how}, but rule ${rule.id} requires ${required} to be delivered at ${level}.`,
          { witness: firstActivityWitness(agreement, region) },
        ),
      );
    }
    return out;
  },
};

/** One pass over the partitions of the selected activities: where each candidate applies after overrides. */
function appliedRegions(agreement: Agreement, candidates: readonly Assignment[], selected: ReadonlySet<string>): Map<string, Box[]> {
  const ids = new Set(candidates.map((a) => a.id));
  const named = new Set<string>();
  for (const a of candidates) for (const act of a.activities) named.add(act);
  const boxes = new Map<string, Box[]>();
  for (const act of analysedActivities(agreement)) {
    if (!selected.has(act) || !named.has(act)) continue;
    for (const cell of partition(agreement, act).cells) {
      for (const a of cell.assignments) {
        if (!ids.has(a.id)) continue;
        const list = boxes.get(a.id) ?? [];
        list.push({ activity: cell.activity, places: cell.places, days: cell.days, dims: cell.dims });
        boxes.set(a.id, list);
      }
    }
  }
  return boxes;
}
