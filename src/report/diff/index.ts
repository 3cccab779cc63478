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
function identity(d: Diagnostic, owners: Owners): string {
  const activity = d.witness?.activity ?? d.witness?.activities?.[0] ?? "";
  const where = owners(d);
  return [where === undefined ? `file ${d.span.file}` : `agreement ${where}`, d.code, d.rule ?? "", d.clause ?? "", activity, d.message].join("\u0000");
}

/** The findings of `after` that `before` does not have (as a multiset). */
function minus(after: DiffInput, before: DiffInput): Diagnostic[] {
  const count = new Map<string, number>();
  const beforeOwners = ownersIn(before.ruleSet.agreements);
  const afterOwners = ownersIn(after.ruleSet.agreements);
  for (const d of before.diagnostics) {
    const k = identity(d, beforeOwners);
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const out: Diagnostic[] = [];
  for (const d of after.diagnostics) {
    const k = identity(d, afterOwners);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(d);
  }
  return out;
}

type AgreementOf = RuleSet["agreements"][number];

/** The agreement a finding lies in (the first whose span holds it), by id; undefined outside every agreement. */
type Owners = (d: Diagnostic) => string | undefined;

const owners = new WeakMap<readonly AgreementOf[], Owners>();

/** `Owners` over a version's agreements, indexed by file: a folder of 10,000 agreements asked each finding of every one of them. */
function ownersIn(agreements: readonly AgreementOf[]): Owners {
  let found = owners.get(agreements);
  if (found) return found;
  const byFile = new Map<string, AgreementOf[]>();
  for (const a of agreements) {
    const list = byFile.get(a.span.file);
    if (list) list.push(a);
    else byFile.set(a.span.file, [a]);
  }
  found = (d) => {
    for (const a of byFile.get(d.span.file) ?? []) if (d.span.offset >= a.span.offset && d.span.offset <= a.span.endOffset) return a.id;
    return undefined;
  };
  owners.set(agreements, found);
  return found;
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
  // Each finding's agreement, worked out once: grouped, not filtered again for every agreement.
  const byOwner = (ds: readonly Diagnostic[], side: readonly AgreementOf[]) => {
    const ownerOf = ownersIn(side);
    const out = new Map<string | undefined, Diagnostic[]>();
    for (const d of ds) {
      const id = ownerOf(d);
      const list = out.get(id);
      if (list) list.push(d);
      else out.set(id, [d]);
    }
    return out;
  };
  const introducedBy = byOwner(introduced, after.ruleSet.agreements);
  const fixedBy = byOwner(fixed, before.ruleSet.agreements);
  const agreements = ids.map((id): AgreementDiff => {
    const o = oldById.get(id);
    const n = newById.get(id);
    const changes = compareAgreements(o, n);
    const intro = introducedBy.get(id) ?? [];
    const fix = fixedBy.get(id) ?? [];
    const status: AgreementStatus = !o ? "added" : !n ? "removed" : changes.length > 0 || intro.length > 0 || fix.length > 0 ? "changed" : "unchanged";
    return { id, title: (n ?? o)!.title, file: (n ?? o)!.span.file, status, changes, introduced: intro, fixed: fix };
  });
  return {
    old: before.label,
    new: after.label,
    agreements,
    other: {
      introduced: introducedBy.get(undefined) ?? [],
      fixed: fixedBy.get(undefined) ?? [],
    },
  };
}

/** Whether anything changed in accountability or responsibility (the exit code of `diff`). */
export function accountabilityChanged(report: DiffReport): boolean {
  return report.agreements.some((a) => a.changes.length > 0);
}
