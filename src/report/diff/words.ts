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
