// Prints a random agreement MODEL (test/support/agreement-model.ts) as `.concord` source text,
// with the line of every item, so findings can be matched to the model item they sit on.
import { dayString, type Condition, type Conditions, type Model, type ModelAssign, type ModelClause, type RoleRef, type Selector, type Who } from "./agreement-model.js";

export interface PrintedModel {
  /** framework.concord */
  framework: string;
  /** agreement.concord */
  agreement: string;
  lines: {
    header: number;
    scope?: number;
    /** clause number → line of the assignment it holds */
    assign: Map<string, number>;
    /** delegation index → line */
    delegation: number[];
    allow: number[];
    /** [test][expect] → line */
    expect: number[][];
  };
}

export function selectorText(s: Selector): string {
  if (s.kind === "all") return "all functions";
  if (s.kind === "category") return `category ${s.id}`;
  return s.explicit ? `function ${s.id}` : s.id;
}
const selectors = (ss: Selector[]) => ss.map(selectorText).join(", ");
const refs = (rs: RoleRef[]) => rs.map((r) => (r.of === "kind" ? `kind ${r.id}` : r.id)).join(", ");

function money(v: number): string {
  return `£${String(v).replace(/\B(?=(\d{3})+(?!\d))/g, "_")}`;
}
function valueText(model: Model, dim: string, v: number | string): string {
  const d = model.framework.dimensions.find((x) => x.id === dim)!;
  return d.type === "money" ? money(v as number) : String(v);
}
function condition(model: Model, c: Condition): string {
  return c.op === "in" ? `${c.dim} in { ${c.values.join(", ")} }` : `${c.dim} ${c.op} ${valueText(model, c.dim, c.value)}`;
}
export function conditionsText(model: Model, c: Conditions): string {
  let out = "";
  if (c.where.length > 0) out += ` where ${c.where.map((x) => condition(model, x)).join(" and ")}`;
  if (c.from !== undefined) out += ` from ${dayString(c.from)}`;
  if (c.until !== undefined) out += ` until ${dayString(c.until)}`;
  return out;
}
const who = (w: Who) => (w.each ? "each member" : w.parties.join(", "));

export function printFramework(model: Model): string {
  const fw = model.framework;
  const out: string[] = [`framework gen "Generated framework" {`, `  levels system, place`];
  for (const k of fw.kinds) out.push(`  kind ${k} "Kind ${k}"`);
  for (const r of fw.roles) out.push(`  role ${r} "Role ${r}"`);
  for (const c of fw.categories) out.push(`  category ${c} "Category ${c}"`);
  for (const d of fw.dimensions) out.push(`  dimension ${d.id}: ${d.type === "enum" ? `enum { ${d.values!.join(", ")} }` : d.type}`);
  for (const f of fw.functions) {
    const head = `  function ${f.id} "Function ${f.id}"${f.category ? ` in ${f.category}` : ""}`;
    if (f.children.length === 0) out.push(head);
    else {
      out.push(`${head} {`);
      for (const c of f.children) out.push(`    function ${c.id.split(".")[1]} "Function ${c.id}"${c.category ? ` in ${c.category}` : ""}`);
      out.push(`  }`);
    }
  }
  for (const m of fw.models) {
    out.push(`  model ${m.id} "Model ${m.id}" {`, `    step 1`);
    for (const c of m.constraints) out.push(`    ${c.role} must be ${refs(c.roles)}${c.for ? ` for ${selectors(c.for)}` : ""}`);
    out.push(`  }`);
  }
  for (const r of fw.rules) {
    out.push(`  rule ${r.id} "Rule ${r.id}" {`);
    for (const o of r.obligations) {
      let body: string;
      switch (o.type) {
        case "cover":
          body = `cover ${selectors(o.selectors)}`;
          break;
        case "assign-responsible":
          body = `assign responsible for ${selectors(o.selectors)}`;
          break;
        case "deliver":
          body = `deliver ${selectors(o.selectors)} at ${o.level}`;
          break;
        case "make-accountable":
        case "not-make-accountable":
          body = `${o.type === "not-make-accountable" ? "not " : ""}make accountable ${refs(o.roles)} for ${selectors(o.selectors)}`;
          break;
      }
      out.push(`    ${o.strength} ${body}`);
    }
    out.push(`    cite "${r.cite}"`, `  }`);
  }
  out.push(`}`);
  return out.join("\n") + "\n";
}

export function printModel(model: Model): PrintedModel {
  const a = model.agreement;
  const out: string[] = [];
  const lines: PrintedModel["lines"] = { header: 0, assign: new Map(), delegation: [], allow: [], expect: [] };
  const push = (s: string) => out.push(s);
  push(`import "framework.concord"`);
  push("");
  lines.header = out.length + 1;
  push(`agreement generated "Generated agreement" {`);
  push(`  conforms to gen`);
  for (const m of a.models) push(`  model ${m.model}${m.for ? ` for ${selectors(m.for)}` : ""}`);
  if (a.term) push(`  term ${dayString(a.term.from)} to ${dayString(a.term.to)}`);
  for (const p of a.parties) push(`  party ${p.id} "Party ${p.id}" kind ${p.kind}${p.roles.length > 0 ? ` role ${p.roles.join(", ")}` : ""}`);
  for (const b of a.bodies) push(`  body ${b.id} "Body ${b.id}" kind ${b.kind} members ${b.members.join(", ")}`);
  if (a.scope) {
    lines.scope = out.length + 1;
    push(`  scope ${selectors(a.scope)}`);
  }
  const assign = (x: ModelAssign, number: string, indent: string) => {
    let head = `assign ${selectors(x.selectors)}`;
    if (x.at) head += ` at ${x.at.level}${x.at.level === "place" && x.at.places.length > 0 ? ` ${x.at.places.join(", ")}` : ""}`;
    head += conditionsText(model, x.conditions);
    if (x.overrides.length > 0) head += ` overrides ${x.overrides.map((n) => `clause ${n}`).join(", ")}`;
    lines.assign.set(number, out.length + 1);
    push(`${indent}${head} {`);
    push(`${indent}  accountable ${who(x.accountable)}`);
    if (x.responsible) push(`${indent}  responsible ${who(x.responsible)}`);
    push(`${indent}}`);
  };
  const clause = (c: ModelClause, indent: string) => {
    push(`${indent}clause ${c.number} "Clause ${c.number}" {`);
    assign(c.assign, c.number, indent + "  ");
    if (c.sub) clause(c.sub, indent + "  ");
    push(`${indent}}`);
  };
  for (const c of a.clauses) clause(c, "  ");
  a.delegations.forEach((d) => {
    push(`  clause ${d.clause} "Delegation" {`);
    lines.delegation.push(out.length + 1);
    push(`    delegate ${selectors(d.selectors)} from ${d.from} to ${d.to}${conditionsText(model, d.conditions)}`);
    push(`  }`);
  });
  for (const al of a.allows) {
    lines.allow.push(out.length + 1);
    push(`  allow ${al.rule} because "A reason"`);
  }
  for (const t of a.tests) {
    push(`  test "${t.title}" {`);
    const ls: number[] = [];
    for (const e of t.expects) {
      let s = `    expect ${e.subject} for ${e.activity}`;
      if (e.place !== undefined) s += ` at place ${e.place}`;
      if (e.on !== undefined) s += ` on ${dayString(e.on)}`;
      if (e.where.length > 0) s += ` where ${e.where.map((w) => `${w.dim} = ${valueText(model, w.dim, w.value)}`).join(" and ")}`;
      s += ` is ${e.expected.length > 0 ? e.expected.join(", ") : "nobody"}`;
      ls.push(out.length + 1);
      push(s);
    }
    lines.expect.push(ls);
    push(`  }`);
  }
  push(`}`);
  return { framework: printFramework(model), agreement: out.join("\n") + "\n", lines };
}
