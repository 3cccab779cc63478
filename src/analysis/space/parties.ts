// Who is accountable and responsible at a cell and place.
import type { Agreement, Assignment, PartyAt } from "../../generated/ruleset.js";
import type { Cell } from "./types.js";

function holdsAt(pa: PartyAt, placeName: string | undefined): boolean {
  return pa.place === undefined || placeName === undefined || pa.place === placeName;
}

function placeNameOf(agreement: Agreement, place: number): string | undefined {
  return agreement.places.length === 0 ? undefined : agreement.places[place];
}

export function accountableAssignments(cell: Cell, place: number, agreement: Agreement): { assignment: Assignment; parties: string[] }[] {
  const name = placeNameOf(agreement, place);
  const out: { assignment: Assignment; parties: string[] }[] = [];
  for (const a of cell.assignments) {
    const parties: string[] = [];
    for (const pa of a.raci.accountable) if (holdsAt(pa, name) && !parties.includes(pa.party)) parties.push(pa.party);
    if (parties.length > 0) out.push({ assignment: a, parties });
  }
  return out;
}

export function accountableParties(cell: Cell, place: number, agreement: Agreement): string[] {
  const name = placeNameOf(agreement, place);
  const out: string[] = [];
  for (const a of cell.assignments) for (const pa of a.raci.accountable) if (holdsAt(pa, name) && !out.includes(pa.party)) out.push(pa.party);
  return out;
}

export function responsibleParties(cell: Cell, place: number, agreement: Agreement): string[] {
  const name = placeNameOf(agreement, place);
  const before: string[] = [];
  for (const a of cell.assignments) for (const pa of a.raci.responsible) if (holdsAt(pa, name) && !before.includes(pa.party)) before.push(pa.party);
  if (cell.delegations.length === 0) return before;
  const out: string[] = [];
  for (const p of before) {
    const tos = cell.delegations.filter((d) => d.from === p).map((d) => d.to);
    if (tos.length === 0) {
      if (!out.includes(p)) out.push(p);
    } else for (const q of tos) if (!out.includes(q)) out.push(q);
  }
  return out;
}

/** Whether the accountable parties of a cell can differ between its places (`each member`). */
export function placeDependent(cell: Cell): boolean {
  for (const a of cell.assignments) {
    for (const pa of a.raci.accountable) if (pa.place !== undefined) return true;
    for (const pa of a.raci.responsible) if (pa.place !== undefined) return true;
  }
  return false;
}
