// `concordat diff`: what changed between two versions of a set of agreements — accountability
// and responsibility (compare.ts), and the findings introduced and fixed.
import type { RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { compareAgreements, type AccountabilityChange } from "./compare.js";

export { compareAgreements, type AccountabilityChange, type Parties } from "./compare.js";
export { renderDiffJson, diffJson, type DiffJson } from "./json.js";
export { renderDiffMarkdown } from "./markdown.js";
export { renderDiffPretty } from "./pretty.js";

export type AgreementStatus = "added" | "removed" | "changed" | "unchanged";

export interface AgreementDiff {
  id: string;
  title?: string;
  /** The file of the new version (else the old), as spans name it. */
  file: string;
  status: AgreementStatus;
  changes: AccountabilityChange[];
  introduced: Diagnostic[];
  fixed: Diagnostic[];
}

export interface DiffReport {
  old: string;
  new: string;
  agreements: AgreementDiff[];
  /** Findings outside every agreement (in frameworks, or files that do not compile), introduced and fixed. */
  other: { introduced: Diagnostic[]; fixed: Diagnostic[] };
}

/** What identifies a finding across versions: its agreement (else its file), code, rule, clause, activity and message; never its line. */
function identity(d: Diagnostic, agreements: readonly AgreementOf[]): string {
  const activity = d.witness?.activity ?? d.witness?.activities?.[0] ?? "";
  const where = owner(d, agreements);
  return [where === undefined ? `file ${d.span.file}` : `agreement ${where}`, d.code, d.rule ?? "", d.clause ?? "", activity, d.message].join("\u0000");
}

/** The findings of `after` that `before` does not have (as a multiset). */
function minus(after: DiffInput, before: DiffInput): Diagnostic[] {
  const count = new Map<string, number>();
  for (const d of before.diagnostics) {
    const k = identity(d, before.ruleSet.agreements);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const d of after.diagnostics) {
    const k = identity(d, after.ruleSet.agreements);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(d);
  }
  return out;
}

type AgreementOf = RuleSet["agreements"][number];

function owner(d: Diagnostic, agreements: readonly AgreementOf[]): string | undefined {
  for (const a of agreements)
    if (a.span.file === d.span.file && d.span.offset >= a.span.offset && d.span.offset <= a.span.endOffset) return a.id;
  return undefined;
}

export interface DiffInput {
  label: string;
  ruleSet: Pick<RuleSet, "agreements">;
  diagnostics: readonly Diagnostic[];
}

/** The diff of two versions. Agreements are matched by id; the order is the new version's, then the removed ones. */
export function diffRuleSets(before: DiffInput, after: DiffInput): DiffReport {
  const oldById = new Map(before.ruleSet.agreements.map((a) => [a.id, a]));
  const newById = new Map(after.ruleSet.agreements.map((a) => [a.id, a]));
  const ids = [...newById.keys(), ...[...oldById.keys()].filter((id) => !newById.has(id))];
  const introduced = minus(after, before);
  const fixed = minus(before, after);
  const agreements = ids.map((id): AgreementDiff => {
    const o = oldById.get(id);
    const n = newById.get(id);
    const changes = compareAgreements(o, n);
    const mine = (ds: Diagnostic[], side: readonly AgreementOf[]) => ds.filter((d) => owner(d, side) === id);
    const intro = mine(introduced, after.ruleSet.agreements);
    const fix = mine(fixed, before.ruleSet.agreements);
    const status: AgreementStatus = !o ? "added" : !n ? "removed" : changes.length > 0 || intro.length > 0 || fix.length > 0 ? "changed" : "unchanged";
    return { id, title: (n ?? o)!.title, file: (n ?? o)!.span.file, status, changes, introduced: intro, fixed: fix };
  });
  return {
    old: before.label,
    new: after.label,
    agreements,
    other: {
      introduced: introduced.filter((d) => owner(d, after.ruleSet.agreements) === undefined),
      fixed: fixed.filter((d) => owner(d, before.ruleSet.agreements) === undefined),
    },
  };
}

/** Whether anything changed in accountability or responsibility (the exit code of `diff`). */
export function accountabilityChanged(report: DiffReport): boolean {
  return report.agreements.some((a) => a.changes.length > 0);
}
