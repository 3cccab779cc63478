// Money, day and dimension-value formatting for messages and witnesses.
import type { Dimension } from "../../generated/ruleset.js";

/**
 * Days since 1970-01-01 of an ISO day (`YYYY-MM-DD`), proleptic Gregorian, computed by hand:
 * years 0001–9999 read as written (`Date.UTC` would read 0050 as 1950).
 */
export function dayNumber(iso: string): number {
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/** The ISO day of a day number (a year past 9999 is written with more digits, never thrown on). */
export function dayString(n: number): string {
  const { y, m, d } = civilFromDays(n);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

// Howard Hinnant's days_from_civil / civil_from_days: eras of 400 years, March-based years.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): { y: number; m: number; d: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function groupThousands(digits: string): string {
  if (digits.length <= 3) return digits;
  // A loop rather than a lookahead regex: witnesses and descriptions format thousands of numbers.
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += "," + digits.slice(i, i + 3);
  return out;
}

/**
 * Money in minor units as a lawyer writes it: `formatMoney(100000000, "£")` → "£1,000,000",
 * `formatMoney(99999950, "£")` → "£999,999.50". Fractions of a penny (midpoint witnesses) keep
 * their digits ("£0.005").
 */
export function formatMoney(minorUnits: number, currency: string = "£"): string {
  const neg = minorUnits < 0;
  const abs = Math.abs(minorUnits);
  let text: string;
  if (Number.isInteger(abs)) {
    const whole = Math.floor(abs / 100);
    const pence = abs % 100;
    text = groupThousands(String(whole)) + (pence === 0 ? "" : "." + String(pence).padStart(2, "0"));
  } else {
    const units = abs / 100;
    const [w, f = ""] = String(units).split(".");
    text = groupThousands(w!) + "." + (f.length < 2 ? f.padEnd(2, "0") : f);
  }
  return (neg ? "-" : "") + currency + text;
}

/** A number as written in messages: thousands grouped. */
export function formatNumber(n: number): string {
  // Whole numbers without a split (descriptions of a large table format tens of thousands of them).
  if (Number.isSafeInteger(n)) return n < 0 ? "-" + groupThousands(String(-n)) : groupThousands(String(n));
  const [w, f] = String(Math.abs(n)).split(".");
  return (n < 0 ? "-" : "") + groupThousands(w!) + (f ? "." + f : "");
}

/**
 * A dimension value in words: money (minor units) → "£1,000,000", number → "1,000", enum index → its name.
 */
export function formatDimValue(dim: Dimension, value: number): string {
  if (dim.type === "enum") return dim.values?.[value] ?? String(value);
  if (dim.type === "money") return formatMoney(value, dim.currency ?? "£");
  return formatNumber(value);
}
