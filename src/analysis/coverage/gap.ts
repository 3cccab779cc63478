// `gap` (error): points of an activity in scope where nobody is accountable.
// One finding per activity (or per function whose activities in scope all have the same gap and
// the same anchor), on the last assignment of the activity in source order, else on the `scope`
// item, else on the agreement's header; with the first covering rule's id and cite.
import type { Agreement, Assignment } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { agreementHeader } from "../finding.js";
import { describeRegion, mergeRegion, witness, type Box, type Region } from "../space/index.js";
import { dayString } from "../space/format.js";
import { prepared } from "../space/sweep.js";
import { overrideCycles } from "./override-cycle.js";
import {
  assignmentsOf,
  clauseLabel,
  coveringRule,
  describeAssignmentConditions,
  list,
  finding,
  related,
  scan,
  withRule,
} from "./common.js";
import { listSome } from "../messages.js";

interface ActivityGap {
  activity: string;
  region: Region;
  assignments: Assignment[];
  /** The region without its activity, for grouping. */
  shape: string;
}

function shapeOf(region: Region): string {
  return region
    .map((b) => JSON.stringify([b.places, b.days, b.dims]))
    .sort()
    .join(";");
}

/** Why a single-box gap is there: the clauses whose edges enclose it. */
function explain(agreement: Agreement, box: Box, assignments: Assignment[]): string {
  const reasons: string[] = [];
  const p = prepared(agreement);
  const boxOfA = (a: Assignment) => p.asgBoxes[p.asgIndex.get(a.id)!]!;
  agreement.dimensions.forEach((dim, k) => {
    const d = box.dims[k]!;
    if (d.kind !== "real" || dim.type === "enum") return;
    const above: string[] = [];
    const below: string[] = [];
    for (const a of assignments) {
      const ivs = boxOfA(a).dims[k];
      if (!Array.isArray(ivs)) continue;
      for (const iv of ivs) {
        if (d.hi !== null && iv.lo !== null && iv.lo === d.hi && iv.loOpen !== d.hiOpen) above.push(clauseLabel(a));
        if (d.lo !== null && iv.hi !== null && iv.hi === d.lo && iv.hiOpen !== d.loOpen) below.push(clauseLabel(a));
      }
    }
    if (above.length > 0) reasons.push(`${listSome([...new Set(above)], "clauses")} ${above.length > 1 ? "start" : "starts"} above it`);
    if (below.length > 0) reasons.push(`${listSome([...new Set(below)], "clauses")} ${below.length > 1 ? "stop" : "stops"} below it`);
  });
  if (p.hasTerm) {
    const ends: string[] = [];
    const starts: string[] = [];
    for (const a of assignments) {
      const b = boxOfA(a);
      if (b.empty) continue;
      if (b.days.hi + 1 === box.days.lo) ends.push(clauseLabel(a));
      if (b.days.lo === box.days.hi + 1) starts.push(clauseLabel(a));
    }
    if (ends.length > 0) reasons.push(`${listSome([...new Set(ends)], "clauses")} ${ends.length > 1 ? "end" : "ends"} on ${dayString(box.days.lo - 1)}`);
    if (starts.length > 0) reasons.push(`${listSome([...new Set(starts)], "clauses")} ${starts.length > 1 ? "start" : "starts"} on ${dayString(box.days.hi + 1)}`);
  }
  return reasons.join(" and ");
}

export function gapDiagnostics(agreement: Agreement): Diagnostic[] {
  const inCycle = new Set(overrideCycles(agreement).flat());
  const s = scan(agreement);
  const gaps: ActivityGap[] = [];
  for (const a of s.activities) {
    if (a.gap.length === 0) continue;
    const region = mergeRegion(a.gap);
    gaps.push({ activity: a.activity, region, assignments: assignmentsOf(agreement, a.activity), shape: shapeOf(region) });
  }
  // Group by function: the activities of one parent function, all in scope, with the same gap,
  // the same anchor and the same covering rule.
  const byActivity = new Map(gaps.map((g) => [g.activity, g]));
  const parentOf = new Map(agreement.functions.map((f) => [f.id, f.parent]));
  const activitiesOf = new Map<string, string[]>();
  for (const f of agreement.functions) {
    if (!f.activity || !f.parent) continue;
    const list = activitiesOf.get(f.parent);
    if (list) list.push(f.id);
    else activitiesOf.set(f.parent, [f.id]);
  }
  const analysed = new Set(s.activities.map((a) => a.activity));
  const done = new Set<string>();
  const findings: { label: string; activities: string[]; gaps: ActivityGap[] }[] = [];
  for (const g of gaps) {
    if (done.has(g.activity)) continue;
    const parent = parentOf.get(g.activity);
    if (parent) {
      const siblings = activitiesOf.get(parent) ?? [];
      const sg = siblings.map((x) => byActivity.get(x));
      const anchor = (x: ActivityGap) => x.assignments[x.assignments.length - 1]?.id ?? "";
      if (
        siblings.length > 1 &&
        siblings.every((x) => analysed.has(x)) &&
        sg.every((x) => x && !done.has(x.activity) && x.shape === g.shape && anchor(x) === anchor(g) && coveringRule(agreement, x.activity) === coveringRule(agreement, g.activity))
      ) {
        for (const x of siblings) done.add(x);
        findings.push({ label: `${parent} (${list(siblings)})`, activities: siblings, gaps: sg as ActivityGap[] });
        continue;
      }
    }
    done.add(g.activity);
    findings.push({ label: g.activity, activities: [g.activity], gaps: [g] });
  }

  return findings.map((f) => {
    const first = f.gaps[0]!;
    const region: Region = f.gaps.flatMap((g) => g.region);
    const last = first.assignments[first.assignments.length - 1];
    const at = last
      ? { span: last.span, clause: last.clause }
      : agreement.scope.explicit && agreement.scope.span
        ? { span: agreement.scope.span }
        : agreementHeader(agreement);
    let message: string;
    const cancelled = first.assignments.filter((a) => inCycle.has(a));
    if (first.assignments.length > 0 && cancelled.length === first.assignments.length) {
      const where = describeRegion(agreement, first.region);
      message = `Nobody is accountable for ${f.label} ${where === "everywhere" ? "anywhere" : where}: ${listSome(cancelled.map(clauseLabel), "clauses")} override each other in a cycle, so they cancel each other.`;
    } else if (first.assignments.length === 0) {
      const them = f.activities.length > 1 ? "them" : "it";
      // A clause that would assign it but was dropped for an error (reported where it is).
      const would = (agreement.dropped ?? []).filter((x) => f.activities.some((act) => x.activities.includes(act)));
      message =
        would.length > 0
          ? `Nobody is accountable for ${f.label}: ${listSome(would.map((x) => (x.clause ? `clause ${x.clause}` : `the assignment on line ${x.span.line}`)), "clauses")} would assign ${them}, but ${would.length > 1 ? "have errors" : "has an error"}.`
          : `Nobody is accountable for ${f.label}: no clause assigns ${them}.`;
    } else {
      const where = describeRegion(agreement, first.region);
      const why = first.region.length === 1 ? explain(agreement, first.region[0]!, first.assignments) : "";
      message = `Nobody is accountable for ${f.label} ${where === "everywhere" ? "anywhere" : where}${why ? `: ${why}` : ""}.`;
    }
    const d = finding("gap", "error", at, message, {
      witness: witness(agreement, region),
      related: first.assignments
        .filter((a) => a !== last)
        .map((a) => {
          if (inCycle.has(a)) return related(a, `${clauseLabel(a)} is cancelled by the cycle of overrides it is part of`);
          const cond = describeAssignmentConditions(agreement, a);
          return related(a, cond ? `${clauseLabel(a)} applies ${cond}` : `${clauseLabel(a)} applies everywhere`);
        }),
    });
    if (d.related && d.related.length === 0) delete d.related;
    return withRule(d, coveringRule(agreement, f.activities[0]!));
  });
}
