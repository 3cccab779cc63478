// fast-check arbitraries of ASTs: random frameworks and agreements covering every
// construct of the language. Spans are dummies (comparisons ignore them). Names come
// from a pool that includes soft keywords usable anywhere a name goes (`group`,
// `value`, `member`, …) but avoids words that would make a position ambiguous
// (`from`, `to`, `at`, `kind`, `each`, `nobody`, `function`, `category`, `all`, …).
import fc from "fast-check";
import type * as A from "../../src/syntax/ast.js";

const span: A.Span = { file: "gen.concord", offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };

export const namePool = [
  "a",
  "b",
  "hr",
  "alpha_2",
  "_x",
  "procurement.strategy",
  "x.y.z",
  "group",
  "value",
  "member",
  "core",
  "support",
  "model",
  "role",
  "review",
  "test",
  "money",
  "step",
  "cite",
  "members",
] as const;

const nameText = fc.constantFrom(...namePool);
const name: fc.Arbitrary<A.Name> = nameText.map((text) => ({ kind: "Name", text, span }));
const names = (min = 1, max = 3) => fc.array(name, { minLength: min, maxLength: max });

const proseLine = fc.oneof(
  fc.constant(""),
  fc.stringMatching(/^[A-Za-z0-9.,;'()£€$ \-]{0,20}$/).map((s) => "w" + s),
  fc.stringMatching(/^ {1,4}[A-Za-z0-9.,;'()£€$ \-]{0,12}[a-z]$/),
);
const proseValue = fc
  .tuple(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,.]{0,20}$/), fc.array(proseLine, { maxLength: 3 }), fc.stringMatching(/^[A-Za-z0-9.]{1,10}$/))
  .map(([first, middle, last]) => [first, ...middle, last].join("\n"));

const stringLit: fc.Arbitrary<A.StringLiteral> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 20 }).map((value) => ({ kind: "String" as const, value, triple: false, span })) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 10 }).map((value) => ({ kind: "String" as const, value, triple: false, span })) },
  { weight: 1, arbitrary: proseValue.map((value) => ({ kind: "String" as const, value, triple: true, span })) },
);
const optTitle = fc.option(stringLit, { nil: undefined });

const digits = fc.stringMatching(/^[0-9]{1,7}$/);
const numberText = fc.tuple(digits, fc.boolean()).map(([d, underscored]) => (underscored && d.length > 1 ? d[0] + "_" + d.slice(1) : d));
const integer: fc.Arbitrary<A.IntegerLiteral> = numberText.map((text) => ({ kind: "Integer", value: Number(text.replace(/_/g, "")), text, span }));
const money: fc.Arbitrary<A.MoneyLiteral> = fc
  .tuple(fc.constantFrom("£" as const, "€" as const, "$" as const), numberText)
  .map(([currency, t]) => ({ kind: "Money", currency, amount: Number(t.replace(/_/g, "")), text: currency + t, span }));
const date: fc.Arbitrary<A.DateLiteral> = fc
  .tuple(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([y, m, d]) => ({ kind: "Date", text: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, span }));
const clauseNumber: fc.Arbitrary<A.ClauseNumber> = fc
  .array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 3 })
  .map((parts) => ({ kind: "ClauseNumber", text: parts.join("."), span }));
const value: fc.Arbitrary<A.Value> = fc.oneof(money, integer, name);

const selector: fc.Arbitrary<A.Selector> = fc.oneof(
  fc.tuple(name, fc.boolean()).map(([n, explicit]) => ({ kind: "FunctionSelector" as const, name: n, explicit, span })),
  name.map((n) => ({ kind: "CategorySelector" as const, name: n, span })),
  fc.constant({ kind: "AllFunctionsSelector" as const, span }),
);
const selectors = fc.array(selector, { minLength: 1, maxLength: 3 });
const roleOrKind: fc.Arbitrary<A.RoleOrKind> = fc
  .tuple(fc.constantFrom("role" as const, "kind" as const), name)
  .map(([of, n]) => ({ kind: "RoleOrKind", of, name: n, span }));
const roleOrKinds = fc.array(roleOrKind, { minLength: 1, maxLength: 3 });

// ---------------------------------------------------------------- frameworks

function functionDecl(depth: number): fc.Arbitrary<A.FunctionDecl> {
  const children = depth <= 0 ? fc.constant([] as A.FunctionDecl[]) : fc.array(functionDecl(depth - 1), { maxLength: 2 });
  return fc.tuple(name, optTitle, fc.option(name, { nil: undefined }), children).map(([n, title, category, kids]) => {
    const f: A.FunctionDecl = { kind: "FunctionDecl", name: n, title, children: kids, span };
    if (category) f.category = category;
    return f;
  });
}

const dimensionType: fc.Arbitrary<A.DimensionDecl["type"]> = fc.oneof(
  fc.constant({ kind: "money" as const, span }),
  fc.constant({ kind: "number" as const, span }),
  names(1, 3).map((values) => ({ kind: "enum" as const, values, span })),
);

const modelItem: fc.Arbitrary<A.ModelItem> = fc.oneof(
  integer.map((step) => ({ kind: "Step" as const, step, span })),
  fc
    .tuple(fc.constantFrom("accountable" as const, "responsible" as const), fc.constantFrom("must" as const, "may" as const), roleOrKinds, fc.array(selector, { maxLength: 2 }))
    .map(([role, modality, roles, f]) => ({ kind: "ModelConstraint" as const, role, modality, roles, for: f, span })),
  fc
    .tuple(fc.constantFrom("provision" as const, "role" as const, "body" as const), name)
    .map(([what, n]) => ({ kind: "Requires" as const, what, name: n, span })),
  stringLit.map((v) => ({ kind: "Cite" as const, value: v, span })),
);

const obligationBody: fc.Arbitrary<A.ObligationBody> = fc.oneof(
  selectors.map((s) => ({ kind: "Cover" as const, selectors: s, span })),
  selectors.map((s) => ({ kind: "AssignResponsible" as const, selectors: s, span })),
  fc.tuple(selectors, name).map(([s, level]) => ({ kind: "Deliver" as const, selectors: s, level, span })),
  fc.tuple(fc.boolean(), roleOrKinds, selectors).map(([negated, roles, s]) => ({ kind: "MakeAccountable" as const, negated, roles, selectors: s, span })),
  name.map((provision) => ({ kind: "Provide" as const, provision, span })),
  integer.map((months) => ({ kind: "ReviewEvery" as const, months, span })),
  integer.map((years) => ({ kind: "LastAtMost" as const, years, span })),
  fc.tuple(integer, names(0, 2)).map(([count, kinds]) => ({ kind: "HaveAtLeast" as const, count, kinds, span })),
  name.map((bodyKind) => ({ kind: "EstablishBody" as const, bodyKind, span })),
  names(1, 2).map((models) => ({ kind: "UseModel" as const, models, span })),
);
const ruleItem: fc.Arbitrary<A.RuleItem> = fc.oneof(
  fc.tuple(fc.constantFrom("must" as const, "should" as const), obligationBody).map(([strength, body]) => ({ kind: "Obligation" as const, strength, body, span })),
  stringLit.map((v) => ({ kind: "Cite" as const, value: v, span })),
);

const frameworkItem: fc.Arbitrary<A.FrameworkItem> = fc.oneof(
  stringLit.map((v) => ({ kind: "Version" as const, value: v, span })),
  stringLit.map((v) => ({ kind: "Source" as const, value: v, span })),
  names().map((frameworks) => ({ kind: "Extends" as const, frameworks, span })),
  names().map((levels) => ({ kind: "Levels" as const, levels, span })),
  fc.tuple(name, optTitle).map(([n, title]) => ({ kind: "KindDecl" as const, name: n, title, span })),
  fc.tuple(name, optTitle).map(([n, title]) => ({ kind: "RoleDecl" as const, name: n, title, span })),
  fc.tuple(name, optTitle).map(([n, title]) => ({ kind: "CategoryDecl" as const, name: n, title, span })),
  functionDecl(2),
  fc.tuple(name, dimensionType).map(([n, type]) => ({ kind: "DimensionDecl" as const, name: n, type, span })),
  fc.tuple(name, optTitle).map(([n, title]) => ({ kind: "ProvisionDecl" as const, name: n, title, span })),
  fc.tuple(name, optTitle, fc.array(modelItem, { maxLength: 4 })).map(([n, title, items]) => ({ kind: "ModelDecl" as const, name: n, title, items, span })),
  fc.tuple(name, optTitle, fc.array(ruleItem, { maxLength: 4 })).map(([n, title, items]) => ({ kind: "RuleDecl" as const, name: n, title, items, span })),
);

export const framework: fc.Arbitrary<A.Framework> = fc
  .tuple(name, optTitle, fc.array(frameworkItem, { maxLength: 8 }))
  .map(([n, title, items]) => ({ kind: "Framework", name: n, title, items, span }));

// ---------------------------------------------------------------- agreements

const condition: fc.Arbitrary<A.Condition> = fc.oneof(
  fc
    .tuple(name, fc.constantFrom<A.ComparisonOp>("=", "!=", "<", "<=", ">", ">="), value)
    .map(([dimension, op, v]) => ({ kind: "Compare" as const, dimension, op, value: v, span })),
  fc.tuple(name, names(1, 3)).map(([dimension, values]) => ({ kind: "In" as const, dimension, values, span })),
);
const conditions: fc.Arbitrary<A.Conditions> = fc
  .tuple(fc.array(condition, { maxLength: 3 }), fc.option(date, { nil: undefined }), fc.option(date, { nil: undefined }))
  .map(([where, from, until]) => {
    const c: A.Conditions = { where };
    if (from) c.from = from;
    if (until) c.until = until;
    return c;
  });

const roleLine: fc.Arbitrary<A.RoleLine> = fc
  .tuple(fc.constantFrom<A.RaciRole>("accountable", "responsible", "consulted", "informed"), fc.boolean(), names(1, 3))
  .map(([role, eachMember, parties]) => ({ kind: "RoleLine", role, eachMember, parties: eachMember ? [] : parties, span }));

const assign: fc.Arbitrary<A.Assign> = fc
  .tuple(selectors, fc.option(fc.tuple(name, names(0, 2)), { nil: undefined }), conditions, fc.array(clauseNumber, { maxLength: 2 }), fc.array(roleLine, { maxLength: 4 }))
  .map(([s, at, conds, overrides, roleLines]) => {
    const a: A.Assign = { kind: "Assign", selectors: s, conditions: conds, overrides, roleLines, span };
    if (at) a.at = { level: at[0], places: at[1], span };
    return a;
  });

const expect: fc.Arbitrary<A.Expect> = fc
  .tuple(
    fc.constantFrom("accountable" as const, "responsible" as const),
    name,
    fc.option(fc.tuple(name, name), { nil: undefined }),
    fc.option(date, { nil: undefined }),
    fc.array(fc.tuple(name, value), { maxLength: 2 }),
    names(0, 2),
  )
  .map(([subject, activity, at, on, where, expected]) => {
    const e: A.Expect = { kind: "Expect", subject, activity, where: where.map(([dimension, v]) => ({ dimension, value: v, span })), expected, span };
    if (at) e.at = { level: at[0], place: at[1], span };
    if (on) e.on = on;
    return e;
  });

function agreementItem(depth: number): fc.Arbitrary<A.AgreementItem> {
  const leaves: fc.Arbitrary<A.AgreementItem>[] = [
    names().map((frameworks) => ({ kind: "ConformsTo" as const, frameworks, span })),
    fc.tuple(name, fc.array(selector, { maxLength: 2 })).map(([model, f]) => ({ kind: "ModelUse" as const, model, for: f, span })),
    fc.tuple(date, date).map(([from, to]) => ({ kind: "Term" as const, from, to, span })),
    integer.map((months) => ({ kind: "Review" as const, months, span })),
    fc.tuple(name, optTitle, name, names(0, 2)).map(([n, title, partyKind, roles]) => ({ kind: "PartyDecl" as const, name: n, title, partyKind, roles, span })),
    fc.tuple(name, optTitle, name, names(1, 3)).map(([n, title, bodyKind, members]) => ({ kind: "BodyDecl" as const, name: n, title, bodyKind, members, span })),
    functionDecl(1),
    selectors.map((s) => ({ kind: "Scope" as const, selectors: s, span })),
    fc.tuple(name, optTitle).map(([n, title]) => ({ kind: "ProvisionDecl" as const, name: n, title, span })),
    assign,
    fc.tuple(selectors, name, name, conditions).map(([s, from, to, conds]) => ({ kind: "Delegate" as const, selectors: s, from, to, conditions: conds, span })),
    fc.tuple(name, stringLit).map(([rule, reason]) => ({ kind: "Allow" as const, rule, reason, span })),
    fc.tuple(stringLit, fc.array(expect, { maxLength: 3 })).map(([title, expects]) => ({ kind: "TestDecl" as const, title, expects, span })),
  ];
  if (depth <= 0) return fc.oneof(...leaves);
  const clause: fc.Arbitrary<A.AgreementItem> = fc
    .tuple(clauseNumber, optTitle, fc.array(agreementItem(depth - 1), { maxLength: 3 }))
    .map(([number, title, items]) => ({ kind: "Clause" as const, number, title, items, span }));
  return fc.oneof(...leaves, clause);
}

export const agreement: fc.Arbitrary<A.Agreement> = fc
  .tuple(name, optTitle, fc.array(agreementItem(2), { maxLength: 8 }))
  .map(([n, title, items]) => ({ kind: "Agreement", name: n, title, items, span }));

export const sourceFile: fc.Arbitrary<A.SourceFile> = fc
  .tuple(
    fc.array(stringLit.map((path) => ({ kind: "Import" as const, path, span })), { maxLength: 2 }),
    fc.array(fc.oneof(framework, agreement), { minLength: 0, maxLength: 3 }),
  )
  .map(([imports, declarations]) => ({ kind: "SourceFile", imports, declarations, comments: [], span }));
