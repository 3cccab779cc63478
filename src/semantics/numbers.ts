// Exact numbers (DESIGN.md §7): integer literals within ±9,007,199,254,740,991 (the largest
// integer a double holds exactly) and money within 90,071,992,547,409 units, so that every
// amount in pence stays exact. A larger literal is a `type` error naming the limit, never a
// silently rounded value (or Infinity, for a 309-digit one).
import type { IntegerLiteral, MoneyLiteral } from "../syntax/ast.js";
import type { Reporter } from "./report.js";

export const MAX_INTEGER = 9_007_199_254_740_991n;
export const MAX_MONEY_UNITS = 90_071_992_547_409n;

/** The literal as the message names it: as written, or its length when it is very long. */
function shown(text: string): string {
  const n = text.replace(/[^0-9]/g, "").length;
  return text.length <= 30 ? text : `${text.slice(0, 12)}… (${n} digits)`;
}

function digits(text: string): bigint {
  return BigInt(text.replace(/[^0-9]/g, "") || "0");
}

/** The literal's value, or undefined with a `type` error when it lies past the exact limit. */
export function exactInteger(lit: IntegerLiteral, r: Reporter, clause?: string): number | undefined {
  if (digits(lit.text ?? String(lit.value)) > MAX_INTEGER) {
    r.error("type", `${shown(lit.text)} is too large: numbers are exact only up to 9,007,199,254,740,991.`, lit.span, { clause });
    return undefined;
  }
  return lit.value;
}

/** The amount in minor units (pence), or undefined with a `type` error when it lies past the exact limit. */
export function exactMoney(lit: MoneyLiteral, r: Reporter, clause?: string): number | undefined {
  if (digits((lit.text ?? String(lit.amount)).slice(1)) > MAX_MONEY_UNITS) {
    r.error("type", `${shown(lit.text)} is too large: amounts are exact to the penny only up to ${lit.currency}90,071,992,547,409.`, lit.span, { clause });
    return undefined;
  }
  return lit.amount * 100;
}
