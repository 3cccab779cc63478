// Money, day and dimension-value formatting for messages and witnesses.
import type { Dimension } from "../../generated/ruleset.js";

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO day (`YYYY-MM-DD`), UTC. */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The ISO day of a day number. */
export function dayString(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
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
