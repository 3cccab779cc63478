// Who an assignment makes accountable (or responsible, after delegations) for which activity,
// at which place, wherever that assignment applies after overrides. Built on the engine's cells;
// shared by `make accountable`, `not make accountable` and the models' `must be` constraints.
import type { Agreement, Assignment, Delegation, PartyAt } from "../../generated/ruleset.js";
import type { Witness } from "../../diagnostics/diagnostic.js";
import type { Box, Cell, Responsibility } from "../space/index.js";
import { accountableBy, analysedActivities, firstActivityWitness, partition, placeDependent, placeName, responsibleBy } from "../space/index.js";
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

type By = (cell: Cell, place: number, agreement: Agreement) => { assignment: Assignment; parties: readonly (string | Responsibility)[] }[];

/**
 * The holdings of every cell of the activities, from the engine's `accountableBy`/`responsibleBy`
 * (asked once per cell, or once per place where `each member` makes the places differ). In the
 * order of the cell's assignments, then of their role line, whatever the place.
 */
function holdings(agreement: Agreement, activities: Iterable<string>, role: "accountable" | "responsible", by: By, keep: PartyFilter): Holding[] {
  const out: Holding[] = [];
  for (const activity of selectedActivities(agreement, activities)) {
    for (const cell of partition(agreement, activity).cells) {
      const dependent = placeDependent(cell);
      const groups = dependent ? cell.places.map((p) => [p]) : [cell.places];
      const here = new Map<string, { h: Holding; rank: number }>();
      // Each assignment's position in the cell, counted as they come (`by` keeps the cell's order).
      const positionInCell = new Map<Assignment, number>();
      for (const places of groups) {
        const name = placeName(agreement, places[0]!);
        for (const { assignment, parties } of by(cell, places[0]!, agreement)) {
          const line = assignment.raci[role];
          for (const x of parties) {
            const r = typeof x === "string" ? { party: x, named: x } : x;
            if (!keep(r.party)) continue;
            const key = `${assignment.id}\u0000${r.party}\u0000${r.via?.id ?? ""}`;
            const seen = here.get(key);
            if (seen) {
              // Another place of the cell (with one group, its places are already the holding's).
              if (dependent) for (const item of places) seen.h.places.push(item);
              continue;
            }
            // The cell's own list of places when it is the only group (nothing is added to it, and
            // it is sorted): copying it for each of 4,000 parties was 16 million places.
            const h: Holding = { assignment, activity, party: r.party, places: dependent ? [...places] : places, box: { activity, places: [], days: cell.days, dims: cell.dims } };
            if (r.via) h.via = r.via;
            // Where the named party stands in the role line (an `each member` entry at its own place).
            const entry = entryOf(line, r.named, name);
            let at = positionInCell.get(assignment);
            if (at === undefined) positionInCell.set(assignment, (at = cell.assignments.indexOf(assignment)));
            here.set(key, { h, rank: at * 1e6 + entry });
          }
        }
      }
      const sorted = [...here.values()].sort((x, y) => x.rank - y.rank);
      for (const { h } of sorted) {
        if (dependent) h.places.sort((x, y) => x - y);
        h.box.places = h.places;
        out.push(h);
      }
    }
  }
  return out;
}

/**
 * The first entry of a role line naming `party` that holds at the place (`name`; null: none),
 * through each line's entries indexed by party once: a line of 10,000 parties was searched
 * from the start for each of them.
 */
function entryOf(line: readonly PartyAt[], party: string, name: string | null): number {
  let byParty = entriesByParty.get(line);
  if (!byParty) {
    byParty = new Map();
    line.forEach((pa, i) => {
      let l = byParty!.get(pa.party);
      if (!l) byParty!.set(pa.party, (l = []));
      l.push(i);
    });
    entriesByParty.set(line, byParty);
  }
  for (const i of byParty.get(party) ?? []) {
    const pa = line[i]!;
    if (pa.place === undefined || name === null || pa.place === name) return i;
  }
  return -1;
}
const entriesByParty = new WeakMap<readonly PartyAt[], Map<string, number[]>>();

/**
 * Every party (passing `keep`) that an assignment makes accountable for one of the activities,
 * wherever the assignment applies after overrides.
 */
export function accountableHoldings(agreement: Agreement, activities: Iterable<string>, keep: PartyFilter = () => true): Holding[] {
  return holdings(agreement, activities, "accountable", accountableBy, keep);
}

/**
 * Every party (passing `keep`) responsible for one of the activities through an assignment,
 * wherever it applies after overrides, AFTER delegations (the engine's `responsibleBy`); `via` is
 * the delegation that made it responsible in place of the party the assignment names.
 */
export function responsibleHoldings(agreement: Agreement, activities: Iterable<string>, keep: PartyFilter = () => true): Holding[] {
  return holdings(agreement, activities, "responsible", responsibleBy, keep);
}

/** Groups holdings by assignment, in source order of the assignments. */
export function byAssignment(agreement: Agreement, holdings: readonly Holding[]): { assignment: Assignment; holdings: Holding[] }[] {
  const groups = groupBy(holdings, (h) => h.assignment.id);
  return agreement.assignments.filter((a) => groups.has(a.id)).map((a) => ({ assignment: a, holdings: groups.get(a.id)! }));
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

/**
 * Holdings grouped by a key, the groups in order of first appearance and each in holdings order:
 * one pass, where filtering the holdings once per party was quadratic (a clause naming 4,000
 * parties, each of them offending: 27 s).
 */
function groupBy(holdings: readonly Holding[], key: (h: Holding) => string): Map<string, Holding[]> {
  const groups = new Map<string, Holding[]>();
  for (const h of holdings) {
    const k = key(h);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(h);
  }
  return groups;
}

/**
 * "medica accountable for paediatrics", naming every offending party and activity, and the places
 * when a party holds only at some of the agreement's places (e.g. through `each member`).
 */
export function describeHoldings(
  agreement: Agreement,
  holdings: readonly Holding[],
): { parties: string[]; activities: string[]; text: string; byParty: Map<string, Holding[]> } {
  const byParty = groupBy(holdings, (h) => h.party);
  const parties = [...byParty.keys()];
  const activities = unique(holdings.map((h) => h.activity));
  const allPlaces = agreement.places.length;
  const partsText = parties.map((p) => {
    const mine = byParty.get(p)!;
    const via = unique(mine.map((h) => h.via).filter((d): d is Delegation => d !== undefined));
    let t = p;
    // A holding's places are distinct: one that has them all says "everywhere" without merging
    // every place of every holding (4,000 parties at 4,000 places was a sort of 4,000 per party).
    if (allPlaces > 0 && !mine.some((h) => h.places.length >= allPlaces)) {
      const places = unique(mine.flatMap((h) => h.places)).sort((a, b) => a - b);
      if (places.length < allPlaces) t += ` at ${list(places.map((i) => `${placeName(agreement, i)}'s place`))}`;
    }
    if (via.length > 0) t += ` (by delegation from ${list(unique(via.map((d) => d.from)))})`;
    return t;
  });
  return { parties, activities, text: list(partsText), byParty };
}

/**
 * "makes b at b's place accountable for hr and c at c's place accountable for it": who, for what,
 * where, without pairing every party with every activity; "makes b and c accountable for hr and it"
 * when every party holds every activity named.
 */
export function describeWhoForWhat(
  agreement: Agreement,
  holdings: readonly Holding[],
  role: string,
  nameActivities: (acts: string[]) => string,
  verb = "makes",
): string {
  const { parties, activities, text, byParty } = describeHoldings(agreement, holdings);
  const actsOf = (p: string) => unique(byParty.get(p)!.map((h) => h.activity));
  if (parties.every((p) => actsOf(p).length === activities.length)) return `${verb} ${text} ${role} for ${nameActivities(activities)}`;
  const each = parties.map((p) => `${describeHoldings(agreement, byParty.get(p)!).text} ${role} for ${nameActivities(actsOf(p))}`);
  return `${verb} ${list(each)}`;
}

/** The first point of the holdings (witness order). */
export function holdingsWitness(agreement: Agreement, holdings: readonly Holding[]): Witness {
  return firstActivityWitness(agreement, holdings.map((h) => h.box));
}
