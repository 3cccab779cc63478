// `allow RULE because "…"`: hides that rule's findings in that agreement (code `rule`, and
// `no-responsible` carrying that rule id) and reports one `suppressed` info per allow with the
// reason and how many findings it hid. A gap or a conflict is never hidden: exactly one
// accountable party in scope is the core of every agreement, not a framework rule (DESIGN.md §7).
// An allow that hides nothing, or repeats an earlier allow of the same rule, is an
// `unused-allow` warning, so stale suppressions do not pile up.
import type { Agreement } from "../generated/ruleset.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { plural } from "./messages.js";

const SUPPRESSIBLE = new Set(["rule", "no-responsible"]);

/** Applies the agreement's allows to its own findings: the kept findings plus one `suppressed` or `unused-allow` per allow. */
export function applyAllows(agreement: Agreement, findings: readonly Diagnostic[]): Diagnostic[] {
  if (agreement.allows.length === 0) return [...findings];
  // The first allow of a rule does the hiding; a later one of the same rule is a repeat. Looked
  // up by rule, not searched: 20,000 allows over 20,000 findings took 2 s searched.
  const firstAllow = new Map<string, number>();
  agreement.allows.forEach((a, i) => {
    if (!firstAllow.has(a.rule)) firstAllow.set(a.rule, i);
  });
  const rules = new Map<string, Agreement["rules"][number]>();
  for (const r of agreement.rules) if (!rules.has(r.id)) rules.set(r.id, r);
  const hidden = new Map<number, number>(); // allow index → count
  const kept: Diagnostic[] = [];
  for (const d of findings) {
    const i = d.rule !== undefined && SUPPRESSIBLE.has(d.code) ? firstAllow.get(d.rule) : undefined;
    if (i === undefined) kept.push(d);
    else hidden.set(i, (hidden.get(i) ?? 0) + 1);
  }
  agreement.allows.forEach((allow, i) => {
    const n = hidden.get(i) ?? 0;
    const rule = rules.get(allow.rule);
    const cite = rule?.cite;
    const known = rule !== undefined;
    const first = firstAllow.get(allow.rule)!;
    const d: Diagnostic =
      n > 0
        ? {
            code: "suppressed",
            severity: "info",
            message: `Rule ${allow.rule} is allowed in this agreement because "${allow.reason}": ${plural(n, "finding")} hidden.`,
            span: allow.span,
            rule: allow.rule,
            reason: allow.reason,
          }
        : {
            code: "unused-allow",
            severity: "warning",
            message:
              first < i
                ? `\`allow ${allow.rule}\` is a second allow of rule ${allow.rule}${where(agreement.allows[first]!)}; it hides nothing more and can be removed.`
                : known
                  ? `\`allow ${allow.rule}\` hides nothing: rule ${allow.rule} has no finding in this agreement that an allow can hide, so the suppression can be removed.`
                  : `\`allow ${allow.rule}\` hides nothing: no rule ${allow.rule} applies to this agreement, so the suppression can be removed.`,
            span: allow.span,
            rule: allow.rule,
            reason: allow.reason,
          };
    if (allow.clause !== undefined) d.clause = allow.clause;
    if (cite !== undefined) d.cite = cite;
    kept.push(d);
  });
  return kept;
}

function where(allow: Agreement["allows"][number]): string {
  return allow.clause !== undefined ? ` (the first is in clause ${allow.clause}, line ${allow.span.line})` : ` (the first is on line ${allow.span.line})`;
}
