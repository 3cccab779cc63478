// Small rule sets built by hand, for the analysis checks' focused tests (no parser needed).
import type {
  Agreement,
  Assignment,
  Delegation,
  Expectation,
  Framework,
  Model,
  Obligation,
  Rule,
  RuleSet,
  Span,
} from "../../../src/generated/ruleset.js";

export const FILE = "test.concord";

/** A span on one line (offsets grow with the line, so sorting follows lines). */
export function sp(line: number, column = 3): Span {
  return { file: FILE, line, column, endLine: line, endColumn: column + 10, offset: line * 100 + column, endOffset: line * 100 + column + 10 };
}

const named = (id: string, title: string, line: number) => ({ id, title, framework: "fw", span: sp(line) });

export function framework(): Framework {
  return {
    id: "fw",
    title: "Test framework",
    extends: [],
    levels: ["system", "place"],
    kinds: [
      named("foundation_trust", "NHS foundation trust", 1),
      named("nhs_trust", "NHS trust", 1),
      named("group_board", "Group board", 1),
      named("independent_provider", "Independent sector provider", 1),
      named("committee_in_common", "Committee in common", 1),
    ],
    roles: [
      named("member", "Member", 1),
      named("commissioner", "Commissioner", 1),
      named("supplier", "Supplier", 1),
      named("group", "Group", 1),
    ],
    categories: [named("support", "Support services", 1), named("core", "Core services", 1), named("challenging", "Challenging services", 1)],
    functions: [],
    dimensions: [],
    provisions: [named("exit", "Exit", 1), named("sla", "Service level agreement", 1)],
    models: [],
    rules: [],
    span: sp(1),
  };
}

const FUNCTIONS: Agreement["functions"] = [
  { id: "procurement", title: "Procurement", category: "support", activity: false, framework: "fw", span: sp(2) },
  { id: "procurement.strategy", category: "support", parent: "procurement", activity: true, framework: "fw", span: sp(2) },
  { id: "procurement.operations", category: "support", parent: "procurement", activity: true, framework: "fw", span: sp(2) },
  { id: "hr", category: "support", activity: true, framework: "fw", span: sp(2) },
  { id: "paediatrics", category: "challenging", activity: true, framework: "fw", span: sp(2) },
  { id: "emergency_care", category: "core", activity: true, framework: "fw", span: sp(2) },
];

export const ACTIVITIES = FUNCTIONS.filter((f) => f.activity).map((f) => f.id);

export const TERM = { from: "2025-04-01", to: "2028-03-31" };

export function agreement(over: Partial<Agreement> = {}): Agreement {
  const a: Agreement = {
    id: "ag",
    title: "Test agreement",
    file: FILE,
    conformsTo: ["fw"],
    frameworks: ["fw"],
    levels: ["system", "place"],
    placeLevel: "place",
    dimensions: [
      { id: "value", type: "money", currency: "£", framework: "fw", span: sp(3) },
      { id: "setting", type: "enum", values: ["inpatient", "outpatient"], framework: "fw", span: sp(3) },
    ],
    functions: FUNCTIONS,
    term: { ...TERM, span: sp(10) },
    review: { months: 12, span: sp(11) },
    parties: [
      { id: "east", kind: "foundation_trust", roles: ["member", "commissioner"], span: sp(12) },
      { id: "west", kind: "foundation_trust", roles: ["member"], span: sp(13) },
      { id: "board", kind: "group_board", roles: ["group"], span: sp(14) },
      { id: "medica", kind: "independent_provider", roles: ["supplier"], span: sp(15) },
    ],
    bodies: [],
    places: ["east", "west"],
    scope: { activities: ACTIVITIES, explicit: true, span: sp(16) },
    provisions: [],
    models: [],
    modelDefinitions: [],
    rules: [],
    assignments: [],
    delegations: [],
    allows: [],
    tests: [],
    span: sp(5, 1),
    ...over,
  };
  return a;
}

export const FULL_DIMS: Assignment["dimensions"] = {
  value: { type: "intervals", intervals: [{ lo: 0, loOpen: false, hi: null, hiOpen: false }] },
  setting: { type: "values", values: ["inpatient", "outpatient"] },
};

let line = 100;
/** An assignment: at system, everywhere, for the whole term, unless told otherwise. */
export function assign(
  id: string,
  activities: string[],
  raci: { accountable?: (string | [string, string])[]; responsible?: (string | [string, string])[] },
  over: Partial<Assignment> = {},
): Assignment {
  const at = (xs: (string | [string, string])[] = []) => xs.map((x) => (typeof x === "string" ? { party: x } : { party: x[0], place: x[1] }));
  line += 10;
  return {
    id,
    activities,
    level: "system",
    places: ["east", "west"],
    days: { ...TERM },
    dimensions: FULL_DIMS,
    overrides: [],
    raci: { accountable: at(raci.accountable), responsible: at(raci.responsible), consulted: [], informed: [] },
    span: sp(line),
    ...over,
  };
}

/** `accountable each member` / `responsible each member` at place. */
export function eachMember(places = ["east", "west"]): [string, string][] {
  return places.map((p) => [p, p]);
}

export function delegate(id: string, activities: string[], from: string, to: string, over: Partial<Delegation> = {}): Delegation {
  line += 10;
  return { id, activities, from, to, days: { ...TERM }, dimensions: FULL_DIMS, span: sp(line), ...over };
}

export function obligation(type: Obligation["type"], over: Partial<Obligation> = {}): Obligation {
  line += 1;
  return { strength: "must", type, span: sp(line), ...over };
}

export function rule(id: string, obligations: Obligation[], cite?: string): Rule {
  return { id, title: `Rule ${id}`, framework: "fw", obligations, span: sp(4), ...(cite ? { cite } : {}) };
}

export function model(id: string, title: string, over: Partial<Model> = {}): Model {
  return { id, title, framework: "fw", constraints: [], requires: [], span: sp(4), ...over };
}

export function expectation(over: Partial<Expectation> & Pick<Expectation, "activity" | "expected">): Expectation {
  line += 1;
  return { subject: "accountable", place: null, date: null, dimensions: {}, span: sp(line), ...over };
}

export function ruleSet(...agreements: Agreement[]): RuleSet {
  return { format: "concordat-ruleset/1", files: [FILE], frameworks: [framework()], agreements };
}
