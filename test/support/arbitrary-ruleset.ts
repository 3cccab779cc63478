// Rule-set `Agreement`s for the analysis tests: a small builder for hand-written cases, and a
// fast-check arbitrary of random agreements (several activities, 0–4 places, a term or none,
// dated clauses, a money and an enum dimension and often a `number` one (first or last, so that
// the sweep meets it at either end), open/closed intervals incl. `!=`, unbounded and half-bounded
// ranges, overrides incl. chains, `each member`, delegations) that shrinks to small agreements.
import fc from "fast-check";
import type { Agreement, Assignment, Delegation, DimensionRange, Interval, PartyAt, Span } from "../../src/generated/ruleset.js";

export function span(line = 1, file = "test.concord"): Span {
  return { file, line, column: 1, endLine: line, endColumn: 2, offset: line * 10, endOffset: line * 10 + 5 };
}

// ------------------------------------------------------------------ intervals (money in minor units)

export const iv = (lo: number | null, loOpen: boolean, hi: number | null, hiOpen: boolean): Interval => ({ lo, loOpen: lo === null ? true : loOpen, hi, hiOpen: hi === null ? true : hiOpen });
export const ivs = (...intervals: Interval[]): DimensionRange => ({ type: "intervals", intervals });
export const gt = (x: number) => ivs(iv(x, true, null, true));
export const ge = (x: number) => ivs(iv(x, false, null, true));
export const lt = (x: number) => ivs(iv(null, true, x, true));
export const le = (x: number) => ivs(iv(null, true, x, false));
export const eq = (x: number) => ivs(iv(x, false, x, false));
export const ne = (x: number) => ivs(iv(null, true, x, true), iv(x, true, null, true));
export const oneOf = (...values: string[]): DimensionRange => ({ type: "values", values });

// ------------------------------------------------------------------ builder

export type PartySpec = string | "each member";

export interface AssignmentSpec {
  clause?: string;
  activities: string[];
  level?: string | null;
  /** Default: every place. */
  places?: string[];
  from?: string | null;
  to?: string | null;
  where?: Record<string, DimensionRange>;
  accountable?: PartySpec[];
  responsible?: PartySpec[];
  /** Assignment ids (`a1`, …). */
  overrides?: string[];
}

export interface DelegationSpec {
  clause?: string;
  activities: string[];
  from: string;
  to: string;
  since?: string | null;
  until?: string | null;
  where?: Record<string, DimensionRange>;
}

export interface AgreementSpec {
  id?: string;
  /** Functions: "a" or "parent.child" (a parent function is added for dotted ids). */
  activities: string[];
  parties?: { id: string; kind?: string; roles?: string[] }[];
  term?: { from: string; to: string } | null;
  dimensions?: ({ id: string; type: "money"; currency?: "£" | "€" | "$" } | { id: string; type: "number" } | { id: string; type: "enum"; values: string[] })[];
  scope?: string[] | null;
  assignments: AssignmentSpec[];
  delegations?: DelegationSpec[];
  rules?: Agreement["rules"];
}

function expand(parties: PartySpec[] | undefined, places: string[]): PartyAt[] {
  const out: PartyAt[] = [];
  for (const p of parties ?? []) {
    if (p === "each member") for (const pl of places) out.push({ party: pl, place: pl });
    else out.push({ party: p });
  }
  return out;
}

function cutDays(term: { from: string; to: string } | null, from: string | null | undefined, to: string | null | undefined) {
  if (!term) return { from: from ?? null, to: to ?? null };
  return {
    from: from && from > term.from ? from : term.from,
    to: to && to < term.to ? to : term.to,
  };
}

export function buildAgreement(spec: AgreementSpec): Agreement {
  const parties = (spec.parties ?? []).map((p, i) => ({ id: p.id, kind: p.kind ?? "nhs_trust", roles: p.roles ?? [], span: span(2 + i) }));
  const places = parties.filter((p) => p.roles.includes("member")).map((p) => p.id);
  const term = spec.term === undefined ? { from: "2025-04-01", to: "2031-03-31" } : spec.term;
  const dims = (spec.dimensions ?? []).map((d, i) => ({
    id: d.id,
    type: d.type,
    ...(d.type === "money" ? { currency: d.currency ?? "£" } : {}),
    ...(d.type === "enum" ? { values: d.values } : {}),
    framework: "fw",
    span: span(100 + i),
  })) as Agreement["dimensions"];
  const functions: Agreement["functions"] = [];
  for (const a of spec.activities) {
    const dot = a.lastIndexOf(".");
    if (dot > 0) {
      const parent = a.slice(0, dot);
      if (!functions.some((f) => f.id === parent)) functions.push({ id: parent, activity: false, span: span(200) });
      functions.push({ id: a, parent, activity: true, span: span(200) });
    } else functions.push({ id: a, activity: true, span: span(200) });
  }
  const fullRange = (d: (typeof dims)[number]): DimensionRange =>
    d.type === "enum" ? { type: "values", values: d.values ?? [] } : { type: "intervals", intervals: [iv(d.type === "money" ? 0 : null, false, null, true)] };
  const assignments: Assignment[] = spec.assignments.map((a, i) => {
    const aPlaces = places.length === 0 ? [] : (a.places ?? places).filter((p) => places.includes(p));
    const dimensions: Record<string, DimensionRange> = {};
    for (const d of dims) dimensions[d.id] = a.where?.[d.id] ?? fullRange(d);
    const out: Assignment = {
      id: `a${i + 1}`,
      activities: a.activities,
      level: a.level === undefined ? null : a.level,
      places: aPlaces,
      days: cutDays(term, a.from, a.to),
      dimensions,
      overrides: a.overrides ?? [],
      raci: {
        accountable: expand(a.accountable, aPlaces),
        responsible: expand(a.responsible, aPlaces),
        consulted: [],
        informed: [],
      },
      span: span(300 + i * 5),
    };
    if (a.clause !== undefined) out.clause = a.clause;
    return out;
  });
  const delegations: Delegation[] = (spec.delegations ?? []).map((d, i) => {
    const dimensions: Record<string, DimensionRange> = {};
    for (const dm of dims) dimensions[dm.id] = d.where?.[dm.id] ?? fullRange(dm);
    const out: Delegation = {
      id: `d${i + 1}`,
      activities: d.activities,
      from: d.from,
      to: d.to,
      days: cutDays(term, d.since, d.until),
      dimensions,
      span: span(900 + i),
    };
    if (d.clause !== undefined) out.clause = d.clause;
    return out;
  });
  const assigned = [...new Set(assignments.flatMap((a) => a.activities))];
  return {
    id: spec.id ?? "test_agreement",
    file: "test.concord",
    conformsTo: ["fw"],
    frameworks: ["fw"],
    levels: ["system", "place"],
    placeLevel: "place",
    dimensions: dims,
    functions,
    term: term ? { ...term, span: span(50) } : null,
    review: null,
    parties,
    bodies: [],
    places,
    scope: spec.scope ? { activities: spec.scope, explicit: true, span: span(60) } : { activities: assigned, explicit: false },
    provisions: [],
    models: [],
    modelDefinitions: [],
    rules: spec.rules ?? [],
    assignments,
    delegations,
    allows: [],
    tests: [],
    span: span(1),
  };
}

// ------------------------------------------------------------------ eastmoor, by hand

const M = 100; // pence per pound

/** The eastmoor MOU as the compiler should give it (DESIGN.md section 3), without tests. */
export function eastmoorAgreement(): Agreement {
  const a = buildAgreement({
    id: "eastmoor_mou",
    activities: ["procurement.strategy", "procurement.operations", "hr", "information_systems", "estates", "engagement", "education", "paediatrics", "emergency_care"],
    parties: [
      { id: "eastmoor", kind: "foundation_trust", roles: ["member", "commissioner"] },
      { id: "westbridge", kind: "foundation_trust", roles: ["member"] },
      { id: "alliance", kind: "group_board", roles: ["group"] },
      { id: "medica", kind: "independent_provider", roles: ["supplier"] },
    ],
    term: { from: "2025-04-01", to: "2031-03-31" },
    dimensions: [
      { id: "value", type: "money", currency: "£" },
      { id: "setting", type: "enum", values: ["inpatient", "outpatient", "community"] },
    ],
    scope: ["procurement.strategy", "procurement.operations", "hr", "information_systems", "estates", "engagement", "education", "paediatrics", "emergency_care"],
    assignments: [
      { clause: "2.1", activities: ["procurement.strategy", "procurement.operations"], level: "system", where: { value: gt(1_000_000 * M) }, accountable: ["alliance"], responsible: ["eastmoor"] },
      { clause: "2.2", activities: ["procurement.strategy", "procurement.operations"], level: "system", where: { value: lt(1_000_000 * M) }, accountable: ["eastmoor"], responsible: ["eastmoor"] },
      { clause: "3", activities: ["hr"], level: "system", accountable: ["alliance"], responsible: ["westbridge"] },
      { clause: "4", activities: ["hr"], level: "place", accountable: ["each member"], responsible: ["each member"] },
      { clause: "5", activities: ["estates"], level: "system", to: "2026-03-31", accountable: ["alliance"], responsible: ["westbridge"] },
      { clause: "6", activities: ["information_systems"], level: "system", accountable: ["medica"], responsible: ["medica"] },
      { clause: "7", activities: ["education"], level: "system", accountable: ["alliance"] },
      { clause: "8", activities: ["paediatrics"], level: "place", accountable: ["medica"], responsible: ["each member"] },
      { clause: "9", activities: ["emergency_care"], level: "place", accountable: ["each member"], responsible: ["each member"] },
      { clause: "9.1", activities: ["emergency_care"], level: "place", places: ["westbridge"], accountable: ["westbridge"], responsible: ["westbridge"] },
    ],
    delegations: [
      { clause: "10", activities: ["hr"], from: "eastmoor", to: "westbridge" },
      { clause: "10", activities: ["hr"], from: "westbridge", to: "eastmoor" },
    ],
  });
  const all = a.functions.filter((f) => f.activity).map((f) => f.id);
  const rule = (id: string, obligations: Agreement["rules"][number]["obligations"], cite?: string) => ({
    id,
    framework: "nhs_baseline",
    obligations,
    span: span(500),
    ...(cite ? { cite } : {}),
  });
  const ob = (strength: "must" | "should", type: "cover" | "assign-responsible", activities: string[]) => ({ strength, type, activities, span: span(501) });
  a.rules = [
    rule("B1", [ob("must", "cover", all)], "Baseline para 1: clarifying lines of accountability for the delivery of services"),
    rule("B2", [ob("should", "assign-responsible", all)]),
    rule("B5", [ob("must", "cover", ["education"])]),
  ];
  return a;
}

// ------------------------------------------------------------------ random agreements

const ACTIVITIES = ["p.s", "p.o", "hr", "est"];
const PLACE_NAMES = ["m1", "m2", "m3", "m4"];
const OTHER = ["grp", "sup"];
const SETTING = ["inpatient", "outpatient", "community"];
const DAYS = ["2025-01-01", "2025-01-02", "2025-03-01", "2025-06-30", "2025-07-01", "2025-12-31"];
const AMOUNTS = [0, 1, 50, 100, 100_000_000, 100_000_050];

const intervalArb: fc.Arbitrary<DimensionRange> = fc.oneof(
  { depthSize: "small" },
  fc.constant(ivs(iv(0, false, null, true))),
  fc.constantFrom(...AMOUNTS).map(gt),
  fc.constantFrom(...AMOUNTS).map(ge),
  fc.constantFrom(...AMOUNTS).map(lt),
  fc.constantFrom(...AMOUNTS).map(le),
  fc.constantFrom(...AMOUNTS).map(eq),
  fc.constantFrom(...AMOUNTS).map(ne),
  fc
    .tuple(fc.constantFrom(...AMOUNTS), fc.constantFrom(...AMOUNTS), fc.boolean(), fc.boolean())
    .map(([x, y, lo, ho]) => ivs(iv(Math.min(x, y), lo, Math.max(x, y), ho))),
);

// `number` values: negatives, zero, and neighbours 0 and 1 (an open piece between them has its
// witness at the midpoint, not one above its lower edge).
const BANDS = [-3, 0, 1, 7];

/** Ranges of a `number` dimension: the whole line, half-bounded, `!=`, points and closed/open spans. */
const bandArb: fc.Arbitrary<DimensionRange> = fc.oneof(
  { depthSize: "small" },
  fc.constant(ivs(iv(null, true, null, true))),
  fc.constantFrom(...BANDS).map(gt),
  fc.constantFrom(...BANDS).map(ge),
  fc.constantFrom(...BANDS).map(lt),
  fc.constantFrom(...BANDS).map(le),
  fc.constantFrom(...BANDS).map(eq),
  fc.constantFrom(...BANDS).map(ne),
  fc
    .tuple(fc.constantFrom(...BANDS), fc.constantFrom(...BANDS), fc.boolean(), fc.boolean())
    .map(([x, y, lo, ho]) => ivs(iv(Math.min(x, y), lo, Math.max(x, y), ho))),
);

const enumArb: fc.Arbitrary<DimensionRange> = fc.oneof(
  { arbitrary: fc.subarray(SETTING, { minLength: 1 }), weight: 9 },
  { arbitrary: fc.constant([] as string[]), weight: 1 },
).map((values) => oneOf(...values));

export interface RandomShape {
  places: number;
  term: boolean;
}

export const agreementArb: fc.Arbitrary<Agreement> = fc
  .record({
    nPlaces: fc.integer({ min: 0, max: 4 }),
    term: fc.boolean(),
    nActs: fc.integer({ min: 1, max: 4 }),
    explicitScope: fc.boolean(),
    cycles: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
    /** The `number` dimension: none, declared first, or declared last. */
    band: fc.constantFrom<"none" | "first" | "last">("none", "first", "first", "last"),
  })
  .chain(({ nPlaces, term, nActs, explicitScope, cycles, band }) => {
    const places = PLACE_NAMES.slice(0, nPlaces);
    const acts = ACTIVITIES.slice(0, nActs);
    const partyArb = fc.constantFrom<PartySpec>(...(nPlaces > 0 ? [...places, ...OTHER, "each member" as const] : OTHER));
    const dayArb = fc.option(fc.constantFrom(...DAYS), { nil: null, freq: 2 });
    const asgArb = fc.record({
      activities: fc.subarray(acts, { minLength: 1 }),
      places: nPlaces > 0 ? fc.option(fc.subarray(places), { nil: undefined }) : fc.constant(undefined),
      from: dayArb,
      to: dayArb,
      reversed: fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 }),
      value: fc.option(intervalArb, { nil: undefined }),
      setting: fc.option(enumArb, { nil: undefined, freq: 3 }),
      band: band === "none" ? fc.constant(undefined) : fc.option(bandArb, { nil: undefined, freq: 2 }),
      accountable: fc.oneof({ arbitrary: fc.array(partyArb, { minLength: 1, maxLength: 2 }), weight: 9 }, { arbitrary: fc.constant([] as PartySpec[]), weight: 1 }),
      responsible: fc.array(partyArb, { maxLength: 2 }),
      overrides: fc.array(fc.nat({ max: 7 }), { maxLength: 2 }),
    });
    const delArb = fc.record({
      activities: fc.subarray(acts, { minLength: 1 }),
      from: fc.constantFrom(...places, ...OTHER),
      to: fc.constantFrom(...places, ...OTHER),
      since: dayArb,
      until: dayArb,
      value: fc.option(intervalArb, { nil: undefined }),
      band: band === "none" ? fc.constant(undefined) : fc.option(bandArb, { nil: undefined, freq: 2 }),
    });
    return fc.record({ asgs: fc.array(asgArb, { maxLength: 7 }), dels: fc.array(delArb, { maxLength: 2 }), scopeCut: fc.nat({ max: nActs }) }).map(({ asgs, dels, scopeCut }) =>
      buildAgreement({
        activities: acts,
        parties: [...places.map((id) => ({ id, roles: ["member"] })), ...OTHER.map((id) => ({ id, roles: ["group"] }))],
        term: term ? { from: "2025-01-01", to: "2025-12-31" } : null,
        dimensions: [
          ...(band === "first" ? [{ id: "band", type: "number" as const }] : []),
          { id: "value", type: "money", currency: "£" },
          { id: "setting", type: "enum", values: SETTING },
          ...(band === "last" ? [{ id: "band", type: "number" as const }] : []),
        ],
        scope: explicitScope ? acts.slice(0, Math.max(1, nActs - scopeCut)) : null,
        assignments: asgs.map((a, i) => ({
          clause: String(i + 1),
          activities: a.activities,
          ...(a.places !== undefined ? { places: a.places } : {}),
          // Dates in order unless `reversed` (an empty range: a shadowed assignment).
          from: a.from && a.to && a.from > a.to !== a.reversed ? a.to : a.from,
          to: a.from && a.to && a.from > a.to !== a.reversed ? a.from : a.to,
          where: { ...(a.value ? { value: a.value } : {}), ...(a.setting ? { setting: a.setting } : {}), ...(a.band ? { band: a.band } : {}) },
          accountable: a.accountable,
          responsible: a.responsible,
          overrides: [...new Set(a.overrides.filter((k) => k < asgs.length && (cycles || k < i)).map((k) => `a${k + 1}`))],
        })),
        delegations: dels.filter((d) => d.from !== d.to).map((d) => ({ activities: d.activities, from: d.from, to: d.to, since: d.since, until: d.until, where: { ...(d.value ? { value: d.value } : {}), ...(d.band ? { band: d.band } : {}) } })),
        rules: [
          { id: "R1", framework: "fw", cite: "cite R1", obligations: [{ strength: "must", type: "cover", activities: acts, span: span(500) }], span: span(500) },
          { id: "R2", framework: "fw", obligations: [{ strength: "should", type: "assign-responsible", activities: acts, span: span(501) }], span: span(501) },
        ],
      }),
    );
  });
