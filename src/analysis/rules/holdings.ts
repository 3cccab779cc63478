// Who an assignment makes accountable (or responsible, after delegations) for which activity,
// at which place, wherever that assignment applies after overrides. Built on the engine's cells;
// shared by `make accountable`, `not make accountable` and the models' `must be` constraints.
import type { Agreement, Assignment, Delegation, PartyAt } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { Box, Cell } from "../space/index.js";
import { analysedActivities, partition, placeName, witness } from "../space/index.js";
import { list } from "../messages.js";

export interface Holding {
  assignment: Assignment;
  activity: string;
  party: string;
  /** Place indices (0 when the agreement has no members) where it holds in this cell. */
  places: number[];
  /** The part of the space (one cell, at those places) where it holds. */
  box: Box;
  /** For responsible parties: the delegation that made this party responsible in place of another. */
  via?: Delegation;
}

/** Which holdings to keep: only the offending ones are built, so large agreements stay cheap. */
export type PartyFilter = (party: string) => boolean;

function selectedActivities(agreement: Agreement, activities: Iterable<string>): string[] {
  const set = new Set(activities);
  return analysedActivities(agreement).filter((a) => set.has(a));
}

/** The places of a cell where a role-line entry holds (`each member` entries only at their place). */
function placesOf(agreement: Agreement, cell: Cell, p: PartyAt): number[] {
  if (p.place === undefined || agreement.places.length === 0) return cell.places;
  const i = agreement.places.indexOf(p.place);
  return cell.places.includes(i) ? [i] : [];
}

function push(out: Holding[], h: Omit<Holding, "box">, cell: Cell): void {
  if (h.places.length === 0) return;
  out.push({ ...h, box: { activity: cell.activity, places: h.places, days: cell.days, dims: cell.dims } });
}

/**
 * Every party (passing `keep`) that an assignment makes accountable for one of the activities,
 * wherever the assignment applies after overrides.
 */
export function accountableHoldings(agreement: Agreement, activities: Iterable<string>, keep: PartyFilter = () => true): Holding[] {
  const out: Holding[] = [];
  for (const activity of selectedActivities(agreement, activities)) {
    for (const cell of partition(agreement, activity).cells) {
      for (const assignment of cell.assignments) {
        for (const p of assignment.raci.accountable) {
          if (!keep(p.party)) continue;
          push(out, { assignment, activity, party: p.party, places: placesOf(agreement, cell, p) }, cell);
        }
      }
    }
  }
  return out;
}

/** The parties an assignment names responsible at a place, before delegations. */
export function namedResponsible(assignment: Assignment, place: number, agreement: Agreement): string[] {
  const name = placeName(agreement, place);
  const out: string[] = [];
  for (const p of assignment.raci.responsible) {
    if (p.place !== undefined && name !== null && p.place !== name) continue;
    if (!out.includes(p.party)) out.push(p.party);
  }
  return out;
}

/**
 * Every party (passing `keep`) responsible for one of the activities through an assignment,
 * wherever it applies after overrides, AFTER delegations: a live delegation `from P to Q`
 * replaces P by Q (one simultaneous step, as the engine's `responsibleAt`).
 */
export function responsibleHoldings(agreement: Agreement, activities: Iterable<string>, keep: PartyFilter = () => true): Holding[] {
  const out: Holding[] = [];
  for (const activity of selectedActivities(agreement, activities)) {
    for (const cell of partition(agreement, activity).cells) {
      for (const assignment of cell.assignments) {
        for (const p of assignment.raci.responsible) {
          const places = placesOf(agreement, cell, p);
          const ds = cell.delegations.filter((d) => d.from === p.party);
          if (ds.length === 0) {
            if (keep(p.party)) push(out, { assignment, activity, party: p.party, places }, cell);
          } else {
            for (const d of ds) if (keep(d.to)) push(out, { assignment, activity, party: d.to, places, via: d }, cell);
          }
        }
      }
    }
  }
  return out;
}

/** Groups holdings by assignment, in source order of the assignments. */
export function byAssignment(agreement: Agreement, holdings: readonly Holding[]): { assignment: Assignment; holdings: Holding[] }[] {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) groups.set(h.assignment.id, [...(groups.get(h.assignment.id) ?? []), h]);
  return agreement.assignments.filter((a) => groups.has(a.id)).map((a) => ({ assignment: a, holdings: groups.get(a.id)! }));
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * "medica accountable for paediatrics", naming every offending party and activity, and the places
 * when a party holds only at some of the agreement's places (e.g. through `each member`).
 */
export function describeHoldings(agreement: Agreement, holdings: readonly Holding[]): { parties: string[]; activities: string[]; text: string } {
  const parties = unique(holdings.map((h) => h.party));
  const activities = unique(holdings.map((h) => h.activity));
  const allPlaces = agreement.places.length;
  const partsText = parties.map((p) => {
    const mine = holdings.filter((h) => h.party === p);
    const places = unique(mine.flatMap((h) => h.places)).sort((a, b) => a - b);
    const via = unique(mine.map((h) => h.via).filter((d): d is Delegation => d !== undefined));
    let t = p;
    if (allPlaces > 0 && places.length < allPlaces) t += ` at ${list(places.map((i) => `${placeName(agreement, i)}'s place`))}`;
    if (via.length > 0) t += ` (by delegation from ${list(unique(via.map((d) => d.from)))})`;
    return t;
  });
  return { parties, activities, text: list(partsText) };
}

/** The first point of the holdings (witness order). */
export function holdingsWitness(agreement: Agreement, holdings: readonly Holding[]): Witness {
  return witness(agreement, holdings.map((h) => h.box));
}
