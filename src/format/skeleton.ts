// `concordat init`: the skeleton of a new agreement under a framework (and a model), read
// from the compiled framework (extends flattened, selectors expanded). Every decision the
// framework's rules and the model leave to the agreement is a `TODO(rule R)` or
// `TODO(model M)` comment, placed where `concordat check` reports it:
// - each activity a `cover` rule selects gets an `assign` with no accountable party yet,
//   at the level a `deliver` rule asks for; its gap is reported on that `assign`, and
//   the TODO inside it says what to decide (and what `make accountable` rules allow);
// - what the agreement as a whole must contain (provisions, review, term, parties of a
//   kind, bodies, a model's required roles) is reported on the agreement's header, so
//   those TODOs open the agreement, just under it.
// Nothing else is marked TODO, so the TODOs and the findings of `check` are the same list.
import type { Framework, Function as Fn, Model, RoleRef, Rule } from "../generated/ruleset.js";

export interface SkeletonInput {
  /** The frameworks the agreement conforms to (compiled, flattened). */
  frameworks: Framework[];
  /** The model the agreement uses, if chosen. */
  model?: Model;
  name: string;
  /** The import path, relative to the new file. */
  importPath: string;
}

/** The new file in two parts: the opening comments and the import, then the agreement. */
export interface Skeleton {
  preamble: string;
  agreement: string;
}

/** A TODO's tags: `rule B6`, `model federated`. */
type Tag = string;

interface Todo {
  tags: Tag[];
  text: string;
  /** Commented-out lines that show the item to write. */
  example?: string[];
}

export function agreementSkeleton(input: SkeletonInput): Skeleton {
  const fw = input.frameworks;
  const rules = uniqueBy(
    fw.flatMap((f) => f.rules),
    (r) => `${r.framework}\u0000${r.id}`,
  );
  const functions = uniqueBy(
    fw.flatMap((f) => f.functions),
    (f) => f.id,
  );
  const provisions = new Map(fw.flatMap((f) => f.provisions).map((p) => [p.id, p.title]));
  const kinds = new Map(fw.flatMap((f) => f.kinds).map((k) => [k.id, k.title]));
  const roles = new Map(fw.flatMap((f) => f.roles).map((k) => [k.id, k.title]));
  const levels = fw.find((f) => f.levels.length > 0)?.levels ?? [];
  const obligations = rules.flatMap((rule) => rule.obligations.map((o) => ({ rule, o })));
  const ruleTag = (r: Rule): Tag => `rule ${r.id}`;

  // ---- what the agreement as a whole must contain
  const header: Todo[] = [];
  const byKey = new Map<string, Todo>();
  const add = (key: string, tag: Tag, make: () => Omit<Todo, "tags">) => {
    const seen = byKey.get(key);
    if (seen) {
      if (!seen.tags.includes(tag)) seen.tags.push(tag);
      return;
    }
    const t: Todo = { tags: [tag], ...make() };
    byKey.set(key, t);
    header.push(t);
  };
  for (const { rule, o } of obligations) {
    const tag = ruleTag(rule);
    switch (o.type) {
      case "review-every":
        add("review", tag, () => ({ text: `review at least every ${o.months} months (${quoteTitle(rule)})`, example: [`review every ${o.months} months`] }));
        break;
      case "last-at-most":
        add("term", tag, () => ({ text: `the term, at most ${o.years} ${o.years === 1 ? "year" : "years"} (${quoteTitle(rule)})`, example: ["term YYYY-MM-DD to YYYY-MM-DD"] }));
        break;
      case "provide":
        add(`provision ${o.provision}`, tag, () => provisionTodo(o.provision!, provisions.get(o.provision!)));
        break;
      case "have-at-least": {
        const ks = o.kinds ?? [];
        add(`parties ${rule.id} ${o.count} ${ks.join(",")}`, tag, () => ({
          text: `at least ${o.count} ${o.count === 1 ? "party" : "parties"}${ks.length > 0 ? ` of kind ${ks.join(" or ")}` : ""} (${quoteTitle(rule)})`,
          example: Array.from({ length: Math.min(o.count ?? 1, 3) }, (_, i) => `party party_${i + 1} "…" kind ${ks[i % Math.max(ks.length, 1)] ?? "KIND"}${roles.has("member") ? " role member" : ""}`),
        }));
        break;
      }
      case "establish-body":
        add(`body ${o.bodyKind}`, tag, () => ({
          text: `a body of kind ${o.bodyKind}${kinds.get(o.bodyKind!) ? ` (${kinds.get(o.bodyKind!)})` : ""} (${quoteTitle(rule)})`,
          example: [`body ${o.bodyKind} "…" kind ${o.bodyKind} members PARTY, PARTY`],
        }));
        break;
      default:
        break;
    }
  }
  if (input.model) {
    const m = input.model;
    const tag: Tag = `model ${m.id}`;
    for (const r of m.requires) {
      if (r.what === "provision") add(`provision ${r.id}`, tag, () => provisionTodo(r.id, provisions.get(r.id)));
      else if (r.what === "role")
        add(`role ${r.id}`, tag, () => ({
          text: `a party with role ${r.id}${roles.get(r.id) ? ` (${roles.get(r.id)})` : ""}, which the ${m.id} model requires`,
          example: [`party ${r.id}_party "…" kind KIND role ${r.id}`],
        }));
      else
        add(`body ${r.id}`, tag, () => ({
          text: `a body of kind ${r.id}${kinds.get(r.id) ? ` (${kinds.get(r.id)})` : ""}, which the ${m.id} model requires`,
          example: [`body ${r.id} "…" kind ${r.id} members PARTY, PARTY`],
        }));
    }
  }

  // ---- the activities the rules want covered, grouped by top-level function and level
  const fnById = new Map(functions.map((f) => [f.id, f]));
  const rootOf = (id: string): Fn => {
    let f = fnById.get(id)!;
    while (f?.parent && fnById.has(f.parent)) f = fnById.get(f.parent)!;
    return f;
  };
  const coverRule = new Map<string, Rule>();
  const deliverLevel = new Map<string, { level: string; rule: Rule }>();
  const accountableLimits = new Map<string, string[]>();
  for (const { rule, o } of obligations) {
    for (const a of o.activities ?? []) {
      if (o.type === "cover" && !coverRule.has(a)) coverRule.set(a, rule);
      if (o.type === "deliver" && o.level && !deliverLevel.has(a)) deliverLevel.set(a, { level: o.level, rule });
      if (o.type === "make-accountable" || o.type === "not-make-accountable") {
        const list = accountableLimits.get(a) ?? [];
        const what = `accountable ${o.type === "make-accountable" ? "must be" : "must not be"} ${roleRefs(o.roles ?? [])} (rule ${rule.id})`;
        if (!list.includes(what)) list.push(what);
        accountableLimits.set(a, list);
      }
    }
  }
  if (input.model) {
    for (const c of input.model.constraints) {
      if (c.modality !== "must") continue;
      const what = `${c.role} must be ${roleRefs(c.roles)} (model ${input.model.id})`;
      for (const f of functions) {
        if (!f.activity || (c.activities !== null && !c.activities.includes(f.id))) continue;
        const list = accountableLimits.get(f.id) ?? [];
        if (!list.includes(what)) list.push(what);
        accountableLimits.set(f.id, list);
      }
    }
  }
  interface Group {
    root: Fn;
    level?: string;
    activities: string[];
  }
  const groups: Group[] = [];
  for (const f of functions) {
    if (!f.activity || !coverRule.has(f.id)) continue;
    const root = rootOf(f.id);
    const level = deliverLevel.get(f.id)?.level;
    let g = groups.find((x) => x.root.id === root.id && x.level === level);
    if (!g) groups.push((g = { root, level, activities: [] }));
    g.activities.push(f.id);
  }
  const activitiesUnder = (root: Fn) => functions.filter((f) => f.activity && rootOf(f.id).id === root.id).map((f) => f.id);

  // ---- the text
  const out: string[] = [];
  const frameworkIds = fw.map((f) => f.id);
  out.push(`// A new agreement under ${frameworkIds.join(" and ")}${input.model ? `, on the ${input.model.id} model` : ""}, drafted by \`concordat init\`.`);
  out.push("// Each TODO is a decision still to be made; `concordat check` reports each of them until it is.");
  if (!input.model) {
    const models = uniqueBy(
      fw.flatMap((f) => f.models),
      (m) => m.id,
    );
    if (models.length > 0) out.push(`// Collaboration models the framework offers: ${models.map((m) => m.id).join(", ")} (\`model ID\`).`);
  }
  out.push("");
  out.push(`import ${JSON.stringify(input.importPath)}`);
  const preamble = out.splice(0).join("\n") + "\n";
  out.push(`agreement ${input.name} {`);
  out.push(`conforms to ${frameworkIds.join(", ")}`);
  if (input.model) out.push(`model ${input.model.id}`);
  for (const t of header) {
    out.push(`// TODO(${t.tags.join(", ")}): ${t.text}`);
    for (const e of t.example ?? []) out.push(`//   ${e}`);
  }
  if (groups.length > 0) {
    out.push("");
    const clauses = uniqueBy(groups, (g) => g.root.id).map((g) => g.root);
    clauses.forEach((root, i) => {
      out.push(`clause ${i + 1}${root.title ? ` ${JSON.stringify(root.title)}` : ""} {`);
      for (const g of groups.filter((x) => x.root.id === root.id)) {
        const all = activitiesUnder(root);
        const selector = g.activities.length === all.length ? root.id : g.activities.join(", ");
        const at = g.level ? ` at ${g.level}` : "";
        out.push(`assign ${selector}${at} {`);
        const covers = uniqueBy(
          g.activities.map((a) => coverRule.get(a)!),
          (r) => r.id,
        );
        out.push(`// TODO(${covers.map(ruleTag).join(", ")}): who is accountable${g.level ? "" : levels.length > 0 ? ` (and at which level: ${levels.join(", ")})` : ""}, and who is responsible`);
        const limits = [...new Set(g.activities.flatMap((a) => accountableLimits.get(a) ?? []))];
        for (const l of limits) out.push(`//   ${l}`);
        out.push(`//   accountable PARTY`, `//   responsible PARTY`);
        out.push("}");
      }
      out.push("}");
    });
  }
  out.push("}");
  return { preamble, agreement: out.join("\n") + "\n" };
}

function provisionTodo(id: string, title: string | undefined): Omit<Todo, "tags"> {
  return { text: `provision ${id}${title ? `: ${title}` : ""}`, example: [`provision ${id} """`, "  …", '"""'] };
}

function quoteTitle(r: Rule): string {
  return r.title ? `rule ${r.id}, “${r.title}”` : `rule ${r.id}`;
}

function roleRefs(rs: RoleRef[]): string {
  return rs.map((r) => (r.of === "kind" ? `of kind ${r.id}` : r.id)).join(" or ");
}

function uniqueBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
