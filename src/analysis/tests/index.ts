// The agreements' own tests: `expect accountable for A CELL is P` (or `is nobody`) and
// `expect responsible for A CELL is P, …` (the set of responsible parties after delegations).
// What a cell leaves out ranges over every value: an expectation holds only if it holds at every
// point of its region, and a failure names the first point where it does not.
import type { Agreement, Expectation, RuleSet, Span } from "../../generated/ruleset.js";
import type { Diagnostic, Witness } from "../../diagnostics/diagnostic.js";
import type { Point } from "../space/index.js";
import {
  accountableAt,
  dayString,
  expectationRegion,
  findFailure,
  firstPoint,
  formatDimValue,
  formatMoney,
  partition,
  placeName,
  pointInRegion,
  responsibleAt,
} from "../space/index.js";
import { list } from "../messages.js";

export interface ExpectFailure {
  /** The `expect` item. */
  span: Span;
  message: string;
  /** The first point where the expectation does not hold. */
  witness: Witness;
  /** Who is actually accountable (responsible) there. */
  actual: string[];
}

export interface TestOutcome {
  agreement: string;
  title: string;
  span: Span;
  clause?: string;
  passed: boolean;
  /** One per failing `expect`, in source order. */
  failures: ExpectFailure[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

function parties(xs: readonly string[]): string {
  return xs.length === 0 ? "nobody" : list(xs);
}

/** The cell as the test wrote it: " at place westbridge on 2025-05-01 where value = £1,000,000". */
export function describeExpectationCell(agreement: Agreement, e: Expectation): string {
  let s = "";
  if (e.place !== null) s += ` at ${agreement.placeLevel ?? "place"} ${e.place}`;
  if (e.date !== null) s += ` on ${e.date}`;
  const conds = Object.entries(e.dimensions).map(([id, v]) => {
    const dim = agreement.dimensions.find((d) => d.id === id);
    const text = typeof v === "number" && dim?.type === "money" ? formatMoney(v, dim.currency ?? "£") : String(v);
    return `${id} = ${text}`;
  });
  if (conds.length > 0) s += ` where ${conds.join(" and ")}`;
  return s;
}

/** A point in words: "at eastmoor's place on 2025-04-01 where value is £1,000,000 and setting is inpatient". */
export function describePoint(agreement: Agreement, point: Point): string {
  const parts: string[] = [];
  const place = placeName(agreement, point.place);
  if (place !== null) parts.push(`at ${place}'s place`);
  if (agreement.term) parts.push(`on ${dayString(point.day)}`);
  const dims = agreement.dimensions.map((d, i) => `${d.id} is ${formatDimValue(d, point.dims[i]!)}`);
  if (dims.length > 0) parts.push(`where ${list(dims)}`);
  return parts.join(" ");
}

function actualAt(agreement: Agreement, e: Expectation, point: Point): string[] {
  for (const cell of partition(agreement, e.activity).cells) {
    if (!pointInRegion([cell], point)) continue;
    return e.subject === "accountable" ? accountableAt(cell, point.place, agreement) : responsibleAt(cell, point.place, agreement);
  }
  return [];
}

/** Evaluates one expectation: null when it holds everywhere in its region. */
export function evaluateExpectation(agreement: Agreement, e: Expectation): ExpectFailure | null {
  const region = expectationRegion(agreement, e);
  const what = `${e.subject} for ${e.activity}${describeExpectationCell(agreement, e)}`;
  const expected = parties(e.expected);
  if (region.length === 0) {
    return {
      span: e.span,
      message: `Expected ${expected} to be ${what}, but that names no point of the agreement (a date outside the term, or an unknown place or value).`,
      witness: { activity: e.activity, dimensions: {} },
      actual: [],
    };
  }
  const failure = findFailure(agreement, region, (cell, place) =>
    sameSet(e.subject === "accountable" ? accountableAt(cell, place, agreement) : responsibleAt(cell, place, agreement), e.expected),
  );
  if (!failure) return null;
  const point = firstPoint(agreement, failure.region);
  const actual = point ? actualAt(agreement, e, point) : [];
  // No members, no term, no dimensions: the point has no words, and no stray space before the stop.
  const words = point ? describePoint(agreement, point) : "";
  const where = words ? ` ${words}` : "";
  const is = actual.length > 1 ? "are" : "is";
  return {
    span: e.span,
    message: `Expected ${expected} to be ${what}, but ${parties(actual)} ${is} ${e.subject}${where}.`,
    witness: failure.witness,
    actual,
  };
}

/** Runs every `test` block of every agreement, in order. */
export function runTests(ruleSet: RuleSet): TestOutcome[] {
  const out: TestOutcome[] = [];
  for (const agreement of ruleSet.agreements) {
    for (const t of agreement.tests) {
      const failures: ExpectFailure[] = [];
      for (const e of t.expects) {
        const f = evaluateExpectation(agreement, e);
        if (f) failures.push(f);
      }
      const o: TestOutcome = { agreement: agreement.id, title: t.title, span: t.span, passed: failures.length === 0, failures };
      if (t.clause !== undefined) o.clause = t.clause;
      out.push(o);
    }
  }
  return out;
}

/** `test-failed` (error) for every failing expectation of one agreement, on the expect's span. */
export function testDiagnostics(agreement: Agreement): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of agreement.tests) {
    for (const e of t.expects) {
      const f = evaluateExpectation(agreement, e);
      if (!f) continue;
      const d: Diagnostic = {
        code: "test-failed",
        severity: "error",
        message: `Test "${t.title}" fails. ${f.message}`,
        span: e.span,
        witness: f.witness,
      };
      if (t.clause !== undefined) d.clause = t.clause;
      out.push(d);
    }
  }
  return out;
}
