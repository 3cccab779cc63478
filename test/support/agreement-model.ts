// Random agreement MODELS: plain data describing a framework and an agreement over it, from
// which test/support/print-model.ts prints `.concord` source text and
// test/support/model-oracle.ts predicts every finding by brute force. Nothing here knows the
// compiler or the engine; the generator only keeps every model VALID (it must compile with no
// error), free of override and delegation cycles, and with condition constants spread apart so
// that every open interval between two boundaries holds a whole number (see `NUMBERS`).
import fc from "fast-check";

// ------------------------------------------------------------------ the model

export type DimType = "money" | "number" | "enum";
export interface ModelDimension {
  id: string;
  type: DimType;
  /** enum values, in declaration order */
  values?: string[];
}
export interface ModelFunction {
  id: string;
  category?: string;
  children: { id: string; category?: string }[];
}
export type Selector = { kind: "function"; id: string; explicit: boolean } | { kind: "category"; id: string } | { kind: "all" };
export interface RoleRef {
  of: "role" | "kind";
  id: string;
}
export type Obligation =
  | { strength: "must" | "should"; type: "cover"; selectors: Selector[] }
  | { strength: "must" | "should"; type: "assign-responsible"; selectors: Selector[] }
  | { strength: "must" | "should"; type: "deliver"; selectors: Selector[]; level: "system" | "place" }
  | { strength: "must" | "should"; type: "make-accountable" | "not-make-accountable"; roles: RoleRef[]; selectors: Selector[] };
export interface ModelRule {
  id: string;
  cite: string;
  obligations: Obligation[];
}
export interface ModelConstraint {
  role: "accountable" | "responsible";
  roles: RoleRef[];
  for: Selector[] | null;
}
export interface CollaborationModel {
  id: string;
  constraints: ModelConstraint[];
}
export interface FrameworkModel {
  dimensions: ModelDimension[];
  categories: string[];
  functions: ModelFunction[];
  roles: string[];
  kinds: string[];
  rules: ModelRule[];
  models: CollaborationModel[];
}

/** A condition on a dimension; money values are whole units (pounds), numbers integers. */
export type Condition =
  | { dim: string; op: "=" | "!=" | "<" | "<=" | ">" | ">="; value: number | string }
  | { dim: string; op: "in"; values: string[] };

export interface Conditions {
  where: Condition[];
  /** days since 2024-01-01 */
  from?: number;
  until?: number;
}

export type Who = { each: true } | { each: false; parties: string[] };

export interface ModelAssign {
  selectors: Selector[];
  at: null | { level: "system" } | { level: "place"; places: string[] };
  conditions: Conditions;
  /** clause numbers */
  overrides: string[];
  accountable: Who;
  responsible?: Who;
}
export interface ModelClause {
  number: string;
  assign: ModelAssign;
  sub?: ModelClause;
}
export interface ModelDelegation {
  /** the clause it sits in */
  clause: string;
  selectors: Selector[];
  from: string;
  to: string;
  conditions: Conditions;
}
export interface ModelExpect {
  subject: "accountable" | "responsible";
  activity: string;
  place?: string;
  on?: number;
  where: { dim: string; value: number | string }[];
  expected: string[];
}
export interface ModelTest {
  title: string;
  expects: ModelExpect[];
}
export interface ModelParty {
  id: string;
  kind: string;
  roles: string[];
}
export interface ModelBody {
  id: string;
  kind: string;
  members: string[];
}
export interface AgreementModel {
  parties: ModelParty[];
  bodies: ModelBody[];
  term: { from: number; to: number } | null;
  scope: Selector[] | null;
  models: { model: string; for: Selector[] | null }[];
  clauses: ModelClause[];
  delegations: ModelDelegation[];
  allows: { rule: string; clause?: string }[];
  tests: ModelTest[];
}
export interface Model {
  framework: FrameworkModel;
  agreement: AgreementModel;
}

// ------------------------------------------------------------------ vocabulary

/**
 * Condition constants. Money in whole pounds (boundaries 100 pence apart or more) and numbers at
 * least 2 apart, so one penny (one) above an open lower edge always lies inside the open interval
 * that follows it; the DESIGN's midpoint rule is exercised by tests/analysis/space, not here.
 */
export const MONEY = [0, 500, 1_000, 2_500];
export const NUMBERS = [0, 3, 10, 20]; // no negative literals in the language: the line below 0 is reached by `<`
const ENUM_VALUES = ["low", "mid", "high"];
const TERM_BASE = 365; // 2025-01-01

const KINDS = ["trust", "board", "firm"];
const ROLES = ["member", "group", "supplier"];

const selectorArb = (fw: FrameworkModel): fc.Arbitrary<Selector> => {
  const fnIds = fw.functions.flatMap((f) => [f.id, ...f.children.map((c) => c.id)]);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...fnIds), fc.boolean()).map(([id, explicit]) => ({ kind: "function" as const, id, explicit })) },
    { weight: 2, arbitrary: fc.constantFrom(...fw.categories).map((id) => ({ kind: "category" as const, id })) },
    { weight: 1, arbitrary: fc.constant({ kind: "all" as const }) },
  );
};
const selectorsArb = (fw: FrameworkModel, max = 2) =>
  fc.uniqueArray(selectorArb(fw), { minLength: 1, maxLength: max, selector: (s) => JSON.stringify(s) });

const roleRefsArb = (fw: FrameworkModel) =>
  fc.uniqueArray(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...fw.roles).map((id) => ({ of: "role" as const, id })) },
      { weight: 1, arbitrary: fc.constantFrom(...fw.kinds).map((id) => ({ of: "kind" as const, id })) },
    ),
    { minLength: 1, maxLength: 2, selector: (r) => `${r.of}:${r.id}` },
  );

const dimensionsArb: fc.Arbitrary<ModelDimension[]> = fc
  .subarray(
    [
      { id: "value", type: "money" as const },
      { id: "beds", type: "number" as const },
      { id: "setting", type: "enum" as const, values: ENUM_VALUES },
    ],
    { minLength: 1, maxLength: 2 },
  )
  .chain((dims) => fc.shuffledSubarray(dims, { minLength: dims.length, maxLength: dims.length }));

const functionsArb: fc.Arbitrary<{ categories: string[]; functions: ModelFunction[] }> = fc
  .record({
    categories: fc.constantFrom(["core", "support"], ["core"]),
    shapes: fc.array(fc.record({ children: fc.integer({ min: 0, max: 2 }), cat: fc.nat(2), childCats: fc.array(fc.nat(2), { minLength: 2, maxLength: 2 }) }), { minLength: 2, maxLength: 3 }),
  })
  .map(({ categories, shapes }) => {
    const cat = (n: number) => (n < categories.length ? categories[n] : undefined);
    const names = ["fa", "fb", "fc"];
    const functions = shapes.map((s, i) => {
      const f: ModelFunction = { id: names[i]!, children: [] };
      const c = cat(s.cat);
      if (c) f.category = c;
      for (let k = 0; k < s.children; k++) {
        const child: { id: string; category?: string } = { id: `${names[i]}.${["x", "y"][k]}` };
        const cc = cat(s.childCats[k]! + 1);
        if (cc && k === 1) child.category = cc;
        f.children.push(child);
      }
      return f;
    });
    return { categories, functions };
  });

const obligationArb = (fw: FrameworkModel): fc.Arbitrary<Obligation> => {
  const strength = fc.constantFrom("must" as const, "should" as const);
  return fc.oneof(
    fc.record({ strength, type: fc.constant("cover" as const), selectors: selectorsArb(fw) }),
    fc.record({ strength, type: fc.constant("assign-responsible" as const), selectors: selectorsArb(fw) }),
    fc.record({ strength, type: fc.constant("deliver" as const), selectors: selectorsArb(fw), level: fc.constantFrom("system" as const, "place" as const) }),
    fc.record({ strength, type: fc.constantFrom("make-accountable" as const, "not-make-accountable" as const), roles: roleRefsArb(fw), selectors: selectorsArb(fw) }),
  );
};

const frameworkArb: fc.Arbitrary<FrameworkModel> = fc
  .tuple(dimensionsArb, functionsArb)
  .map(([dimensions, { categories, functions }]) => ({ dimensions, categories, functions, roles: ROLES, kinds: KINDS, rules: [], models: [] }) as FrameworkModel)
  .chain((fw) =>
    fc
      .record({
        rules: fc.array(fc.array(obligationArb(fw), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 3 }),
        models: fc.array(
          fc.array(fc.record({ role: fc.constantFrom("accountable" as const, "responsible" as const), roles: roleRefsArb(fw), for: fc.option(selectorsArb(fw, 1), { nil: null }) }), {
            minLength: 1,
            maxLength: 2,
          }),
          { minLength: 1, maxLength: 2 },
        ),
      })
      .map(({ rules, models }) => ({
        ...fw,
        rules: rules.map((obligations, i) => ({ id: `R${i + 1}`, cite: `Para ${i + 1}`, obligations })),
        models: models.map((constraints, i) => ({ id: `m${i + 1}`, constraints })),
      })),
  );

// ------------------------------------------------------------------ agreements

function conditionArb(fw: FrameworkModel): fc.Arbitrary<Condition> {
  return fc.constantFrom(...fw.dimensions).chain((d): fc.Arbitrary<Condition> => {
    if (d.type === "enum")
      return fc.oneof(
        fc.record({ dim: fc.constant(d.id), op: fc.constantFrom("=" as const, "!=" as const), value: fc.constantFrom(...d.values!) }),
        fc.record({ dim: fc.constant(d.id), op: fc.constant("in" as const), values: fc.subarray(d.values!, { minLength: 1 }) }),
      );
    const pool = d.type === "money" ? MONEY : NUMBERS;
    return fc.record({ dim: fc.constant(d.id), op: fc.constantFrom("=" as const, "!=" as const, "<" as const, "<=" as const, ">" as const, ">=" as const), value: fc.constantFrom(...pool) });
  });
}

function conditionsArb(fw: FrameworkModel, term: { from: number; to: number } | null): fc.Arbitrary<Conditions> {
  // Days around the term, some before its start or after its end.
  const lo = term ? term.from - 60 : TERM_BASE - 60;
  const hi = term ? term.to + 60 : TERM_BASE + 400;
  const day = fc.integer({ min: lo, max: hi });
  return fc
    .record({
      where: fc.uniqueArray(conditionArb(fw), { maxLength: 2, selector: (c) => c.dim }),
      from: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: day }),
      until: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: day }),
    })
    .map(({ where, from, until }) => {
      const c: Conditions = { where };
      // `from` after `until` is a type error (DESIGN section 7): keep them ordered.
      if (from !== undefined && until !== undefined && from > until) [c.from, c.until] = [until, from];
      else {
        if (from !== undefined) c.from = from;
        if (until !== undefined) c.until = until;
      }
      return c;
    });
}

const whoArb = (holders: string[], members: string[], perPlace: boolean): fc.Arbitrary<Who> =>
  perPlace && members.length > 0
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constant({ each: true as const }) },
        { weight: 3, arbitrary: fc.uniqueArray(fc.constantFrom(...holders), { minLength: 1, maxLength: 2 }).map((parties) => ({ each: false as const, parties })) },
      )
    : fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...holders).map((p) => ({ each: false as const, parties: [p] })) },
        // Two parties on one line (a conflict inside one assignment), when there are two.
        { weight: 1, arbitrary: fc.uniqueArray(fc.constantFrom(...holders), { minLength: Math.min(2, holders.length), maxLength: 2 }).map((parties) => ({ each: false as const, parties })) },
      );

interface AssignDraft {
  selectors: Selector[];
  at: ModelAssign["at"];
  conditions: Conditions;
  overrideSeeds: number[];
  accountable: Who;
  responsible?: Who;
}

function assignArb(fw: FrameworkModel, holders: string[], members: string[], term: AgreementModel["term"]): fc.Arbitrary<AssignDraft> {
  const at: fc.Arbitrary<ModelAssign["at"]> =
    members.length > 0
      ? fc.oneof(
          fc.constant(null),
          fc.constant({ level: "system" as const }),
          fc.constant({ level: "place" as const, places: [] as string[] }),
          fc.subarray(members, { minLength: 1 }).map((places) => ({ level: "place" as const, places })),
        )
      : fc.oneof(fc.constant(null), fc.constant({ level: "system" as const }), fc.constant({ level: "place" as const, places: [] as string[] }));
  return at.chain((a) =>
    fc.record({
      selectors: selectorsArb(fw),
      at: fc.constant(a),
      conditions: conditionsArb(fw, term),
      overrideSeeds: fc.array(fc.nat(), { maxLength: 2 }),
      accountable: whoArb(holders, members, a?.level === "place"),
      responsible: fc.option(whoArb(holders, members, a?.level === "place"), { nil: undefined, freq: 4 }),
    }),
  );
}

const partiesArb: fc.Arbitrary<{ parties: ModelParty[]; bodies: ModelBody[] }> = fc
  .record({
    members: fc.integer({ min: 0, max: 3 }),
    memberKinds: fc.array(fc.constantFrom("trust", "firm"), { minLength: 3, maxLength: 3 }),
    extraRoles: fc.array(fc.subarray(["group", "supplier"]), { minLength: 3, maxLength: 3 }),
    others: fc.subarray(
      [
        { id: "g", kind: "board", roles: ["group"] },
        { id: "s", kind: "firm", roles: ["supplier"] },
        { id: "c", kind: "trust", roles: [] as string[] },
      ],
      { minLength: 1 },
    ),
    body: fc.option(fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }) }), { nil: undefined }),
  })
  .map(({ members, memberKinds, extraRoles, others, body }) => {
    const parties: ModelParty[] = [];
    for (let i = 0; i < members; i++) parties.push({ id: `p${i + 1}`, kind: memberKinds[i]!, roles: ["member", ...extraRoles[i]!] });
    parties.push(...others);
    const bodies: ModelBody[] = [];
    if (body) {
      let ms = parties.filter((_, i) => body.pick[i]).map((p) => p.id);
      if (ms.length === 0) ms = [parties[0]!.id];
      bodies.push({ id: "cb", kind: body.kind, members: ms });
    }
    return { parties, bodies };
  });

/** Pick overrides among clauses whose assignments all come lower in a random precedence order: no cycle. */
function resolveOverrides(clauses: { number: string; index: number; within: number[] }[], rank: number[], seeds: number[][]): string[][] {
  return clauses.map((c) => {
    const out: string[] = [];
    for (const seed of seeds[c.index] ?? []) {
      const target = clauses[seed % clauses.length]!;
      const hit = target.within.filter((j) => j !== c.index);
      if (hit.length === 0 || !hit.every((j) => rank[j]! < rank[c.index]!)) continue;
      if (!out.includes(target.number)) out.push(target.number);
    }
    return out;
  });
}

export const modelArb: fc.Arbitrary<Model> = frameworkArb.chain((fw) =>
  fc
    .record({
      who: partiesArb,
      term: fc.option(fc.record({ start: fc.integer({ min: TERM_BASE - 200, max: TERM_BASE + 200 }), length: fc.integer({ min: 0, max: 900 }) }), { nil: null, freq: 3 }),
    })
    .chain(({ who, term: t }) => {
      const term = t ? { from: t.start, to: t.start + t.length } : null;
      const members = who.parties.filter((p) => p.roles.includes("member")).map((p) => p.id);
      const holders = [...who.parties.map((p) => p.id), ...who.bodies.map((b) => b.id)];
      const activities = fw.functions.flatMap((f) => (f.children.length > 0 ? f.children.map((c) => c.id) : [f.id]));
      const day = term ? fc.integer({ min: term.from, max: term.to }) : fc.integer({ min: TERM_BASE, max: TERM_BASE + 300 });
      const expectArb: fc.Arbitrary<ModelExpect> = fc.record(
        {
          subject: fc.constantFrom("accountable" as const, "responsible" as const),
          activity: fc.constantFrom(...activities),
          place: members.length > 0 ? fc.option(fc.constantFrom(...members), { nil: undefined }) : fc.constant(undefined),
          on: fc.option(day, { nil: undefined }),
          where: fc.subarray(fw.dimensions).chain((ds) =>
            fc.tuple(
              ...ds.map((d) =>
                (d.type === "enum" ? fc.constantFrom(...d.values!) : fc.constantFrom(...(d.type === "money" ? [...MONEY, 750] : [...NUMBERS, 6]))).map((value: number | string) => ({ dim: d.id, value })),
              ),
            ),
          ),
          expected: fc.uniqueArray(fc.constantFrom(...holders), { maxLength: 2 }),
        },
        { requiredKeys: ["subject", "activity", "where", "expected"] },
      );
      return fc
        .record({
          scope: fc.option(selectorsArb(fw, 3), { nil: null, freq: 2 }),
          models: fc.oneof(
            fc.constant([] as { model: string; for: Selector[] | null }[]),
            fc.constantFrom(...fw.models).map((m) => [{ model: m.id, for: null }]),
            fc.tuple(fc.constantFrom(...fw.models), fc.constantFrom(...fw.models), selectorsArb(fw, 1)).map(([a, b, sel]) => [
              { model: a.id, for: null },
              { model: b.id, for: sel },
            ]),
          ),
          drafts: fc.array(fc.tuple(assignArb(fw, holders, members, term), fc.option(assignArb(fw, holders, members, term), { nil: undefined, freq: 2 })), { minLength: 1, maxLength: 4 }),
          rankSeed: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
          subOverridesParent: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
          delegations: fc.oneof(fc.constant(0), fc.constant(1), fc.constant(2), fc.constant(2), fc.constant(3)).chain((n) =>
            fc.array(
              fc.record({ selectors: selectorsArb(fw, 1), chain: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), from: fc.nat(), to: fc.nat(), conditions: conditionsArb(fw, term) }),
              { minLength: n, maxLength: n },
            ),
          ),
          allows: fc.uniqueArray(fc.constantFrom(...fw.rules.map((r) => r.id)), { maxLength: 2 }).chain((rs) => fc.constant(rs)),
          allowTwice: fc.boolean(),
          tests: fc.array(fc.array(expectArb, { minLength: 1, maxLength: 2 }), { maxLength: 2 }),
        })
        .map((r): Model => {
          // Clauses: clause i holds one assignment and maybe a sub-clause i.1 with another.
          const flat: { number: string; index: number; within: number[]; draft: AssignDraft }[] = [];
          r.drafts.forEach(([top, sub], i) => {
            const n = `${i + 1}`;
            const topEntry = { number: n, index: flat.length, within: [flat.length], draft: top };
            flat.push(topEntry);
            if (sub) {
              topEntry.within.push(flat.length);
              flat.push({ number: `${n}.1`, index: flat.length, within: [flat.length], draft: sub });
            }
          });
          const rank = flat.map((_, i) => (r.rankSeed[i % 8]! * 16 + i) % 997);
          // A sub-clause overriding its own parent: ranked above it.
          const seeds = flat.map((f) => [...f.draft.overrideSeeds]);
          flat.forEach((f, k) => {
            if (!f.number.includes(".") || !r.subOverridesParent[k % 8]) return;
            const parent = k - 1;
            if (rank[k]! < rank[parent]!) [rank[k], rank[parent]] = [rank[parent]!, rank[k]!];
            seeds[k]!.unshift(flat.findIndex((x) => x.index === parent));
          });
          const overrides = resolveOverrides(flat, rank, seeds);
          const toAssign = (k: number): ModelAssign => {
            const d = flat[k]!.draft;
            const a: ModelAssign = { selectors: d.selectors, at: d.at, conditions: d.conditions, overrides: overrides[k]!, accountable: d.accountable };
            if (d.responsible) a.responsible = d.responsible;
            return a;
          };
          const clauses: ModelClause[] = [];
          for (let k = 0; k < flat.length; k++) {
            if (flat[k]!.number.includes(".")) continue;
            const c: ModelClause = { number: flat[k]!.number, assign: toAssign(k) };
            if (flat[k + 1]?.number.startsWith(`${flat[k]!.number}.`)) c.sub = { number: flat[k + 1]!.number, assign: toAssign(k + 1) };
            clauses.push(c);
          }
          // Delegations: from → to only along a fixed order of the holders (no cycle); a chain link
          // starts where the previous one ended.
          const delegations: ModelDelegation[] = [];
          const order = holders;
          r.delegations.forEach((d, i) => {
            const prev = delegations[delegations.length - 1];
            let fromIdx = prev && d.chain ? order.indexOf(prev.to) : d.from % order.length;
            if (fromIdx >= order.length - 1) fromIdx = d.from % Math.max(1, order.length - 1);
            if (fromIdx >= order.length - 1) return;
            const toIdx = fromIdx + 1 + (d.to % (order.length - fromIdx - 1));
            const selectors = prev && d.chain ? prev.selectors : d.selectors;
            delegations.push({ clause: `${20 + i}`, selectors, from: order[fromIdx]!, to: order[toIdx]!, conditions: d.conditions });
          });
          const allows = r.allows.map((rule) => ({ rule }));
          if (r.allowTwice && allows.length > 0) allows.push({ rule: allows[0]!.rule });
          // `expect accountable … is P` names one party (or nobody).
          const tests = r.tests.map((expects, i) => ({
            title: `test ${i + 1}`,
            expects: expects.map((e) => (e.subject === "accountable" ? { ...e, expected: e.expected.slice(0, 1) } : e)),
          }));
          return {
            framework: fw,
            agreement: { parties: who.parties, bodies: who.bodies, term, scope: r.scope, models: r.models, clauses, delegations, allows, tests },
          };
        });
    }),
);

export function dayString(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
