// fast-check arbitraries of VALID concordat source: one file holding a small framework
// (levels system/place, a money dimension `value`, an enum dimension `setting`, several
// activities) and an agreement over it (1–4 member places, a term, clauses with
// assignments using random `at`, `where`, `from`/`until`, `each member`, overrides
// between clauses, delegations). Every generated text must compile with no errors.
import fc from "fast-check";

export const FRAMEWORK_TEXT = `framework gen "Generated" {
  levels system, place
  kind trust "Trust"
  kind board "Board"
  role member "Member"
  role group "Group"
  category support "Support"
  category core "Core"
  dimension value: money
  dimension setting: enum { low, mid, high }
  function proc "Procurement" in support {
    function strategy "Strategy"
    function ops "Operations" in core
  }
  function hr "HR" in support
  function care "Care" in core
  function teach "Teaching"
  provision exit "Exit"
  model mutual "Mutual" {
    step 1
    accountable must be member for category core
  }
  rule G1 "Cover" {
    must cover all functions
    cite "Generated para 1"
  }
  rule G2 "Deliver" {
    should deliver category support at system
  }
}
`;

const SELECTORS = ["proc", "function proc.strategy", "proc.ops", "hr", "care", "teach", "category support", "category core", "all functions"];
const SETTINGS = ["low", "mid", "high"];
const OPS = ["=", "!=", "<", "<=", ">", ">="];

function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

export interface GeneratedAgreement {
  text: string;
  /** How many `assign` items it holds (all valid, so each compiles to one assignment). */
  assignments: number;
  delegations: number;
  places: string[];
}

interface GeneratedAssign {
  selectors: string[];
  at: { level: string; places: string[] } | null;
  money?: { op: string; amount: number };
  setting?: { kind: "in"; values: string[] } | { kind: "eq"; op: string; value: string };
  from?: number;
  until?: number;
  accountable: string;
  responsible?: string;
  overrides: number[];
  nested: boolean;
}

const assignmentArb = (places: string[]): fc.Arbitrary<GeneratedAssign> =>
  fc.record(
    {
      selectors: fc.uniqueArray(fc.constantFrom(...SELECTORS), { minLength: 1, maxLength: 2 }),
      at: fc.oneof(
        fc.constant<{ level: string; places: string[] } | null>(null),
        fc.constant({ level: "system", places: [] as string[] }),
        fc.subarray(places).map((ps) => ({ level: "place", places: ps })),
      ),
      money: fc.option(fc.record({ op: fc.constantFrom(...OPS), amount: fc.integer({ min: 0, max: 2_000_000 }) }), { nil: undefined }),
      setting: fc.option(
        fc.oneof(
          fc.record({ kind: fc.constant("in" as const), values: fc.subarray(SETTINGS, { minLength: 1 }) }),
          fc.record({ kind: fc.constant("eq" as const), op: fc.constantFrom("=", "!="), value: fc.constantFrom(...SETTINGS) }),
        ),
        { nil: undefined },
      ),
      from: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      until: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
      accountable: fc.oneof(fc.constant("each member"), fc.constantFrom(...places, "board")),
      responsible: fc.option(fc.oneof(fc.constant("each member"), fc.constantFrom(...places, "board", "council")), { nil: undefined }),
      overrides: fc.array(fc.nat(), { maxLength: 2 }),
      nested: fc.boolean(),
    },
    { noNullPrototype: true },
  );

export const arbitraryAgreement: fc.Arbitrary<GeneratedAgreement> = fc
  .record(
    {
      memberCount: fc.integer({ min: 1, max: 4 }),
      start: fc.integer({ min: 0, max: 1000 }),
      length: fc.integer({ min: 0, max: 2500 }),
      seeds: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      delegations: fc.array(fc.record({ sel: fc.constantFrom(...SELECTORS), from: fc.nat(), to: fc.nat(), until: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }) }), { maxLength: 3 }),
      review: fc.option(fc.integer({ min: 1, max: 36 }), { nil: undefined }),
    },
    { noNullPrototype: true },
  )
  .chain((shape) => {
    const places = Array.from({ length: shape.memberCount }, (_, i) => `p${i + 1}`);
    return fc
      .array(assignmentArb(places), { minLength: shape.seeds.length, maxLength: shape.seeds.length })
      .map((assigns) => render(shape, places, assigns));
  });

function render(
  shape: { start: number; length: number; delegations: { sel: string; from: number; to: number; until?: number }[]; review?: number },
  places: string[],
  assigns: GeneratedAssign[],
): GeneratedAgreement {
  const lines: string[] = [];
  lines.push(`agreement generated "Generated agreement" {`);
  lines.push(`  conforms to gen`);
  lines.push(`  model mutual`);
  lines.push(`  term ${day(shape.start)} to ${day(shape.start + shape.length)}`);
  if (shape.review !== undefined) lines.push(`  review every ${shape.review} months`);
  for (const p of places) lines.push(`  party ${p} "Member ${p}" kind trust role member`);
  lines.push(`  party board "Board" kind board role group`);
  lines.push(`  body council "Council" kind board members ${places.join(", ")}`);
  lines.push(`  provision exit "Leave on notice."`);
  // Clause numbers: clause i, with the nested ones as i.1 inside clause i.
  const numbers = assigns.map((a, i) => (a.nested ? `${i + 1}.1` : `${i + 1}`));
  assigns.forEach((a, i) => {
    const level = a.at ? a.at.level : null;
    const perPlace = level === "place";
    const who = (w: string) => (w === "each member" && !perPlace ? "board" : w);
    let head = `assign ${a.selectors.join(", ")}`;
    if (a.at) head += ` at ${a.at.level}${a.at.places.length > 0 ? ` ${a.at.places.join(", ")}` : ""}`;
    const conds: string[] = [];
    if (a.money) conds.push(`value ${a.money.op} £${String(a.money.amount).replace(/\B(?=(\d{3})+(?!\d))/g, "_")}`);
    if (a.setting) conds.push(a.setting.kind === "in" ? `setting in { ${a.setting.values.join(", ")} }` : `setting ${a.setting.op} ${a.setting.value}`);
    if (conds.length > 0) head += ` where ${conds.join(" and ")}`;
    // `from` after `until` is a type error (DESIGN.md §7): print the earlier day as `from`.
    const [from, until] = a.from !== undefined && a.until !== undefined && a.from > a.until ? [a.until, a.from] : [a.from, a.until];
    if (from !== undefined) head += ` from ${day(from)}`;
    if (until !== undefined) head += ` until ${day(until)}`;
    const targets = [...new Set(a.overrides.map((n) => numbers[n % numbers.length]))];
    if (targets.length > 0) head += ` overrides ${targets.map((t) => `clause ${t}`).join(", ")}`;
    const body = [`accountable ${who(a.accountable)}`];
    if (a.responsible !== undefined) body.push(`responsible ${who(a.responsible)}`);
    const assign = [`${head} {`, ...body.map((b) => `  ${b}`), `}`];
    const indent = (xs: string[], n: number) => xs.map((x) => " ".repeat(n) + x);
    lines.push(`  clause ${i + 1} "Clause ${i + 1}" {`);
    if (a.nested) lines.push(`    clause ${i + 1}.1 {`, ...indent(assign, 6), `    }`);
    else lines.push(...indent(assign, 4));
    lines.push(`  }`);
  });
  for (const d of shape.delegations) {
    const from = places[d.from % places.length];
    const to = places[d.to % places.length];
    lines.push(`  delegate ${d.sel} from ${from} to ${to}${d.until !== undefined ? ` until ${day(d.until)}` : ""}`);
  }
  lines.push(`  test "generated" {`);
  lines.push(`    expect accountable for hr at place ${places[0]} where value = £1_000 and setting = mid is board`);
  lines.push(`  }`);
  lines.push(`}`);
  return { text: `${FRAMEWORK_TEXT}\n${lines.join("\n")}\n`, assignments: assigns.length, delegations: shape.delegations.length, places };
}
