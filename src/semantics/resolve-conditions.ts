// Conditions of assignments and delegations (`where`, `from`, `until`) and the values of
// tests, type-checked against their dimensions and compiled to ranges: money in minor
// units, intervals with open or closed ends, enum values in declaration order.
import type { Days, DimensionRange } from "../generated/ruleset.js";
import type { Condition, Conditions, DateLiteral, Span, Value } from "../syntax/ast.js";
import { exactList } from "../syntax/exact-list.js";
import { isValidDay, maxDay, minDay } from "./dates.js";
import { exactInteger, exactMoney } from "./numbers.js";
import type { DimensionInfo, Env } from "./env.js";
import { comparison, FROM_ZERO, intersect, REAL_LINE } from "./intervals.js";
import { where, type Reporter } from "./report.js";
import { suggest } from "./suggest.js";
import { spanFromTo } from "../syntax/plain-span.js";

export type Currency = "£" | "€" | "$";

export interface ConditionContext {
  env: Env;
  r: Reporter;
  clause?: string;
  term: { from: string; to: string } | null;
  /** The currency of each money dimension, set by its first amount in the agreement. */
  currencies: Map<string, { currency: Currency; span: Span }>;
  /** Without a term: whether the one warning that dates are ignored has been given (shared by the agreement's items). */
  undated?: { warned: boolean };
}

/**
 * Without a term the time axis is one point (DESIGN.md §7): a date in `from`, `until` or a test's
 * `on` is ignored, and the agreement's first dated item gets one `type` warning saying so.
 */
export function ignoredDate(ctx: ConditionContext, span: Span): void {
  if (ctx.term || !ctx.undated || ctx.undated.warned) return;
  ctx.undated.warned = true;
  ctx.r.warning(
    "type",
    "This agreement has no term, so its time axis is a single point: dates in `from`, `until` and a test's `on` are ignored.",
    span,
    { clause: ctx.clause },
  );
}

/** A valid day (as written), or undefined with a `type` error. */
export function checkDay(d: DateLiteral | undefined, r: Reporter, clause?: string): string | undefined {
  if (!d || typeof d.text !== "string") return undefined;
  if (!isValidDay(d.text)) {
    const leap = /^(\d{4})-02-29$/.exec(d.text);
    const why = leap && Number(leap[1]) % 100 === 0 ? ` (${leap[1]} is not a leap year: a century year is one only when it divides by 400)` : leap ? ` (${leap[1]} is not a leap year)` : "";
    r.error("type", `${d.text} is not a day of the calendar${why}.`, d.span, { clause });
    return undefined;
  }
  return d.text;
}

/**
 * The days an item covers: the term cut by `from` and `until`; undefined on a bad date or a
 * `from` after its `until` (a `type` error). Without a term, null to null (dates ignored).
 */
export function compileDays(c: Conditions, ctx: ConditionContext): Days | undefined {
  const from = c.from ? checkDay(c.from, ctx.r, ctx.clause) : null;
  const until = c.until ? checkDay(c.until, ctx.r, ctx.clause) : null;
  if (from === undefined || until === undefined) return undefined;
  if (from !== null && until !== null && from > until) {
    const span = spanFromTo(c.from!.span, c.until!.span);
    ctx.r.error("type", `\`from ${from}\` comes after \`until ${until}\`: there is no day between them.`, span, { clause: ctx.clause });
    return undefined;
  }
  if (!ctx.term) {
    if (c.from || c.until) ignoredDate(ctx, (c.from ?? c.until)!.span);
    return { from: null, to: null };
  }
  return { from: from === null ? ctx.term.from : maxDay(ctx.term.from, from), to: until === null ? ctx.term.to : minDay(ctx.term.to, until) };
}

export function fullRange(d: DimensionInfo): DimensionRange {
  if (d.type === "enum") return { type: "values", values: [...d.values] };
  return { type: "intervals", intervals: (d.type === "money" ? FROM_ZERO : REAL_LINE).map((i) => ({ ...i })) };
}

function describe(d: DimensionInfo): string {
  if (d.type === "money") return `\`${d.id}\` is an amount of money`;
  if (d.type === "number") return `\`${d.id}\` is a number`;
  return `\`${d.id}\` is one of ${d.values.map((v) => `\`${v}\``).join(", ")}`;
}

function describeValue(v: Value): string {
  if (v.kind === "Money") return `${v.text ?? `${v.currency}${v.amount}`} is an amount of money`;
  if (v.kind === "Integer") return `${v.text ?? v.value} is a plain number`;
  return `\`${v.text}\` is a name`;
}

/**
 * The value `v` of dimension `d` in the rule set's unit (money in minor units, enum values
 * by name); undefined with a `type` or `unresolved` error when it does not fit.
 */
export function dimensionValue(d: DimensionInfo, v: Value, ctx: ConditionContext): number | string | undefined {
  const { r, clause } = ctx;
  if (!v) return undefined;
  if (d.type === "money") {
    if (v.kind !== "Money") {
      const hint = v.kind === "Integer" ? `: write it with its currency sign, such as £${v.text ?? v.value}` : `, but ${describeValue(v)}`;
      r.error("type", `${describe(d)}${hint}.`, v.span, { clause });
      return undefined;
    }
    const seen = ctx.currencies.get(d.id);
    if (!seen) ctx.currencies.set(d.id, { currency: v.currency, span: v.span });
    else if (seen.currency !== v.currency) {
      r.error(
        "type",
        `\`${d.id}\` is counted in ${seen.currency} (first on ${where(seen.span, v.span)}); ${v.text ?? v.currency} uses ${v.currency}: one dimension cannot mix currencies.`,
        v.span,
        { clause, related: [{ span: seen.span, message: `\`${d.id}\` is first counted in ${seen.currency} here` }] },
      );
      return undefined;
    }
    return exactMoney(v, r, clause);
  }
  if (d.type === "number") {
    if (v.kind !== "Integer") {
      r.error("type", `${describe(d)}, but ${describeValue(v)}.`, v.span, { clause });
      return undefined;
    }
    return exactInteger(v, r, clause);
  }
  if (v.kind !== "Name") {
    r.error("type", `${describe(d)}, but ${describeValue(v)}.`, v.span, { clause });
    return undefined;
  }
  return enumValue(d, v.text, v.span, ctx);
}

/** Each value of an enum at its position, built once per dimension (an enum may have 100,000 values). */
const valueIndexes = new WeakMap<readonly string[], ReadonlyMap<string, number>>();
function valueIndex(values: readonly string[]): ReadonlyMap<string, number> {
  let index = valueIndexes.get(values);
  if (!index) valueIndexes.set(values, (index = new Map(values.map((v, i) => [v, i]))));
  return index;
}

function enumValue(d: DimensionInfo, name: string, span: Span, ctx: ConditionContext): string | undefined {
  if (valueIndex(d.values).has(name)) return name;
  const s = suggest(name, d.values);
  ctx.r.error(
    "unresolved",
    `\`${d.id}\` has no value \`${name}\`.` + (s === undefined ? "" : ` Did you mean \`${s}\`?`),
    span,
    s === undefined ? { clause: ctx.clause } : { clause: ctx.clause, help: `Did you mean \`${s}\`?` },
  );
  return undefined;
}

/**
 * One range per dimension of the agreement (declaration order): the whole domain,
 * narrowed by each `where` condition; undefined when a condition is wrong (reported).
 */
export function compileWhere(conds: Condition[], ctx: ConditionContext): Record<string, DimensionRange> | undefined {
  const ranges = new Map<string, DimensionRange>();
  // An enum dimension no condition has narrowed yet holds its declared values themselves,
  // copied only at the end: narrowed from the whole list, `in` and `=` take their own
  // values, not a filter of every value (n assignments over an enum of n values were n²).
  const whole = new Set<string>();
  for (const d of ctx.env.dimensionList) {
    if (d.type === "enum") {
      ranges.set(d.id, { type: "values", values: d.values });
      whole.add(d.id);
    } else ranges.set(d.id, fullRange(d));
  }
  let ok = true;
  for (const c of conds ?? []) {
    if (!c?.dimension?.text) continue;
    const d = ctx.env.dimensions.resolve(c.dimension, ctx.r, ctx.clause);
    if (!d) {
      ok = false;
      continue;
    }
    const current = ranges.get(d.id)!;
    if (c.kind === "In") {
      if (d.type !== "enum") {
        ctx.r.error("type", `${describe(d)}: \`in { … }\` lists values of a dimension with named values.`, c.span, { clause: ctx.clause });
        ok = false;
        continue;
      }
      const picked = new Set<string>();
      for (const v of c.values ?? []) {
        if (!v?.text) continue;
        const hit = enumValue(d, v.text, v.span, ctx);
        if (hit === undefined) ok = false;
        else picked.add(hit);
      }
      if (current.type !== "values") continue;
      if (whole.delete(d.id)) {
        const index = valueIndex(d.values);
        ranges.set(d.id, { type: "values", values: [...picked].sort((x, y) => index.get(x)! - index.get(y)!) });
      } else current.values = exactList(current.values.filter((v) => picked.has(v)));
      continue;
    }
    if (d.type === "enum") {
      if (c.op !== "=" && c.op !== "!=") {
        ctx.r.error("type", `\`${d.id}\` has named values, which have no order: compare it with \`=\`, \`!=\` or \`in { … }\`, not \`${c.op}\`.`, c.span, {
          clause: ctx.clause,
        });
        ok = false;
        continue;
      }
      const v = dimensionValue(d, c.value, ctx);
      if (v === undefined) {
        ok = false;
        continue;
      }
      if (current.type !== "values") continue;
      if (whole.delete(d.id)) ranges.set(d.id, { type: "values", values: c.op === "=" ? [v as string] : exactList(d.values.filter((x) => x !== v)) });
      else current.values = exactList(current.values.filter((x) => (c.op === "=" ? x === v : x !== v)));
      continue;
    }
    const v = dimensionValue(d, c.value, ctx);
    if (typeof v !== "number") {
      ok = false;
      continue;
    }
    if (current.type === "intervals") current.intervals = intersect(current.intervals, comparison(c.op, v));
  }
  if (!ok) return undefined;
  // Null prototype: a dimension may be named `__proto__` (names come from files), and on such
  // an object that name is an ordinary key. Set on an empty object rather than made by
  // `Object.create(null)`, which V8 keeps as a hash table (175 bytes per assignment, and a
  // slower lookup at every box the analysis makes): every assignment's ranges then share one shape.
  const out = Object.setPrototypeOf({}, null) as Record<string, DimensionRange>;
  for (const [k, v] of ranges) out[k] = whole.has(k) && v.type === "values" ? { type: "values", values: [...v.values] } : v;
  return out;
}
