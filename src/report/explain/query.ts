// The point (or region) `explain` is asked about, read from the command line and checked against
// the agreement: every problem is a sentence for the user, never an exception.
import type { Agreement, Expectation } from "../../generated/ruleset.js";
import { expectationRegion, dayNumber, dayString, type Region } from "../../analysis/space/index.js";
import { suggest } from "../../semantics/suggest.js";

export interface ExplainQuery {
  /** A function: an activity, or a parent function (every activity under it). */
  activity: string;
  place?: string;
  date?: string;
  /** `dim=value` as typed. */
  where?: string[];
}

export interface ResolvedQuery {
  activities: string[];
  place: string | null;
  date: string | null;
  /** Fixed dimension values (money in minor units; enum by name). */
  dimensions: Record<string, number | string>;
  /** Per activity, the region asked about. */
  regions: Map<string, Region>;
}

function didYouMean(name: string, candidates: Iterable<string>): string {
  const s = suggest(name, candidates);
  return s ? ` (did you mean ${s}?)` : "";
}

/** `£1,000,000`, `1_000_000`, `999999.50` → minor units; null when it is not an amount. */
export function parseMoney(text: string, currency: string | undefined): number | null {
  let t = text.trim();
  if (currency && t.startsWith(currency)) t = t.slice(currency.length);
  else if (/^[£€$]/.test(t)) return null;
  t = t.replace(/[,_]/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return null;
  const [whole, frac = ""] = t.split(".");
  const minor = Number(whole) * 100 + Number(frac.padEnd(2, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}

export function resolveQuery(agreement: Agreement, q: ExplainQuery): { query?: ResolvedQuery; errors: string[] } {
  const errors: string[] = [];
  const fn = agreement.functions.find((f) => f.id === q.activity);
  let activities: string[] = [];
  if (!fn) {
    errors.push(`${agreement.id} has no function ${q.activity}${didYouMean(q.activity, agreement.functions.map((f) => f.id))}.`);
  } else if (fn.activity) activities = [fn.id];
  else activities = agreement.functions.filter((f) => f.activity && f.id.startsWith(`${fn.id}.`)).map((f) => f.id);

  let place: string | null = null;
  if (q.place !== undefined) {
    if (agreement.places.length === 0) errors.push(`${agreement.id} has no members, so it has no places: leave out --place.`);
    else if (!agreement.places.includes(q.place))
      errors.push(`${q.place} is not a place of ${agreement.id}: its places are ${agreement.places.join(", ")}${didYouMean(q.place, agreement.places)}.`);
    else place = q.place;
  }

  let date: string | null = null;
  if (q.date !== undefined) {
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(q.date) && dayString(dayNumber(q.date)) === q.date;
    if (!ok) errors.push(`--on ${q.date} is not a date: write it as YYYY-MM-DD, e.g. 2025-04-01.`);
    else if (!agreement.term) errors.push(`${agreement.id} has no term, so its time axis is one point: leave out --on.`);
    else if (q.date < agreement.term.from || q.date > agreement.term.to)
      errors.push(`${q.date} is outside the term of ${agreement.id} (${agreement.term.from} to ${agreement.term.to}).`);
    else date = q.date;
  }

  const dimensions = Object.create(null) as Record<string, number | string>;
  for (const item of q.where ?? []) {
    const eq = item.indexOf("=");
    if (eq <= 0) {
      errors.push(`--where ${item}: write it as DIMENSION=VALUE, e.g. value=£1,000,000.`);
      continue;
    }
    const id = item.slice(0, eq).trim();
    const text = item.slice(eq + 1).trim();
    const dim = agreement.dimensions.find((d) => d.id === id);
    if (!dim) {
      const known = agreement.dimensions.map((d) => d.id);
      errors.push(`${agreement.id} has no dimension ${id}${known.length ? `: its dimensions are ${known.join(", ")}` : ""}${didYouMean(id, known)}.`);
      continue;
    }
    if (dim.type === "enum") {
      const values = dim.values ?? [];
      if (!values.includes(text)) errors.push(`${text} is not a value of ${id}: its values are ${values.join(", ")}${didYouMean(text, values)}.`);
      else dimensions[id] = text;
    } else if (dim.type === "money") {
      const minor = parseMoney(text, dim.currency);
      if (minor === null) errors.push(`--where ${item}: ${id} is an amount of money, e.g. ${dim.currency ?? "£"}1,000,000 or 999999.50.`);
      else dimensions[id] = minor;
    } else {
      const n = Number(text.replace(/[,_]/g, ""));
      if (text === "" || !Number.isFinite(n)) errors.push(`--where ${item}: ${id} is a number.`);
      else dimensions[id] = n;
    }
  }
  if (errors.length > 0) return { errors };

  const regions = new Map<string, Region>();
  for (const activity of activities) {
    const e: Expectation = {
      subject: "accountable",
      activity,
      place,
      date,
      dimensions,
      expected: [],
      span: agreement.span,
    };
    regions.set(activity, expectationRegion(agreement, e));
  }
  return { query: { activities, place, date, dimensions, regions }, errors };
}
