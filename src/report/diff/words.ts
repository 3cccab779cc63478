// Shared wording of the diff renderers.
import type { Parties } from "./compare.js";

/** "alliance", "alliance and eastmoor", "nobody". */
export function partyList(parties: readonly string[]): string {
  if (parties.length === 0) return "nobody";
  if (parties.length === 1) return parties[0]!;
  return `${parties.slice(0, -1).join(", ")} and ${parties.at(-1)}`;
}

/** What happened, in one sentence: "accountable: alliance → eastmoor; responsible: unchanged (eastmoor)". */
export function changeInWords(before: Parties, after: Parties): string {
  const part = (role: string, b: readonly string[], a: readonly string[]) =>
    sameSet(b, a) ? `${role}: ${partyList(a)} (unchanged)` : `${role}: ${partyList(b)} → ${partyList(a)}`;
  return `${part("accountable", before.accountable, after.accountable)}; ${part("responsible", before.responsible, after.responsible)}`;
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Text from a file as a terminal or a comment shows it: control characters escaped (`\u001b`), never obeyed. */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
