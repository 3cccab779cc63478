/* Generated from the JSON Schema in schemas/ by `npm run generate:types`. Do not edit. */

/**
 * A resolved name; functions are dotted (`procurement.strategy`).
 */
export type Id = string;
/**
 * An ISO date, YYYY-MM-DD.
 */
export type Day = string;
/**
 * The part of one dimension's domain that a box covers.
 */
export type DimensionRange =
  | {
      type: "intervals";
      /**
       * Disjoint, sorted; empty means no value.
       */
      intervals: Interval[];
    }
  | {
      type: "values";
      /**
       * Enum values, in declaration order.
       */
      values: Id[];
    };

/**
 * The canonical rule set that `concordat compile` writes: frameworks flattened, agreements with every name resolved, every selector expanded to activities, every assignment a box of the agreement's space. Money is in minor units (pence, cents); days are ISO dates, both ends included.
 */
export interface RuleSet {
  /**
   * Version of this format.
   */
  format: "concordat-ruleset/1";
  /**
   * Every source file read, relative to the current directory, in load order.
   */
  files: string[];
  frameworks: Framework[];
  agreements: Agreement[];
}
/**
 * A framework with everything it extends flattened in.
 */
export interface Framework {
  id: Id;
  title?: string;
  version?: string;
  source?: string;
  /**
   * Every framework it extends, directly or not.
   */
  extends: Id[];
  /**
   * Widest first; the last is the per-place level.
   */
  levels: Id[];
  kinds: Named[];
  roles: Named[];
  categories: Named[];
  functions: Function[];
  dimensions: Dimension[];
  provisions: Named[];
  models: Model[];
  /**
   * `all functions` here means the frameworks' own functions; each agreement carries its rules re-expanded with its local functions.
   */
  rules: Rule[];
  span: Span;
}
/**
 * A declared kind, role, category, level or provision.
 */
export interface Named {
  id: Id;
  title?: string;
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  framework?: string;
  span: Span;
}
/**
 * Where an item stands in its source file. Lines and columns count from 1.
 */
export interface Span {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}
/**
 * A function; the leaves (`activity: true`) are what assignments settle.
 */
export interface Function {
  id: Id;
  title?: string;
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  category?: string;
  parent?: Id;
  /**
   * True for a leaf function.
   */
  activity: boolean;
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  framework?: string;
  span: Span;
}
export interface Dimension {
  id: Id;
  type: "money" | "number" | "enum";
  /**
   * For money: the one currency sign its values use.
   */
  currency?: "£" | "€" | "$";
  /**
   * For enum: the values in declaration order.
   */
  values?: Id[];
  framework?: Id;
  span: Span;
}
export interface Model {
  id: Id;
  title?: string;
  step?: number;
  /**
   * The model's own `cite`: the paragraph or section that defines it. Its findings carry it (else the framework's `source`).
   */
  cite?: string;
  framework: Id;
  constraints: ModelConstraint[];
  requires: {
    what: "provision" | "role" | "body";
    /**
     * A resolved name; functions are dotted (`procurement.strategy`).
     */
    id: string;
    span: Span;
  }[];
  span: Span;
}
export interface ModelConstraint {
  role: "accountable" | "responsible";
  modality: "must" | "may";
  roles: RoleRef[];
  /**
   * From `for SELECTOR`; null when the constraint applies to the model's whole scope.
   */
  activities: Id[] | null;
  span: Span;
}
/**
 * A role name, or `kind K` in models and rules.
 */
export interface RoleRef {
  of: "role" | "kind";
  id: Id;
}
export interface Rule {
  id: Id;
  title?: string;
  cite?: string;
  framework: Id;
  obligations: Obligation[];
  span: Span;
}
/**
 * One obligation of a rule. Which optional fields are present depends on `type`.
 */
export interface Obligation {
  /**
   * `must` gives errors, `should` warnings.
   */
  strength: "must" | "should";
  type:
    | "cover"
    | "assign-responsible"
    | "deliver"
    | "make-accountable"
    | "not-make-accountable"
    | "provide"
    | "review-every"
    | "last-at-most"
    | "have-at-least"
    | "establish-body"
    | "use-model";
  /**
   * cover, assign-responsible, deliver, (not-)make-accountable: the activities selected.
   */
  activities?: Id[];
  /**
   * cover, assign-responsible, deliver, (not-)make-accountable: the selector in words, as written (`category core`, `hr and it`, `every function`), for messages.
   */
  selector?: string;
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  level?: string;
  /**
   * (not-)make-accountable
   */
  roles?: RoleRef[];
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  provision?: string;
  /**
   * review-every
   */
  months?: number;
  /**
   * last-at-most
   */
  years?: number;
  /**
   * have-at-least
   */
  count?: number;
  /**
   * have-at-least: party kinds counted (empty: any kind)
   */
  kinds?: Id[];
  /**
   * A resolved name; functions are dotted (`procurement.strategy`).
   */
  bodyKind?: string;
  /**
   * use-model
   */
  models?: Id[];
  span: Span;
}
export interface Agreement {
  id: Id;
  title?: string;
  file: string;
  conformsTo: Id[];
  /**
   * The frameworks it conforms to and all they extend.
   */
  frameworks: Id[];
  levels: Id[];
  /**
   * The last level: `at` it names places.
   */
  placeLevel: Id | null;
  dimensions: Dimension[];
  /**
   * The frameworks' functions and the agreement's own, in declaration order.
   */
  functions: Function[];
  term: {
    from: Day;
    to: Day;
    span: Span;
  } | null;
  review: {
    months: number;
    span: Span;
  } | null;
  parties: {
    id: Id;
    title?: string;
    kind: Id;
    roles: Id[];
    span: Span;
  }[];
  bodies: {
    id: Id;
    title?: string;
    kind: Id;
    members: Id[];
    /**
     * The roles all its members have.
     */
    roles: Id[];
    span: Span;
  }[];
  /**
   * Parties of role `member`, in declaration order.
   */
  places: Id[];
  scope: {
    activities: Id[];
    /**
     * False when there is no `scope` item: the scope is then the activities it assigns.
     */
    explicit: boolean;
    span?: Span;
  };
  provisions: {
    id: Id;
    text?: string;
    clause?: string;
    span: Span;
  }[];
  /**
   * The `model` items: which model applies where.
   */
  models: {
    model: Id;
    /**
     * null for the agreement-wide model.
     */
    activities: Id[] | null;
    clause?: string;
    span: Span;
  }[];
  /**
   * The models in use, their `for` selectors expanded for this agreement.
   */
  modelDefinitions: Model[];
  /**
   * Every rule of the frameworks it conforms to (and they extend), in source order, expanded for this agreement.
   */
  rules: Rule[];
  assignments: Assignment[];
  /**
   * Assignments dropped for an error (only ever present beside errors), so that a gap can say which clause would have assigned the activity.
   */
  dropped?: {
    clause?: string;
    activities: Id[];
    span: Span;
  }[];
  delegations: Delegation[];
  allows: {
    rule: Id;
    reason: string;
    clause?: string;
    span: Span;
  }[];
  tests: {
    title: string;
    clause?: string;
    expects: Expectation[];
    span: Span;
  }[];
  /**
   * The `agreement NAME "title"` line: where findings about the agreement as a whole (a missing provision, too few parties) sit.
   */
  header?: Span;
  span: Span;
}
/**
 * An `assign` as a box: activities × places × days × a range per dimension.
 */
export interface Assignment {
  /**
   * `a1`, `a2`, … in source order.
   */
  id: string;
  /**
   * The innermost enclosing clause number.
   */
  clause?: string;
  activities: Id[];
  /**
   * null when written without `at`.
   */
  level: Id | null;
  /**
   * The places covered, in declaration order (every place unless `at PLACE-LEVEL a, b`). Empty when the agreement has no members: the place axis is then a single point that every assignment covers.
   */
  places: Id[];
  days: Days;
  /**
   * One entry for every dimension of the agreement.
   */
  dimensions: {
    [k: string]: DimensionRange;
  };
  /**
   * Ids of the assignments it takes precedence over.
   */
  overrides: string[];
  /**
   * The clause numbers as written.
   */
  overridesClauses?: string[];
  raci: Raci;
  span: Span;
}
/**
 * An inclusive range of days, already cut by the agreement's term. A null end is unbounded (only without a term). `from` after `to` means no day.
 */
export interface Days {
  from: Day | null;
  to: Day | null;
}
/**
 * An interval of the real line; a null bound is unbounded (and its open flag is true). Money in minor units.
 */
export interface Interval {
  lo: number | null;
  loOpen: boolean;
  hi: number | null;
  hiOpen: boolean;
}
export interface Raci {
  accountable: PartyAt[];
  responsible: PartyAt[];
  consulted: PartyAt[];
  informed: PartyAt[];
}
/**
 * A party or body named on a role line; `place` is set when it comes from `each member` and holds only at that place.
 */
export interface PartyAt {
  party: Id;
  place?: Id;
}
export interface Delegation {
  /**
   * `d1`, `d2`, … in source order.
   */
  id: string;
  clause?: string;
  activities: Id[];
  from: Id;
  to: Id;
  days: Days;
  dimensions: {
    [k: string]: DimensionRange;
  };
  span: Span;
}
export interface Expectation {
  subject: "accountable" | "responsible";
  activity: Id;
  /**
   * null: every place.
   */
  place: Id | null;
  /**
   * null: every day of the term.
   */
  date: Day | null;
  /**
   * Fixed dimension values (money in minor units); a dimension left out ranges over its whole domain.
   */
  dimensions: {
    [k: string]: number | string;
  };
  /**
   * Empty means nobody.
   */
  expected: Id[];
  span: Span;
}
