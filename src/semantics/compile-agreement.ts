// An agreement compiled to the rule set: every name resolved, every selector expanded to
// activities, every assignment a box (activities × places × days × a range per dimension),
// `each member` expanded to places, overrides resolved to assignment ids. An item with a
// name or type error is reported and dropped; the rest is still compiled.
import type {
  Agreement as OutAgreement,
  Assignment,
  Delegation,
  Expectation,
  PartyAt,
  Raci,
} from "../generated/ruleset.js";
import type { Agreement, AgreementItem, Assign, BodyDecl, Delegate, Expect, Name, PartyDecl, Span, TestDecl } from "../syntax/ast.js";
import { exactList } from "../syntax/exact-list.js";
import { spanFromTo } from "../syntax/plain-span.js";
import { compileModel, compileRule, outDimension, outFunction } from "./compile-framework.js";
import { placeLevel, type Env, type FrameworkNode, type LocalFunction } from "./env.js";
import { Namespace } from "./namespace.js";
import { Reporter, where } from "./report.js";
import { checkDay, compileDays, compileWhere, dimensionValue, ignoredDate, type ConditionContext } from "./resolve-conditions.js";
import { exactInteger } from "./numbers.js";
import { buildEnv, closure, type ConformsSite, type FrameworkTable } from "./resolve-frameworks.js";
import { resolveParties, type Parties, type PartyInfo } from "./resolve-parties.js";
import { expandSelectors } from "./resolve-selectors.js";
import { outSpan } from "./spans.js";

/** An agreement item with where it stands: its enclosing clause numbers, outermost first. */
interface Placed {
  item: AgreementItem;
  clauses: ClausePath;
}

/**
 * The numbers of the clauses an item is in, innermost first, sharing the outer ones: a copy
 * per clause cost the square of the nesting (10,000 clauses opened and never closed).
 */
type ClausePath = { readonly number: string; readonly outer: ClausePath } | undefined;

function innermost(p: { clauses: ClausePath }): string | undefined {
  return p.clauses?.number;
}

function flatten(items: AgreementItem[], clauses: ClausePath, out: Placed[]): void {
  for (const item of items ?? []) {
    if (!item) continue;
    out.push({ item, clauses });
    if (item.kind === "Clause") {
      const n = item.number?.text;
      flatten(item.items, n ? { number: n, outer: clauses } : clauses, out);
    }
  }
}

const RACI = ["accountable", "responsible", "consulted", "informed"] as const;

/** Lists up to this long are searched for repeats directly (see compileAssign). */
const SHORT_LIST = 8;

/** A RACI entry's identity: its party, and its place when it has one. */
function raciKey(e: PartyAt): string {
  return e.place === undefined ? e.party : `${e.party}\u0000${e.place}`;
}

/**
 * What agreements that conform to the same frameworks and declare no functions of their own
 * share, within one compile: the environment, and its compiled functions, rules and models.
 * A thousand agreements under a framework of 2,000 functions each built them afresh (two
 * million function objects, most of the compile and a third of the run in the collector).
 * An environment is shared only when building it reported nothing new: one whose frameworks
 * clash reports that on each agreement's `conforms to`, so each builds its own.
 */
export class SharedFrameworks {
  private readonly envs = new Map<string, Env>();
  private readonly outputs = new WeakMap<Env, SharedOutput>();

  env(frameworks: FrameworkNode[], r: Reporter, site: ConformsSite | undefined): Env {
    const key = frameworks.map((f) => f.id).join("\u0000");
    const known = this.envs.get(key);
    if (known) return known;
    const before = r.diagnostics.length;
    const env = buildEnv(frameworks, [], r, site);
    if (r.diagnostics.length === before) this.envs.set(key, env);
    return env;
  }

  /** The compiled form of `env`'s functions, rules and models, made once per environment. */
  output(env: Env): SharedOutput {
    let out = this.outputs.get(env);
    if (!out) this.outputs.set(env, (out = sharedOutput(env)));
    return out;
  }
}

interface SharedOutput {
  functions: OutAgreement["functions"];
  activityOrder: string[];
  rules: OutAgreement["rules"];
  model(id: string): OutAgreement["modelDefinitions"][number];
}

/** Rules and models are expanded against the environment alone; their names were checked with their frameworks. */
function sharedOutput(env: Env): SharedOutput {
  const silent = Reporter.silent();
  const models = new Map<string, OutAgreement["modelDefinitions"][number]>();
  return {
    functions: env.functionList.map(outFunction),
    activityOrder: env.functionList.filter((f) => f.activity).map((f) => f.id),
    rules: env.rules.values().map((rule) => compileRule(env, rule, silent)),
    // Only the models an agreement uses are compiled for it.
    model(id) {
      let m = models.get(id);
      if (!m) models.set(id, (m = compileModel(env, env.models.get(id)!, silent)));
      return m;
    },
  };
}

/**
 * One agreement of the rule set. With `consume`, the declaration's items are taken from it and
 * each is let go once compiled (see CompileOptions.consumeTrees): the caller has no use for them.
 */
export function compileAgreement(decl: Agreement, table: FrameworkTable, r: Reporter, shared = new SharedFrameworks(), consume = false): OutAgreement {
  const placed: Placed[] = [];
  flatten(decl.items, undefined, placed);
  if (consume) decl.items = [];

  // Clause numbers: unique per agreement (a mark: the clause's node would keep its items alive).
  const clauseNames = new Namespace<true>({
    what: "clause",
    quote: (n) => `clause ${n}`,
    unresolved: (n) => `There is no clause ${n} in this agreement.`,
    duplicate: (n, first) => `Clause ${n} is numbered twice in this agreement; the first is on ${first}.`,
  });
  for (const p of placed) {
    if (p.item.kind === "Clause" && p.item.number?.text) {
      clauseNames.declare(p.item.number.text, p.item.number.span, true, r, p.item.number.text);
    }
  }

  // Frameworks it conforms to, then the environment (with its local functions).
  const conformsTo: string[] = [];
  const conformsSeen = new Set<string>();
  let conformsSite: { span: Span; clause?: string | undefined } | undefined;
  for (const p of placed) {
    if (p.item.kind !== "ConformsTo") continue;
    conformsSite ??= { span: p.item.span, clause: innermost(p) };
    for (const n of p.item.frameworks ?? []) {
      if (!n?.text) continue;
      const f = table.frameworks.resolve(n, r, innermost(p));
      if (f && !conformsSeen.has(f.id)) {
        conformsSeen.add(f.id);
        conformsTo.push(f.id);
      }
    }
  }
  const frameworks = closure(
    table,
    conformsTo.map((id) => table.frameworks.get(id)!),
  );
  const locals: LocalFunction[] = placed
    .filter((p) => p.item.kind === "FunctionDecl")
    .map((p) => ({ decl: p.item as import("../syntax/ast.js").FunctionDecl, clause: innermost(p) }));
  const env = locals.length === 0 ? shared.env(frameworks, r, conformsSite) : buildEnv(frameworks, locals, r, conformsSite);
  const compiled = shared.output(env);
  const level = placeLevel(env);

  const parties = resolveParties(
    env,
    placed
      .filter((p) => p.item.kind === "PartyDecl" || p.item.kind === "BodyDecl")
      .map((p) => ({ decl: p.item as PartyDecl | BodyDecl, clause: innermost(p) })),
    r,
  );

  // Term and review: one of each. A second one (complete enough to read) is
  // `duplicate-declaration` and dropped, like a second declaration of a name.
  let term: OutAgreement["term"] = null;
  let review: OutAgreement["review"] = null;
  let firstTerm: Span | undefined;
  let firstReview: Span | undefined;
  const duplicate = (what: string, span: Span, first: Span, clause: string | undefined): void =>
    r.error("duplicate-declaration", `The ${what} is declared twice in this agreement; the first is on ${where(first, span)}.`, span, {
      clause,
      related: [{ span: first, message: `The ${what} is first declared here` }],
    });
  for (const p of placed) {
    const it = p.item;
    if (it.kind === "Term" && typeof it.from?.text === "string" && typeof it.to?.text === "string") {
      if (firstTerm) {
        duplicate("term", it.span, firstTerm, innermost(p));
        continue;
      }
      firstTerm = it.span;
      const from = checkDay(it.from, r, innermost(p));
      const to = checkDay(it.to, r, innermost(p));
      if (from !== undefined && to !== undefined) {
        if (to < from) r.error("type", `The term ends (${to}) before it starts (${from}).`, it.span, { clause: innermost(p) });
        else term = { from, to, span: outSpan(it.span) };
      }
    } else if (it.kind === "Review" && typeof it.months?.value === "number") {
      if (firstReview) {
        duplicate("review period", it.span, firstReview, innermost(p));
        continue;
      }
      firstReview = it.span;
      const months = exactInteger(it.months, r, innermost(p));
      if (months === 0) r.error("type", "`review every 0 months` names no period: review at least every month.", it.months.span, { clause: innermost(p) });
      else if (months !== undefined) review = { months, span: outSpan(it.span) };
    }
  }

  const currencies: ConditionContext["currencies"] = new Map();
  const undated = { warned: false };
  const ctxFor = (p: Placed): ConditionContext => ({
    env,
    r,
    clause: innermost(p),
    term: term ? { from: term.from, to: term.to } : null,
    currencies,
    undated,
  });

  const out = { id: decl.name.text } as OutAgreement;
  const models: OutAgreement["models"] = [];
  const provisions: OutAgreement["provisions"] = [];
  const provisionNames = new Namespace<true>({ what: "provision" });
  const allows: OutAgreement["allows"] = [];
  const tests: OutAgreement["tests"] = [];
  const assigns: { a: Assignment; clauses: ClausePath; overrides: string[] }[] = [];
  const delegations: Delegation[] = [];
  const dropped: NonNullable<OutAgreement["dropped"]> = [];
  let scope: { activities: Set<string>; span: Placed["item"]["span"] } | undefined;

  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    // Nothing reads `placed` after this loop.
    if (consume) (placed as (Placed | undefined)[])[i] = undefined;
    const it = p.item;
    const clause = innermost(p);
    switch (it.kind) {
      case "ModelUse": {
        if (!it.model?.text) break;
        const m = env.models.resolve(it.model, r, clause);
        const activities = it.for && it.for.length > 0 ? expandSelectors(env, it.for, r, clause) : null;
        if (!m || activities === undefined) break;
        const entry = { model: m.id, activities } as OutAgreement["models"][number];
        if (clause !== undefined) entry.clause = clause;
        entry.span = outSpan(it.span);
        models.push(entry);
        break;
      }
      case "Scope": {
        const activities = expandSelectors(env, it.selectors, r, clause);
        if (!activities) break;
        if (!scope) scope = { activities: new Set(), span: it.span };
        for (const a of activities) scope.activities.add(a);
        break;
      }
      case "ProvisionDecl": {
        if (!it.name?.text) break;
        const hit = env.provisions.resolve(it.name, r, clause);
        if (!hit || !provisionNames.declare(hit.id, it.name.span, true, r, clause)) break;
        const entry = { id: hit.id } as OutAgreement["provisions"][number];
        if (it.title?.value !== undefined) entry.text = it.title.value;
        if (clause !== undefined) entry.clause = clause;
        entry.span = outSpan(it.span);
        provisions.push(entry);
        break;
      }
      case "Assign": {
        const a = compileAssign(it, p, env, parties, clauseNames, ctxFor(p), level);
        if (a) assigns.push(a);
        else {
          // Kept aside so that a gap can name the clause that would have assigned the activity.
          const entry = { activities: expandSelectors(env, it.selectors, Reporter.silent(), clause) ?? [], span: outSpan(it.span) } as NonNullable<OutAgreement["dropped"]>[number];
          if (clause !== undefined) entry.clause = clause;
          dropped.push(entry);
        }
        break;
      }
      case "Delegate": {
        const d = compileDelegate(it, env, parties, ctxFor(p));
        if (d) delegations.push(d);
        break;
      }
      case "Allow": {
        if (!it.rule?.text) break;
        const rule = env.rules.resolve(it.rule, r, clause);
        if (!rule) break;
        const entry = { rule: rule.id, reason: it.reason?.value ?? "" } as OutAgreement["allows"][number];
        if (clause !== undefined) entry.clause = clause;
        entry.span = outSpan(it.span);
        allows.push(entry);
        break;
      }
      case "TestDecl":
        tests.push(compileTest(it, env, parties, ctxFor(p), level));
        break;
      default:
        break;
    }
  }

  // Ids in source order, then overrides: every assignment in the named clauses and their
  // sub-clauses, never the overriding assignment itself.
  assigns.forEach((x, i) => (x.a.id = `a${i + 1}`));
  delegations.forEach((d, i) => (d.id = `d${i + 1}`));
  // Index first: clause number → the assignments inside it (at any depth), in source order.
  const inClause = new Map<string, number[]>();
  assigns.forEach((y, i) => {
    for (let c = y.clauses; c !== undefined; c = c.outer) {
      const n = c.number;
      let list = inClause.get(n);
      if (!list) inClause.set(n, (list = []));
      if (list[list.length - 1] !== i) list.push(i); // a number may enclose itself twice
    }
  });
  assigns.forEach((x, i) => {
    // Most assignments override nothing: a set and a sort each for them was a tenth of what
    // compiling allocates.
    if (x.overrides.length === 0) return;
    let picked: number[];
    if (x.overrides.length === 1) picked = inClause.get(x.overrides[0]!) ?? [];
    else {
      const set = new Set<number>();
      for (const n of x.overrides) for (const j of inClause.get(n) ?? []) set.add(j);
      picked = [...set].sort((a, b) => a - b);
    }
    const ids: string[] = [];
    for (const j of picked) if (j !== i) ids.push(assigns[j]!.a.id);
    x.a.overrides = exactList(ids);
  });
  const assignments = assigns.map((x) => x.a);

  const activityOrder = compiled.activityOrder;
  let scopeOut: OutAgreement["scope"];
  if (scope) {
    const chosen = scope.activities;
    scopeOut = { activities: activityOrder.filter((a) => chosen.has(a)), explicit: true, span: outSpan(scope.span) };
  } else {
    const assigned = new Set(assignments.flatMap((a) => a.activities));
    scopeOut = { activities: activityOrder.filter((a) => assigned.has(a)), explicit: false };
  }

  // The models in use, in order of first use, and every rule, expanded for this agreement's environment.
  const usedModels: string[] = [];
  for (const m of new Set(models.map((m) => m.model))) usedModels.push(m);

  if (decl.title?.value !== undefined) out.title = decl.title.value;
  out.file = decl.span.file;
  out.conformsTo = conformsTo;
  out.frameworks = frameworks.map((f) => f.id);
  out.levels = [...env.levelList];
  out.placeLevel = level;
  out.dimensions = env.dimensionList.map((d) => outDimension(d, currencies.get(d.id)?.currency));
  out.functions = compiled.functions;
  out.term = term;
  out.review = review;
  out.parties = parties.parties;
  out.bodies = parties.bodies;
  out.places = [...parties.places];
  out.scope = scopeOut;
  out.provisions = provisions;
  out.models = models;
  out.modelDefinitions = usedModels.map((id) => compiled.model(id));
  out.rules = compiled.rules;
  out.assignments = assignments;
  if (dropped.length > 0) out.dropped = dropped;
  out.delegations = delegations;
  out.allows = allows;
  out.tests = tests;
  out.header = outSpan(headerSpan(decl));
  out.span = outSpan(decl.span);
  return out;
}

/** A party or body reference: its id, or undefined (reported when it names nothing). */
function partyRef(parties: Parties, n: Name, r: Reporter, clause?: string): PartyInfo | undefined {
  const hit = parties.names.resolve(n, r, clause);
  return hit && !hit.broken ? hit : undefined;
}

/** A place (a member) named after `at place`; undefined with an error otherwise. */
function placeRef(parties: Parties, n: Name, r: Reporter, clause?: string): string | undefined {
  const hit = partyRef(parties, n, r, clause);
  if (!hit) return undefined;
  if (!parties.placeIndex.has(hit.id)) {
    r.error(
      "type",
      `\`${hit.id}\` is not a member, so it has no place of its own` +
        (parties.places.length > 0 ? ` (the places are ${parties.places.map((p) => `\`${p}\``).join(", ")}).` : "."),
      n.span,
      { clause },
    );
    return undefined;
  }
  return hit.id;
}

const allPlaces = new WeakMap<Parties, string[]>();

/**
 * Every place of the agreement, for an assignment whose line names none: one array shared by all
 * such assignments (a copy each was an array of every member per assignment). Never mutated.
 */
function everyPlace(parties: Parties): string[] {
  let places = allPlaces.get(parties);
  if (!places) allPlaces.set(parties, (places = [...parties.places]));
  return places;
}

function compileAssign(
  it: Assign,
  p: Placed,
  env: Env,
  parties: Parties,
  clauseNames: Namespace<true>,
  ctx: ConditionContext,
  level: string | null,
): { a: Assignment; clauses: ClausePath; overrides: string[] } | undefined {
  const { r, clause } = ctx;
  let ok = true;
  const activities = expandSelectors(env, it.selectors, r, clause);
  if (!activities) ok = false;

  let assignLevel: string | null = null;
  let places = everyPlace(parties);
  if (it.at?.level?.text) {
    const l = env.levels.resolve(it.at.level, r, clause);
    if (!l) ok = false;
    else {
      assignLevel = l.id;
      const named = (it.at.places ?? []).filter((n) => n?.text);
      if (named.length > 0) {
        if (l.id !== level) {
          r.error(
            "type",
            `Places can only follow the per-place level${level ? ` (\`at ${level} …\`)` : ""}; \`at ${l.id}\` covers every place.`,
            it.at.span,
            { clause },
          );
          ok = false;
        } else {
          const chosen = new Set<string>();
          for (const n of named) {
            const id = placeRef(parties, n, r, clause);
            if (id === undefined) ok = false;
            else chosen.add(id);
          }
          places = [...chosen].sort((x, y) => parties.placeIndex.get(x)! - parties.placeIndex.get(y)!);
        }
      }
    }
  }

  const days = compileDays(it.conditions ?? { where: [] }, ctx);
  const dimensions = compileWhere(it.conditions?.where ?? [], ctx);
  if (!days || !dimensions) ok = false;

  // In order, each once (a set beside the list: one clause may override thousands).
  const overrides: string[] = [];
  let overridden: Set<string> | undefined;
  for (const n of it.overrides ?? []) {
    if (!n?.text) continue;
    if (!clauseNames.resolve({ kind: "Name", text: n.text, span: n.span }, r, clause)) ok = false;
    else if (!(overridden ??= new Set()).has(n.text)) {
      overridden.add(n.text);
      overrides.push(n.text);
    }
  }

  const raci: Raci = { accountable: [], responsible: [], consulted: [], informed: [] };
  // Entries already in each role's list: searched directly while the list is short (a line
  // names a party or two), through a set of keys once it is long (`each member`).
  const seenByRole: Partial<Record<keyof Raci, Set<string>>> = {};
  for (const line of it.roleLines ?? []) {
    if (!line || !RACI.includes(line.role)) continue;
    const list: PartyAt[] = raci[line.role];
    const role = line.role;
    const add = (entry: PartyAt): void => {
      let seen = seenByRole[role];
      if (!seen && list.length >= SHORT_LIST) seen = seenByRole[role] = new Set(list.map(raciKey));
      if (seen) {
        const key = raciKey(entry);
        if (seen.has(key)) return;
        seen.add(key);
      } else if (list.some((e) => e.party === entry.party && e.place === entry.place)) return;
      list.push(entry);
    };
    if (line.eachMember) {
      if (level === null || assignLevel !== level) {
        r.error(
          "type",
          `\`each member\` only works at the per-place level: ` +
            (level ? `write \`assign … at ${level}\`` : "the frameworks declare no levels") +
            (assignLevel ? `, not \`at ${assignLevel}\`.` : "."),
          line.span,
          { clause },
        );
        ok = false;
      } else for (const place of places) add({ party: place, place });
    }
    for (const n of line.parties ?? []) {
      if (!n?.text) continue;
      const hit = partyRef(parties, n, r, clause);
      if (!hit) ok = false;
      else add({ party: hit.id });
    }
  }
  if (!ok || !activities || !days || !dimensions) return undefined;

  const kept: Raci = {
    accountable: exactList(raci.accountable),
    responsible: exactList(raci.responsible),
    consulted: exactList(raci.consulted),
    informed: exactList(raci.informed),
  };
  // One literal each way (with or without a clause), in the schema's key order: an object given
  // its properties one by one after it is made keeps most of them outside itself, in a second
  // array (about 30 bytes more per assignment).
  const overridesClauses = exactList(overrides);
  const span = outSpan(it.span);
  const a: Assignment =
    clause !== undefined
      ? { id: "", clause, activities, level: assignLevel, places, days, dimensions, overrides: [], overridesClauses, raci: kept, span }
      : { id: "", activities, level: assignLevel, places, days, dimensions, overrides: [], overridesClauses, raci: kept, span };
  return { a, clauses: p.clauses, overrides };
}

function compileDelegate(it: Delegate, env: Env, parties: Parties, ctx: ConditionContext): Delegation | undefined {
  const { r, clause } = ctx;
  const activities = expandSelectors(env, it.selectors, r, clause);
  const from = it.from?.text ? partyRef(parties, it.from, r, clause) : undefined;
  const to = it.to?.text ? partyRef(parties, it.to, r, clause) : undefined;
  const days = compileDays(it.conditions ?? { where: [] }, ctx);
  const dimensions = compileWhere(it.conditions?.where ?? [], ctx);
  if (!activities || !from || !to || !days || !dimensions) return undefined;
  // One literal each way, as an assignment's (see compileAssign).
  const span = outSpan(it.span);
  return clause !== undefined
    ? { id: "", clause, activities, from: from.id, to: to.id, days, dimensions, span }
    : { id: "", activities, from: from.id, to: to.id, days, dimensions, span };
}

function compileTest(it: TestDecl, env: Env, parties: Parties, ctx: ConditionContext, level: string | null): OutAgreement["tests"][number] {
  const out = { title: it.title?.value ?? "" } as OutAgreement["tests"][number];
  if (ctx.clause !== undefined) out.clause = ctx.clause;
  out.expects = [];
  for (const e of it.expects ?? []) if (e) for (const item of compileExpect(e, env, parties, ctx, level)) out.expects.push(item);
  out.span = outSpan(it.span);
  return out;
}

/** One expectation per activity named (a function with sub-functions stands for each of its activities). */
function compileExpect(e: Expect, env: Env, parties: Parties, ctx: ConditionContext, level: string | null): Expectation[] {
  const { r, clause } = ctx;
  let ok = true;
  const fn = e.activity?.text ? env.functions.resolve(e.activity, r, clause) : undefined;
  if (!fn) ok = false;

  let place: string | null = null;
  if (e.at) {
    const l = e.at.level?.text ? env.levels.resolve(e.at.level, r, clause) : undefined;
    if (!l) ok = false;
    else if (l.id !== level) {
      r.error("type", `A test names a place with the per-place level${level ? ` (\`at ${level} …\`)` : ""}, not \`at ${l.id}\`.`, e.at.span, { clause });
      ok = false;
    } else if (e.at.place?.text) {
      const id = placeRef(parties, e.at.place, r, clause);
      if (id === undefined) ok = false;
      else place = id;
    }
  }
  let date: string | null = null;
  if (e.on) {
    const d = checkDay(e.on, r, clause);
    if (d === undefined) ok = false;
    else if (!ctx.term) ignoredDate(ctx, e.on.span);
    else date = d;
  }
  const fixed = new Map<string, number | string>();
  for (const w of e.where ?? []) {
    if (!w?.dimension?.text) continue;
    const d = env.dimensions.resolve(w.dimension, r, clause);
    if (!d) {
      ok = false;
      continue;
    }
    const v = dimensionValue(d, w.value, ctx);
    if (v === undefined) ok = false;
    else fixed.set(d.id, v);
  }
  const expected: string[] = [];
  const named = new Set<string>();
  for (const n of e.expected ?? []) {
    if (!n?.text) continue;
    const hit = partyRef(parties, n, r, clause);
    if (!hit) ok = false;
    else if (!named.has(hit.id)) {
      named.add(hit.id);
      expected.push(hit.id);
    }
  }
  if (!ok || !fn) return [];
  const dimensions = Object.create(null) as Record<string, number | string>; // names from files: `__proto__` too
  for (const d of env.dimensionList) if (fixed.has(d.id)) dimensions[d.id] = fixed.get(d.id)!;
  return fn.leaves.map((activity) => ({
    subject: e.subject,
    activity,
    place,
    date,
    dimensions: { ...dimensions },
    expected: [...expected],
    span: outSpan(e.span),
  }));
}

/** From `agreement` to the end of its title (or name): the line a reader recognises the agreement by. */
function headerSpan(decl: Agreement): Span {
  const last = decl.title?.span ?? decl.name.span;
  return spanFromTo(decl.span, last);
}
