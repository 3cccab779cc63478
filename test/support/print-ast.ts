// A plain printer of ASTs back to .concord text (no comments, fixed layout).
// Used by the round-trip property: print → parse gives the same AST.
import type * as A from "../../src/syntax/ast.js";

function str(s: A.StringLiteral | undefined): string {
  if (!s) return "";
  if (s.triple) {
    const body = s.value
      .split("\n")
      .map((l) => (l === "" ? "" : "    " + l))
      .join("\n");
    return `"""\n${body}\n  """`;
  }
  return JSON.stringify(s.value);
}
function title(s: A.StringLiteral | undefined): string {
  return s ? " " + str(s) : "";
}
function names(ns: A.Name[]): string {
  return ns.map((n) => n.text).join(", ");
}
function selector(s: A.Selector): string {
  switch (s.kind) {
    case "AllFunctionsSelector":
      return "all functions";
    case "CategorySelector":
      return `category ${s.name.text}`;
    case "FunctionSelector":
      return s.explicit ? `function ${s.name.text}` : s.name.text;
  }
}
function selectors(ss: A.Selector[]): string {
  return ss.map(selector).join(", ");
}
function roleOrKinds(rs: A.RoleOrKind[]): string {
  return rs.map((r) => (r.of === "kind" ? `kind ${r.name.text}` : r.name.text)).join(", ");
}
function value(v: A.Value): string {
  return v.kind === "Name" ? v.text : v.text;
}
function conditions(c: A.Conditions): string {
  let out = "";
  if (c.where.length) {
    out +=
      " where " +
      c.where
        .map((w) => (w.kind === "In" ? `${w.dimension.text} in { ${names(w.values)} }` : `${w.dimension.text} ${w.op} ${value(w.value)}`))
        .join(" and ");
  }
  if (c.from) out += ` from ${c.from.text}`;
  if (c.until) out += ` until ${c.until.text}`;
  return out;
}

function functionDecl(f: A.FunctionDecl, indent: string): string {
  let out = `${indent}function ${f.name.text}${title(f.title)}`;
  if (f.category) out += ` in ${f.category.text}`;
  if (f.children.length) {
    out += " {\n" + f.children.map((c) => functionDecl(c, indent + "  ")).join("") + `${indent}}`;
  }
  return out + "\n";
}

function obligation(b: A.ObligationBody): string {
  switch (b.kind) {
    case "Cover":
      return `cover ${selectors(b.selectors)}`;
    case "AssignResponsible":
      return `assign responsible for ${selectors(b.selectors)}`;
    case "Deliver":
      return `deliver ${selectors(b.selectors)} at ${b.level.text}`;
    case "MakeAccountable":
      return `${b.negated ? "not " : ""}make accountable ${roleOrKinds(b.roles)} for ${selectors(b.selectors)}`;
    case "Provide":
      return `provide ${b.provision.text}`;
    case "ReviewEvery":
      return `review every ${b.months.text} months`;
    case "LastAtMost":
      return `last at most ${b.years.text} years`;
    case "HaveAtLeast":
      return `have at least ${b.count.text} parties${b.kinds.length ? ` of kind ${names(b.kinds)}` : ""}`;
    case "EstablishBody":
      return `establish body of kind ${b.bodyKind.text}`;
    case "UseModel":
      return `use model ${names(b.models)}`;
  }
}

function frameworkItem(it: A.FrameworkItem, i: string): string {
  switch (it.kind) {
    case "Version":
      return `${i}version ${str(it.value)}\n`;
    case "Source":
      return `${i}source ${str(it.value)}\n`;
    case "Extends":
      return `${i}extends ${names(it.frameworks)}\n`;
    case "Levels":
      return `${i}levels ${names(it.levels)}\n`;
    case "KindDecl":
      return `${i}kind ${it.name.text}${title(it.title)}\n`;
    case "RoleDecl":
      return `${i}role ${it.name.text}${title(it.title)}\n`;
    case "CategoryDecl":
      return `${i}category ${it.name.text}${title(it.title)}\n`;
    case "FunctionDecl":
      return functionDecl(it, i);
    case "DimensionDecl": {
      const t = it.type.kind === "enum" ? `enum { ${names(it.type.values)} }` : it.type.kind;
      return `${i}dimension ${it.name.text}: ${t}\n`;
    }
    case "ProvisionDecl":
      return `${i}provision ${it.name.text}${title(it.title)}\n`;
    case "ModelDecl": {
      const items = it.items.map((m) => {
        if (m.kind === "Step") return `${i}  step ${m.step.text}\n`;
        if (m.kind === "Requires") return `${i}  requires ${m.what} ${m.name.text}\n`;
        if (m.kind === "Cite") return `${i}  cite ${str(m.value)}\n`;
        return `${i}  ${m.role} ${m.modality} be ${roleOrKinds(m.roles)}${m.for.length ? ` for ${selectors(m.for)}` : ""}\n`;
      });
      return `${i}model ${it.name.text}${title(it.title)} {\n${items.join("")}${i}}\n`;
    }
    case "RuleDecl": {
      const items = it.items.map((r) => (r.kind === "Cite" ? `${i}  cite ${str(r.value)}\n` : `${i}  ${r.strength} ${obligation(r.body)}\n`));
      return `${i}rule ${it.name.text}${title(it.title)} {\n${items.join("")}${i}}\n`;
    }
  }
}

function agreementItem(it: A.AgreementItem, i: string): string {
  switch (it.kind) {
    case "ConformsTo":
      return `${i}conforms to ${names(it.frameworks)}\n`;
    case "ModelUse":
      return `${i}model ${it.model.text}${it.for.length ? ` for ${selectors(it.for)}` : ""}\n`;
    case "Term":
      return `${i}term ${it.from.text} to ${it.to.text}\n`;
    case "Review":
      return `${i}review every ${it.months.text} months\n`;
    case "PartyDecl":
      return `${i}party ${it.name.text}${title(it.title)} kind ${it.partyKind.text}${it.roles.length ? ` role ${names(it.roles)}` : ""}\n`;
    case "BodyDecl":
      return `${i}body ${it.name.text}${title(it.title)} kind ${it.bodyKind.text} members ${names(it.members)}\n`;
    case "FunctionDecl":
      return functionDecl(it, i);
    case "Scope":
      return `${i}scope ${selectors(it.selectors)}\n`;
    case "ProvisionDecl":
      return `${i}provision ${it.name.text}${title(it.title)}\n`;
    case "Clause":
      return `${i}clause ${it.number.text}${title(it.title)} {\n${it.items.map((c) => agreementItem(c, i + "  ")).join("")}${i}}\n`;
    case "Assign": {
      let head = `${i}assign ${selectors(it.selectors)}`;
      if (it.at) head += ` at ${it.at.level.text}${it.at.places.length ? " " + names(it.at.places) : ""}`;
      head += conditions(it.conditions);
      if (it.overrides.length) head += " overrides " + it.overrides.map((o) => `clause ${o.text}`).join(", ");
      const lines = it.roleLines.map((r) => `${i}  ${r.role} ${r.eachMember ? "each member" : names(r.parties)}\n`);
      return `${head} {\n${lines.join("")}${i}}\n`;
    }
    case "Delegate":
      return `${i}delegate ${selectors(it.selectors)} from ${it.from.text} to ${it.to.text}${conditions(it.conditions)}\n`;
    case "Allow":
      return `${i}allow ${it.rule.text} because ${str(it.reason)}\n`;
    case "TestDecl": {
      const ex = it.expects.map((e) => {
        let s = `${i}  expect ${e.subject} for ${e.activity.text}`;
        if (e.at) s += ` at ${e.at.level.text} ${e.at.place.text}`;
        if (e.on) s += ` on ${e.on.text}`;
        if (e.where.length) s += " where " + e.where.map((w) => `${w.dimension.text} = ${value(w.value)}`).join(" and ");
        s += ` is ${e.expected.length ? names(e.expected) : "nobody"}`;
        return s + "\n";
      });
      return `${i}test ${str(it.title)} {\n${ex.join("")}${i}}\n`;
    }
  }
}

export function printAst(file: A.SourceFile): string {
  const out: string[] = [];
  for (const imp of file.imports) out.push(`import ${str(imp.path)}\n`);
  for (const d of file.declarations) {
    if (d.kind === "Framework") {
      out.push(`framework ${d.name.text}${title(d.title)} {\n${d.items.map((it) => frameworkItem(it, "  ")).join("")}}\n`);
    } else {
      out.push(`agreement ${d.name.text}${title(d.title)} {\n${d.items.map((it) => agreementItem(it, "  ")).join("")}}\n`);
    }
  }
  return out.join("\n");
}

/** A deep copy without spans (and without comments), for comparing ASTs. */
export function stripSpans(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(stripSpans);
  if (x && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) {
      if (k === "span" || k === "comments" || v === undefined) continue;
      out[k] = stripSpans(v);
    }
    return out;
  }
  return x;
}
