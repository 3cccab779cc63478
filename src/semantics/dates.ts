// ISO days: validity (2025-02-30 is not a day) and the arithmetic compile needs.

/** True when `text` is `YYYY-MM-DD` naming a real day of the Gregorian calendar, years 0001–9999 (century rule included: 2100-02-29 is not a day). */
export function isValidDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO days of the same width compare as strings. */
export function maxDay(a: string, b: string): string {
  return a >= b ? a : b;
}
export function minDay(a: string, b: string): string {
  return a <= b ? a : b;
}
