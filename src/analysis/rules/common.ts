// What every check module receives, and the helpers they share.
import type { Agreement, Obligation, RoleRef, Rule, RuleSet, Span } from "../../generated/ruleset.js";
import type { Diagnostic, Severity } from "../../diagnostics/diagnostic.js";
import { agreementHeader, finding } from "../finding.js";

export interface CheckContext {
  ruleSet: RuleSet;
  agreement: Agreement;
}

export function severityOf(strength: "must" | "should"): Severity {
  return strength === "must" ? "error" : "warning";
}

/** A finding of a framework rule: its id and cite, severity from the obligation's strength. */
export function ruleFinding(
  rule: Rule,
  obligation: Obligation,
  at: { span: Span; clause?: string | undefined },
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return finding("rule", severityOf(obligation.strength), at, message, { ...extra, rule: rule.id, cite: rule.cite });
}

export { finding, agreementHeader };


export interface Holder {
  id: string;
  kind: string;
  roles: readonly string[];
  isBody: boolean;
}

const holders = new WeakMap<Agreement, Map<string, Holder>>();

/** A party or body by id; a body's roles are those all its members have (`bodies[].roles`). */
export function holder(agreement: Agreement, id: string): Holder | undefined {
  let map = holders.get(agreement);
  if (!map) {
    map = new Map();
    for (const b of agreement.bodies) map.set(b.id, { id: b.id, kind: b.kind, roles: b.roles, isBody: true });
    for (const p of agreement.parties) map.set(p.id, { id: p.id, kind: p.kind, roles: p.roles, isBody: false });
    holders.set(agreement, map);
  }
  return map.get(id);
}

/** A filter on parties, computed once per party. */
export function memo(f: (party: string) => boolean): (party: string) => boolean {
  const cache = new Map<string, boolean>();
  return (p) => {
    let v = cache.get(p);
    if (v === undefined) cache.set(p, (v = f(p)));
    return v;
  };
}

/** Whether a party or body has one of the roles or kinds. Unknown names have none. */
export function hasAnyRole(agreement: Agreement, id: string, refs: readonly RoleRef[]): boolean {
  const h = holder(agreement, id);
  if (!h) return false;
  return refs.some((r) => (r.of === "kind" ? h.kind === r.id : h.roles.includes(r.id)));
}

/** "medica (independent_provider, supplier)": who the party is, for messages. */
export function describeHolder(agreement: Agreement, id: string): string {
  const h = holder(agreement, id);
  if (!h) return id;
  const what = h.roles.length > 0 ? `${h.kind}; ${h.roles.join(", ")}` : h.kind;
  return `${id} (${what})`;
}
