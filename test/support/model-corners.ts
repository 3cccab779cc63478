// Which corners of the language a random agreement model exercises, so the property test can
// state (and assert) what share of its cases reaches each one.
import type { Condition, Model, ModelAssign } from "./agreement-model.js";
import type { ModelOracle } from "./model-oracle.js";

export const CORNERS = [
  "number dimension with = or !=",
  "number dimension with <, <=, > or >=",
  "enum dimension with = or !=",
  "enum dimension with in",
  "a sub-clause overriding its parent clause",
  "an override of a sub-clause",
  "each member",
  "at place with a subset of places",
  "a delegation chain restricted by conditions",
  "a model for a selector",
  "a body",
  "an explicit scope",
  "allow",
  "a test with a partial cell",
  "no term",
  "no members",
  "dates outside the term",
] as const;
export type Corner = (typeof CORNERS)[number];

export function cornersOf(model: Model, _oracle: ModelOracle): Set<Corner> {
  const fw = model.framework;
  const a = model.agreement;
  const out = new Set<Corner>();
  const assigns: { number: string; parent?: string; m: ModelAssign }[] = [];
  for (const c of a.clauses) {
    assigns.push({ number: c.number, m: c.assign });
    if (c.sub) assigns.push({ number: c.sub.number, parent: c.number, m: c.sub.assign });
  }
  const conds: Condition[] = [...assigns.flatMap((x) => x.m.conditions.where), ...a.delegations.flatMap((d) => d.conditions.where)];
  const typeOf = (dim: string) => fw.dimensions.find((d) => d.id === dim)!.type;
  for (const c of conds) {
    const t = typeOf(c.dim);
    if (t === "number" && (c.op === "=" || c.op === "!=")) out.add("number dimension with = or !=");
    if (t === "number" && ["<", "<=", ">", ">="].includes(c.op)) out.add("number dimension with <, <=, > or >=");
    if (t === "enum" && (c.op === "=" || c.op === "!=")) out.add("enum dimension with = or !=");
    if (t === "enum" && c.op === "in") out.add("enum dimension with in");
  }
  for (const x of assigns) {
    if (x.parent && x.m.overrides.includes(x.parent)) out.add("a sub-clause overriding its parent clause");
    if (x.m.overrides.some((n) => n.includes("."))) out.add("an override of a sub-clause");
    if (x.m.accountable.each || x.m.responsible?.each) out.add("each member");
    if (x.m.at?.level === "place" && x.m.at.places.length > 0) out.add("at place with a subset of places");
  }
  const conditioned = (d: (typeof a.delegations)[number]) => d.conditions.where.length > 0 || d.conditions.from !== undefined || d.conditions.until !== undefined;
  for (const d of a.delegations)
    for (const e of a.delegations)
      if (d !== e && d.to === e.from && JSON.stringify(d.selectors) === JSON.stringify(e.selectors) && (conditioned(d) || conditioned(e))) out.add("a delegation chain restricted by conditions");
  if (a.models.some((m) => m.for !== null)) out.add("a model for a selector");
  if (a.bodies.length > 0) out.add("a body");
  if (a.scope) out.add("an explicit scope");
  if (a.allows.length > 0) out.add("allow");
  if (a.tests.some((t) => t.expects.some((e) => e.place === undefined || e.on === undefined || e.where.length < fw.dimensions.length))) out.add("a test with a partial cell");
  if (!a.term) out.add("no term");
  if (!a.parties.some((p) => p.roles.includes("member"))) out.add("no members");
  if (a.term) {
    const { from, to } = a.term;
    const dated = [...assigns.map((x) => x.m.conditions), ...a.delegations.map((d) => d.conditions)];
    if (dated.some((c) => (c.from !== undefined && (c.from < from || c.from > to)) || (c.until !== undefined && (c.until < from || c.until > to)))) out.add("dates outside the term");
  }
  return out;
}
