// `explain`: who is accountable, responsible, consulted and informed at a point (or in a region)
// of an agreement, which clauses say so, which were overridden and by which clause, which
// delegations apply, which models and rules constrain the activity, and the analysis's
// findings there. A plain data structure: the renderers (pretty, JSON) only format it.
import type { Agreement, Assignment, Delegation, Obligation, Rule, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic, Witness } from "../../diagnostics/diagnostic.js";
import { modelScopes } from "../../analysis/models/index.js";
import { formatDimValue } from "../../analysis/space/index.js";
import { describeRoleRefs, list } from "../../analysis/messages.js";
import { answers, clauseOf, type Answer, type Holder } from "../responsibility.js";
import type { ResolvedQuery } from "./query.js";

export interface SourceRef {
  clause: string | null;
  file: string;
  line: number;
  column: number;
}

export interface HolderJson extends SourceRef {
  party: string;
  /** Responsible only: the party the clause names, when a delegation replaced it, and where that delegation is. */
  delegatedFrom?: string;
  delegation?: SourceRef;
}

export interface FindingJson {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  clause: string | null;
  rule: string | null;
  cite: string | null;
}

export interface AnswerJson {
  where: string;
  witness: Witness;
  status: "settled" | "gap" | "conflict";
  accountable: HolderJson[];
  responsible: HolderJson[];
  consulted: HolderJson[];
  informed: HolderJson[];
  overridden: (SourceRef & { by: SourceRef[] })[];
  delegations: (SourceRef & { from: string; to: string })[];
  findings: FindingJson[];
}

export interface ModelJson {
  id: string;
  title: string | null;
  step: number | null;
  cite: string | null;
  /** Each constraint that applies to the activity, in words: "accountable must be member or group". */
  constraints: string[];
  /** Where the agreement chooses it. */
  chosenAt: SourceRef;
}

export interface RuleJson {
  id: string;
  title: string | null;
  cite: string | null;
  /** Each obligation that selects the activity, in words: "must cover", "should assign responsible". */
  obligations: string[];
}

export interface ActivityExplanation {
  activity: string;
  title: string | null;
  inScope: boolean;
  answers: AnswerJson[];
  models: ModelJson[];
  rules: RuleJson[];
}

export interface Explanation {
  agreement: string;
  file: string;
  query: {
    activity: string;
    place: string | null;
    date: string | null;
    /** Dimension values asked about, in their own unit (money in currency units). */
    where: Record<string, number | string>;
    /** The point asked about in words: "at eastmoor's place, where value is £1,000,000"; "everywhere". */
    words: string;
  };
  activities: ActivityExplanation[];
}

function ref(x: { clause?: string | undefined; span: { file: string; line: number; column: number } }): SourceRef {
  return { clause: x.clause ?? null, file: x.span.file, line: x.span.line, column: x.span.column };
}

function holder(h: Holder): HolderJson {
  return { party: h.party, ...ref(h.assignment), ...(h.via ? { delegatedFrom: h.named!, delegation: ref(h.via) } : {}) };
}

function findingJson(d: Diagnostic): FindingJson {
  return {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.span.file,
    line: d.span.line,
    column: d.span.column,
    clause: d.clause ?? null,
    rule: d.rule ?? null,
    cite: d.cite ?? null,
  };
}

function answerJson(a: Answer): AnswerJson {
  return {
    where: a.where,
    witness: a.witness,
    status: a.status,
    accountable: a.accountable.map(holder),
    responsible: a.responsible.map(holder),
    consulted: a.consulted.map(holder),
    informed: a.informed.map(holder),
    overridden: a.overridden.map((o) => ({ ...ref(o.assignment), by: o.by.map(ref) })),
    delegations: a.delegations.map((d: Delegation) => ({ ...ref(d), from: d.from, to: d.to })),
    findings: a.findings.map(findingJson),
  };
}

const obligationWords: Record<Obligation["type"], (o: Obligation) => string> = {
  cover: () => "cover",
  "assign-responsible": () => "assign responsible",
  deliver: (o) => `deliver at ${o.level ?? "?"}`,
  "make-accountable": (o) => `make accountable ${describeRoleRefs(o.roles ?? [])}`,
  "not-make-accountable": (o) => `not make accountable ${describeRoleRefs(o.roles ?? [])}`,
  provide: (o) => `provide ${o.provision ?? "?"}`,
  "review-every": (o) => `review every ${o.months ?? "?"} months`,
  "last-at-most": (o) => `last at most ${o.years ?? "?"} years`,
  "have-at-least": (o) => `have at least ${o.count ?? "?"} parties`,
  "establish-body": (o) => `establish a body of kind ${o.bodyKind ?? "?"}`,
  "use-model": (o) => `use model ${list(o.models ?? [], "or")}`,
};

function rulesFor(agreement: Agreement, activity: string): RuleJson[] {
  const out: RuleJson[] = [];
  for (const r of agreement.rules as Rule[]) {
    const obligations = r.obligations.filter((o) => (o.activities ?? []).includes(activity)).map((o) => `${o.strength} ${obligationWords[o.type](o)}`);
    if (obligations.length > 0) out.push({ id: r.id, title: r.title ?? null, cite: r.cite ?? null, obligations });
  }
  return out;
}

function modelsFor(agreement: Agreement, activity: string): ModelJson[] {
  const scopes = modelScopes(agreement);
  const out: ModelJson[] = [];
  for (const m of agreement.modelDefinitions) {
    if (!scopes.get(m.id)?.has(activity)) continue;
    const chosen = agreement.models.find((x) => x.model === m.id && (x.activities === null || x.activities.includes(activity))) ?? agreement.models.find((x) => x.model === m.id);
    const constraints = m.constraints
      .filter((c) => c.modality === "must" && (c.activities === null || c.activities.includes(activity)))
      .map((c) => `${c.role} must be ${describeRoleRefs(c.roles)}`);
    out.push({
      id: m.id,
      title: m.title ?? null,
      step: m.step ?? null,
      cite: m.cite ?? null,
      constraints,
      chosenAt: chosen ? ref(chosen) : ref(m),
    });
  }
  return out;
}

function askedWords(agreement: Agreement, q: ResolvedQuery): string {
  const parts: string[] = [];
  if (q.place) parts.push(`at ${q.place}'s place`);
  if (q.date) parts.push(`on ${q.date}`);
  const where = agreement.dimensions.filter((d) => q.dimensions[d.id] !== undefined).map((d) => {
    const v = q.dimensions[d.id]!;
    return `${d.id} is ${typeof v === "number" ? formatDimValue(d, v) : v}`;
  });
  if (where.length > 0) parts.push(`where ${list(where)}`);
  return parts.length > 0 ? parts.join(", ") : "everywhere";
}

/** Query values as the user writes them: money in currency units (the rule set keeps minor units). */
function inOwnUnits(agreement: Agreement, dims: Record<string, number | string>): Record<string, number | string> {
  const out = Object.create(null) as Record<string, number | string>;
  for (const d of agreement.dimensions) {
    const v = dims[d.id];
    if (v !== undefined) out[d.id] = d.type === "money" && typeof v === "number" ? v / 100 : v;
  }
  return out;
}

/** The explanation of the query over the agreement, from its cells and the analysis's findings (`diagnostics`, after `allow`). */
export function explain(ruleSet: RuleSet, agreement: Agreement, query: ResolvedQuery, activityAsked: string, diagnostics: readonly Diagnostic[]): Explanation {
  void ruleSet;
  const scope = new Set(agreement.scope.activities);
  const assigned = (act: string) => agreement.assignments.some((a: Assignment) => a.activities.includes(act));
  return {
    agreement: agreement.id,
    file: agreement.file,
    query: { activity: activityAsked, place: query.place, date: query.date, where: inOwnUnits(agreement, query.dimensions), words: askedWords(agreement, query) },
    activities: query.activities.map((activity) => {
      const fn = agreement.functions.find((f) => f.id === activity);
      return {
        activity,
        title: fn?.title ?? null,
        inScope: scope.has(activity) || (!agreement.scope.explicit && assigned(activity)),
        answers: answers(agreement, activity, diagnostics, query.regions.get(activity)).map(answerJson),
        models: modelsFor(agreement, activity),
        rules: rulesFor(agreement, activity),
      };
    }),
  };
}

export { clauseOf };
