// Frameworks flattened (everything they extend), and the compiled form of models and
// rules, whose selectors are expanded against a given environment (a framework's, or
// an agreement's with its local functions).
import type {
  Dimension,
  Framework as OutFramework,
  Function as OutFunction,
  Model,
  ModelConstraint,
  Named,
  Obligation,
  Rule,
} from "../generated/ruleset.js";
import type { Framework, Selector } from "../syntax/ast.js";
import type { DimensionInfo, Env, FunctionInfo, ModelInfo, NamedInfo, RuleInfo } from "./env.js";
import type { Reporter } from "./report.js";
import { expandSelectors, resolveRoleRefs } from "./resolve-selectors.js";
import { outSpan } from "./spans.js";
import { exactInteger } from "./numbers.js";

export function outNamed(n: NamedInfo): Named {
  const out = { id: n.id } as Named;
  if (n.title !== undefined) out.title = n.title;
  if (n.framework !== undefined) out.framework = n.framework;
  out.span = outSpan(n.span);
  return out;
}

export function outFunction(f: FunctionInfo): OutFunction {
  const out = { id: f.id } as OutFunction;
  if (f.title !== undefined) out.title = f.title;
  if (f.category !== undefined) out.category = f.category;
  if (f.parent !== undefined) out.parent = f.parent;
  out.activity = f.activity;
  if (f.framework !== undefined) out.framework = f.framework;
  out.span = outSpan(f.span);
  return out;
}

export function outDimension(d: DimensionInfo, currency?: "£" | "€" | "$"): Dimension {
  const out = { id: d.id, type: d.type } as Dimension;
  if (currency !== undefined) out.currency = currency;
  if (d.type === "enum") out.values = [...d.values];
  out.framework = d.framework;
  out.span = outSpan(d.span);
  return out;
}

/** A model with its `for` selectors expanded against `env`; bad parts are dropped (reported). */
export function compileModel(env: Env, m: ModelInfo, r: Reporter): Model {
  const decl = m.decl;
  const out = { id: m.id } as Model;
  if (decl.title?.value !== undefined) out.title = decl.title.value;
  const constraints: ModelConstraint[] = [];
  const requires: Model["requires"] = [];
  for (const item of decl.items ?? []) {
    if (!item) continue;
    if (item.kind === "Step") {
      const n = item.step?.value;
      if (typeof n !== "number") continue;
      if (!Number.isInteger(n) || n < 1 || n > 3) {
        r.error("type", `A model's step is 1, 2 or 3 (the control conceded), not ${item.step.text ?? n}.`, item.step.span ?? item.span);
      } else if (out.step === undefined) out.step = n;
    } else if (item.kind === "ModelConstraint") {
      const roles = resolveRoleRefs(env, item.roles, r);
      const activities = item.for && item.for.length > 0 ? expandSelectors(env, item.for, r) : null;
      if (!roles || activities === undefined) continue;
      constraints.push({ role: item.role, modality: item.modality, roles, activities, span: outSpan(item.span) });
    } else if (item.kind === "Requires") {
      if (!item.name?.text) continue;
      const ns = item.what === "provision" ? env.provisions : item.what === "role" ? env.roles : env.kinds;
      const hit = ns.resolve(item.name, r);
      if (hit) requires.push({ what: item.what, id: hit.id, span: outSpan(item.span) });
    } else if (item.kind === "Cite") {
      if (item.value?.value !== undefined && out.cite === undefined) out.cite = item.value.value;
    }
  }
  out.framework = m.framework;
  out.constraints = constraints;
  out.requires = requires;
  out.span = outSpan(decl.span);
  return out;
}

/** A rule with its selectors expanded against `env`; an obligation naming nothing is dropped (reported). */
export function compileRule(env: Env, rule: RuleInfo, r: Reporter): Rule {
  const decl = rule.decl;
  const out = { id: rule.id } as Rule;
  if (decl.title?.value !== undefined) out.title = decl.title.value;
  const cite = (decl.items ?? []).find((i) => i?.kind === "Cite");
  if (cite && cite.kind === "Cite" && cite.value?.value !== undefined) out.cite = cite.value.value;
  out.framework = rule.framework;
  const obligations: Obligation[] = [];
  for (const item of decl.items ?? []) {
    if (item?.kind !== "Obligation" || !item.body) continue;
    const o = compileObligation(env, item.strength, item.body, r);
    if (o) {
      o.span = outSpan(item.span);
      obligations.push(o);
    }
  }
  out.obligations = obligations;
  out.span = outSpan(decl.span);
  return out;
}

/** A rule's selector in words, as written: "category core", "hr and it", "every function" (DESIGN.md §7 messages). */
function selectorWords(selectors: readonly (Selector | undefined)[]): string {
  const words = selectors
    .filter((x): x is Selector => !!x)
    .map((x) => (x.kind === "AllFunctionsSelector" ? "every function" : x.kind === "CategorySelector" ? `category ${x.name?.text}` : (x.name?.text ?? "")))
    .filter((w) => w.length > 0);
  return [...new Set(words)].join(", ").replace(/, ([^,]*)$/, " and $1");
}

function compileObligation(
  env: Env,
  strength: "must" | "should",
  body: NonNullable<import("../syntax/ast.js").Obligation["body"]>,
  r: Reporter,
): Obligation | undefined {
  const base = (type: Obligation["type"]): Obligation => ({ strength, type }) as Obligation;
  switch (body.kind) {
    case "Cover":
    case "AssignResponsible": {
      const activities = expandSelectors(env, body.selectors, r);
      if (!activities) return undefined;
      const o = base(body.kind === "Cover" ? "cover" : "assign-responsible");
      o.activities = activities;
      o.selector = selectorWords(body.selectors);
      return o;
    }
    case "Deliver": {
      const activities = expandSelectors(env, body.selectors, r);
      const level = body.level?.text ? env.levels.resolve(body.level, r) : undefined;
      if (!activities || !level) return undefined;
      const o = base("deliver");
      o.activities = activities;
      o.selector = selectorWords(body.selectors);
      o.level = level.id;
      return o;
    }
    case "MakeAccountable": {
      const roles = resolveRoleRefs(env, body.roles, r);
      const activities = expandSelectors(env, body.selectors, r);
      if (!roles || !activities) return undefined;
      const o = base(body.negated ? "not-make-accountable" : "make-accountable");
      o.activities = activities;
      o.selector = selectorWords(body.selectors);
      o.roles = roles;
      return o;
    }
    case "Provide": {
      const p = body.provision?.text ? env.provisions.resolve(body.provision, r) : undefined;
      if (!p) return undefined;
      const o = base("provide");
      o.provision = p.id;
      return o;
    }
    case "ReviewEvery": {
      if (typeof body.months?.value !== "number") return undefined;
      const months = exactInteger(body.months, r);
      if (months === 0) r.error("type", "`review every 0 months` names no period: require a review at least every month.", body.months.span);
      if (!months) return undefined;
      const o = base("review-every");
      o.months = months;
      return o;
    }
    case "LastAtMost": {
      if (typeof body.years?.value !== "number") return undefined;
      const years = exactInteger(body.years, r);
      if (years === 0) r.error("type", "`last at most 0 years` allows no term at all: give at least one year.", body.years.span);
      if (!years) return undefined;
      const o = base("last-at-most");
      o.years = years;
      return o;
    }
    case "HaveAtLeast": {
      if (typeof body.count?.value !== "number") return undefined;
      const count = exactInteger(body.count, r);
      if (count === undefined) return undefined;
      const kinds: string[] = [];
      let ok = true;
      for (const k of body.kinds ?? []) {
        if (!k?.text) continue;
        const hit = env.kinds.resolve(k, r);
        if (hit) kinds.push(hit.id);
        else ok = false;
      }
      if (!ok) return undefined;
      const o = base("have-at-least");
      o.count = count;
      o.kinds = kinds;
      return o;
    }
    case "EstablishBody": {
      const k = body.bodyKind?.text ? env.kinds.resolve(body.bodyKind, r) : undefined;
      if (!k) return undefined;
      const o = base("establish-body");
      o.bodyKind = k.id;
      return o;
    }
    case "UseModel": {
      const models: string[] = [];
      let ok = true;
      for (const m of body.models ?? []) {
        if (!m?.text) continue;
        const hit = env.models.resolve(m, r);
        if (hit) models.push(hit.id);
        else ok = false;
      }
      if (!ok) return undefined;
      const o = base("use-model");
      o.models = models;
      return o;
    }
    default:
      return undefined;
  }
}

/** The flattened framework: its own items and everything it extends, bases first. */
export function compileFramework(decl: Framework, env: Env, r: Reporter): OutFramework {
  const out = { id: decl.name.text } as OutFramework;
  if (decl.title?.value !== undefined) out.title = decl.title.value;
  for (const item of decl.items ?? []) {
    if (item?.kind === "Version" && out.version === undefined && item.value?.value !== undefined) out.version = item.value.value;
    if (item?.kind === "Source" && out.source === undefined && item.value?.value !== undefined) out.source = item.value.value;
  }
  out.extends = env.frameworks.filter((f) => f.id !== decl.name.text).map((f) => f.id);
  out.levels = [...env.levelList];
  out.kinds = env.kinds.values().map(outNamed);
  out.roles = env.roles.values().map(outNamed);
  out.categories = env.categories.values().map(outNamed);
  out.functions = env.functionList.map(outFunction);
  out.dimensions = env.dimensionList.map((d) => outDimension(d));
  out.provisions = env.provisions.values().map(outNamed);
  out.models = env.models.values().map((m) => compileModel(env, m, r));
  out.rules = env.rules.values().map((rule) => compileRule(env, rule, r));
  out.span = outSpan(decl.span);
  return out;
}
