// `last at most N years`: the term ends no later than its start plus N years minus one day
// (a 29 February start counts from 28 February). Without a term it fails.
import type { ObligationCheck } from "./registry.js";
import { agreementHeader, finding, ruleFinding } from "./common.js";
import { addDays, plural } from "../messages.js";

/** The last day a term starting on `from` may end on to last at most `years` years; null past 9999-12-31. */
export function latestEnd(from: string, years: number): string | null {
  const y = Number(from.slice(0, 4));
  const m = from.slice(5, 7);
  let d = from.slice(8, 10);
  if (m === "02" && d === "29") d = "28";
  if (y + years >= 10000) return y + years === 10000 && `${m}-${d}` === "01-01" ? "9999-12-31" : null;
  const anniversary = `${String(y + years).padStart(4, "0")}-${m}-${d}`;
  return addDays(anniversary, -1);
}

/** " (6 years)" when the term is a whole number of years, else "". */
function exactYears(from: string, to: string): string {
  for (let k = 1; k <= 200; k++) {
    const end = latestEnd(from, k);
    if (end === null) break;
    if (end === to) return ` (${plural(k, "year")})`;
    if (end > to) break;
  }
  return "";
}

export const lastAtMost: ObligationCheck = {
  type: "last-at-most",
  check({ agreement }, rule, obligation) {
    const years = obligation.years;
    if (years === undefined) return [];
    const term = agreement.term;
    if (!term) {
      return [
        ruleFinding(
          rule,
          obligation,
          agreementHeader(agreement),
          `The agreement has no term; rule ${rule.id} requires it to last at most ${plural(years, "year")}.`,
        ),
      ];
    }
    const limit = latestEnd(term.from, years);
    // Days are 0001-01-01 to 9999-12-31 (DESIGN.md §7): a limit past the last day is a `type` error.
    if (limit === null) {
      return [
        finding(
          "type",
          "error",
          { span: term.span },
          `Rule ${rule.id} allows a term of ${plural(years, "year")}, which from ${term.from} would end past 9999-12-31, the last day concordat counts.`,
          { rule: rule.id, ...(rule.cite !== undefined ? { cite: rule.cite } : {}) },
        ),
      ];
    }
    if (term.to <= limit) return [];
    return [
      ruleFinding(
        rule,
        obligation,
        { span: term.span },
        `The term from ${term.from} to ${term.to}${exactYears(term.from, term.to)} is longer than the ${plural(years, "year")} rule ${rule.id} allows: it should end by ${limit}.`,
      ),
    ];
  },
};
