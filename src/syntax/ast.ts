// The abstract syntax tree of a .concord file: the contract between the parser
// and every later stage (semantics, format, report). Every node carries its span.
// Recovered parses may leave optional parts missing; later stages must be defensive.

/** A source position range. Lines and columns count from 1; offsets from 0 (end exclusive). */
export interface Span {
  file: string;
  offset: number;
  endOffset: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface NodeBase {
  span: Span;
}

/** An identifier, possibly dotted (`procurement.strategy`), as declared or referenced. */
export interface Name extends NodeBase {
  kind: "Name";
  text: string;
}

export interface StringLiteral extends NodeBase {
  kind: "String";
  /** The decoded value (escapes resolved; for `"""` prose, common indentation removed). */
  value: string;
  /** True when written as `"""` prose. */
  triple: boolean;
}

export interface DateLiteral extends NodeBase {
  kind: "Date";
  /** As written: `YYYY-MM-DD`. Validity (e.g. 2025-02-30) is checked by semantics. */
  text: string;
}

export interface IntegerLiteral extends NodeBase {
  kind: "Integer";
  value: number;
  /** As written, with `_` separators. */
  text: string;
}

export interface MoneyLiteral extends NodeBase {
  kind: "Money";
  currency: "£" | "€" | "$";
  /** Whole currency units. */
  amount: number;
  text: string;
}

/** A value in a condition or test: money, integer, or an enum value name. */
export type Value = MoneyLiteral | IntegerLiteral | Name;

export interface Comment extends NodeBase {
  kind: "Comment";
  text: string;
  block: boolean;
}

export interface SourceFile extends NodeBase {
  kind: "SourceFile";
  imports: Import[];
  declarations: (Framework | Agreement)[];
  /** Every comment, in source order (for the formatter). */
  comments: Comment[];
}

export interface Import extends NodeBase {
  kind: "Import";
  path: StringLiteral;
}

// ---------------------------------------------------------------- selectors

export type Selector = FunctionSelector | CategorySelector | AllFunctionsSelector;

export interface FunctionSelector extends NodeBase {
  kind: "FunctionSelector";
  name: Name;
  /** True when written `function X` rather than `X`. */
  explicit: boolean;
}
export interface CategorySelector extends NodeBase {
  kind: "CategorySelector";
  name: Name;
}
export interface AllFunctionsSelector extends NodeBase {
  kind: "AllFunctionsSelector";
}

/** `R` (a role) or `kind K` in models and rules. */
export interface RoleOrKind extends NodeBase {
  kind: "RoleOrKind";
  of: "role" | "kind";
  name: Name;
}

// ---------------------------------------------------------------- frameworks

export interface Framework extends NodeBase {
  kind: "Framework";
  name: Name;
  title?: StringLiteral;
  items: FrameworkItem[];
}

export type FrameworkItem =
  | VersionItem
  | SourceItem
  | ExtendsItem
  | LevelsItem
  | KindDecl
  | RoleDecl
  | CategoryDecl
  | FunctionDecl
  | DimensionDecl
  | ProvisionDecl
  | ModelDecl
  | RuleDecl;

export interface VersionItem extends NodeBase {
  kind: "Version";
  value: StringLiteral;
}
export interface SourceItem extends NodeBase {
  kind: "Source";
  value: StringLiteral;
}
export interface ExtendsItem extends NodeBase {
  kind: "Extends";
  frameworks: Name[];
}
export interface LevelsItem extends NodeBase {
  kind: "Levels";
  levels: Name[];
}
export interface KindDecl extends NodeBase {
  kind: "KindDecl";
  name: Name;
  title?: StringLiteral;
}
export interface RoleDecl extends NodeBase {
  kind: "RoleDecl";
  name: Name;
  title?: StringLiteral;
}
export interface CategoryDecl extends NodeBase {
  kind: "CategoryDecl";
  name: Name;
  title?: StringLiteral;
}
/** Also used for an agreement's local functions. `name` is the simple (undotted) name as written. */
export interface FunctionDecl extends NodeBase {
  kind: "FunctionDecl";
  name: Name;
  title?: StringLiteral;
  category?: Name;
  children: FunctionDecl[];
}
export interface DimensionDecl extends NodeBase {
  kind: "DimensionDecl";
  name: Name;
  type: { kind: "money"; span: Span } | { kind: "number"; span: Span } | { kind: "enum"; values: Name[]; span: Span };
}
/** In a framework: a named provision. In an agreement: the provision with its text. */
export interface ProvisionDecl extends NodeBase {
  kind: "ProvisionDecl";
  name: Name;
  title?: StringLiteral;
}

export interface ModelDecl extends NodeBase {
  kind: "ModelDecl";
  name: Name;
  title?: StringLiteral;
  items: ModelItem[];
}
export type ModelItem = StepItem | ModelConstraint | RequiresItem | CiteItem;
export interface StepItem extends NodeBase {
  kind: "Step";
  step: IntegerLiteral;
}
/** `accountable must be R, … (for SELECTOR, …)?` */
export interface ModelConstraint extends NodeBase {
  kind: "ModelConstraint";
  role: "accountable" | "responsible";
  modality: "must" | "may";
  roles: RoleOrKind[];
  for: Selector[];
}
export interface RequiresItem extends NodeBase {
  kind: "Requires";
  what: "provision" | "role" | "body";
  name: Name;
}

export interface RuleDecl extends NodeBase {
  kind: "RuleDecl";
  name: Name;
  title?: StringLiteral;
  items: RuleItem[];
}
export type RuleItem = Obligation | CiteItem;
export interface CiteItem extends NodeBase {
  kind: "Cite";
  value: StringLiteral;
}
export interface Obligation extends NodeBase {
  kind: "Obligation";
  strength: "must" | "should";
  body: ObligationBody;
}
export type ObligationBody =
  | { kind: "Cover"; selectors: Selector[]; span: Span }
  | { kind: "AssignResponsible"; selectors: Selector[]; span: Span }
  | { kind: "Deliver"; selectors: Selector[]; level: Name; span: Span }
  | { kind: "MakeAccountable"; negated: boolean; roles: RoleOrKind[]; selectors: Selector[]; span: Span }
  | { kind: "Provide"; provision: Name; span: Span }
  | { kind: "ReviewEvery"; months: IntegerLiteral; span: Span }
  | { kind: "LastAtMost"; years: IntegerLiteral; span: Span }
  | { kind: "HaveAtLeast"; count: IntegerLiteral; kinds: Name[]; span: Span }
  | { kind: "EstablishBody"; bodyKind: Name; span: Span }
  | { kind: "UseModel"; models: Name[]; span: Span };

// ---------------------------------------------------------------- agreements

export interface Agreement extends NodeBase {
  kind: "Agreement";
  name: Name;
  title?: StringLiteral;
  items: AgreementItem[];
}

export type AgreementItem =
  | ConformsTo
  | ModelUse
  | TermItem
  | ReviewItem
  | PartyDecl
  | BodyDecl
  | FunctionDecl
  | ScopeItem
  | ProvisionDecl
  | Clause
  | Assign
  | Delegate
  | Allow
  | TestDecl;

export interface ConformsTo extends NodeBase {
  kind: "ConformsTo";
  frameworks: Name[];
}
export interface ModelUse extends NodeBase {
  kind: "ModelUse";
  model: Name;
  for: Selector[];
}
export interface TermItem extends NodeBase {
  kind: "Term";
  from: DateLiteral;
  to: DateLiteral;
}
export interface ReviewItem extends NodeBase {
  kind: "Review";
  months: IntegerLiteral;
}
export interface PartyDecl extends NodeBase {
  kind: "PartyDecl";
  name: Name;
  title?: StringLiteral;
  partyKind: Name;
  roles: Name[];
}
export interface BodyDecl extends NodeBase {
  kind: "BodyDecl";
  name: Name;
  title?: StringLiteral;
  bodyKind: Name;
  members: Name[];
}
export interface ScopeItem extends NodeBase {
  kind: "Scope";
  selectors: Selector[];
}
export interface ClauseNumber extends NodeBase {
  kind: "ClauseNumber";
  /** As written: `3`, `3.1`, `10.2.4`. */
  text: string;
}
export interface Clause extends NodeBase {
  kind: "Clause";
  number: ClauseNumber;
  title?: StringLiteral;
  items: AgreementItem[];
}

export type ComparisonOp = "=" | "!=" | "<" | "<=" | ">" | ">=";
export type Condition =
  | { kind: "Compare"; dimension: Name; op: ComparisonOp; value: Value; span: Span }
  | { kind: "In"; dimension: Name; values: Name[]; span: Span };

/** `where …`, `from DATE`, `until DATE`; each optional. */
export interface Conditions {
  where: Condition[];
  from?: DateLiteral;
  until?: DateLiteral;
}

export interface Assign extends NodeBase {
  kind: "Assign";
  selectors: Selector[];
  /** `at LEVEL PLACES?`; places empty means every place. */
  at?: { level: Name; places: Name[]; span: Span };
  conditions: Conditions;
  overrides: ClauseNumber[];
  roleLines: RoleLine[];
}
export type RaciRole = "accountable" | "responsible" | "consulted" | "informed";
export interface RoleLine extends NodeBase {
  kind: "RoleLine";
  role: RaciRole;
  /** The parties or bodies named; empty when `each member`. */
  parties: Name[];
  eachMember: boolean;
}
export interface Delegate extends NodeBase {
  kind: "Delegate";
  selectors: Selector[];
  from: Name;
  to: Name;
  conditions: Conditions;
}
export interface Allow extends NodeBase {
  kind: "Allow";
  rule: Name;
  reason: StringLiteral;
}
export interface TestDecl extends NodeBase {
  kind: "TestDecl";
  title: StringLiteral;
  expects: Expect[];
}
export interface Expect extends NodeBase {
  kind: "Expect";
  subject: "accountable" | "responsible";
  activity: Name;
  /** `at LEVEL P` */
  at?: { level: Name; place: Name; span: Span };
  on?: DateLiteral;
  where: { dimension: Name; value: Value; span: Span }[];
  /** Empty means `nobody`. */
  expected: Name[];
}

export type AnyNode =
  | SourceFile
  | Import
  | Framework
  | FrameworkItem
  | Agreement
  | AgreementItem
  | ModelItem
  | RuleItem;
