// Who is accountable and responsible at a cell and place. Each rule is written once, per
// assignment (`accountableAssignments`, `responsibleAssignments`); the party lists are their union.
import type { Agreement, Assignment, Delegation, PartyAt } from "../../generated/ruleset.js";
import type { Cell } from "./types.js";
import { Distinct } from "../distinct.js";

/** One party an assignment makes responsible, after delegations. */
export interface Responsibility {
  /** The party responsible (after delegations). */
  party: string;
  /** The party the assignment names responsible; `party` itself unless a delegation replaced it. */
  named: string;
  /** The first delegation of the chain `from named to …` that led to `party`, if any. */
  via?: Delegation;
  /** Every delegation of that chain, in order (`named` → … → `party`). */
  chain?: Delegation[];
}

/** Whether a role-line entry holds at a place: `each member` entries only at their own place. */
function holdsAt(pa: PartyAt, placeName: string | undefined): boolean {
  return pa.place === undefined || placeName === undefined || pa.place === placeName;
}

function placeNameOf(agreement: Agreement, place: number): string | undefined {
  return agreement.places.length === 0 ? undefined : agreement.places[place];
}

/**
 * A role line's entries by place: those for every place, and those of `each member` by their
 * place (positions in the line). Built once per line, so that asking at each of many places
 * costs the entries that hold there, not the whole line (`each member` over 100,000 members).
 */
interface LineIndex {
  general: number[];
  byPlace: Map<string, number[]>;
}
const lineIndexes = new WeakMap<readonly PartyAt[], LineIndex>();
const SMALL_LINE = 16;

function indexOf(line: readonly PartyAt[]): LineIndex {
  let ix = lineIndexes.get(line);
  if (!ix) {
    ix = { general: [], byPlace: new Map() };
    line.forEach((pa, i) => {
      if (pa.place === undefined) ix!.general.push(i);
      else {
        let l = ix!.byPlace.get(pa.place);
        if (!l) ix!.byPlace.set(pa.place, (l = []));
        l.push(i);
      }
    });
    lineIndexes.set(line, ix);
  }
  return ix;
}

/** The distinct parties of a role line that hold at a place, in order. */
function partiesAt(line: readonly PartyAt[], placeName: string | undefined): string[] {
  // Most lines name one party: a list of one, without a Distinct (asked once per live set and assignment).
  if (line.length === 1) return holdsAt(line[0]!, placeName) ? [line[0]!.party] : [];
  const out = new Distinct<string>();
  if (line.length <= SMALL_LINE || placeName === undefined) {
    for (const pa of line) if (holdsAt(pa, placeName)) out.add(pa.party);
    return out.items;
  }
  // The entries holding at the place, in line order: the general ones merged with the place's own.
  const { general, byPlace } = indexOf(line);
  const own = byPlace.get(placeName) ?? [];
  let i = 0;
  let j = 0;
  while (i < general.length || j < own.length) {
    const k = j >= own.length || (i < general.length && general[i]! < own[j]!) ? general[i++]! : own[j++]!;
    out.add(line[k]!.party);
  }
  return out.items;
}

export function accountableAssignments(cell: Cell, place: number, agreement: Agreement): { assignment: Assignment; parties: string[] }[] {
  const name = placeNameOf(agreement, place);
  const out: { assignment: Assignment; parties: string[] }[] = [];
  for (const a of cell.assignments) {
    const parties = partiesAt(a.raci.accountable, name);
    if (parties.length > 0) out.push({ assignment: a, parties });
  }
  return out;
}

/**
 * The first assignment (after overrides) that makes someone accountable at a cell and place, with
 * those parties, and whether another does too: what the scan asks of every live set, most of
 * which have one. Without the list accountableAssignments builds (its pairs were a tenth of the
 * scan's allocation); `out` is the caller's, filled in.
 */
export function firstAccountable(cell: Cell, place: number, agreement: Agreement, out: FirstAccountable): FirstAccountable {
  const name = placeNameOf(agreement, place);
  out.assignment = undefined;
  out.parties = NO_PARTIES;
  out.more = false;
  const assignments = cell.assignments;
  for (let i = 0; i < assignments.length; i++) {
    const a = assignments[i]!;
    if (out.assignment !== undefined) {
      if (namesSomeoneAt(a.raci.accountable, name)) {
        out.more = true;
        break;
      }
      continue;
    }
    const parties = partiesAt(a.raci.accountable, name);
    if (parties.length > 0) {
      out.assignment = a;
      out.parties = parties;
    }
  }
  return out;
}

/** firstAccountable's parties where nobody is accountable: one empty list, never changed (one a call otherwise). */
const NO_PARTIES: string[] = [];

export interface FirstAccountable {
  assignment: Assignment | undefined;
  parties: string[];
  /** Whether a later assignment makes someone accountable there too. */
  more: boolean;
}

/**
 * Per assignment (after overrides) that names someone responsible at the place, the parties it
 * makes responsible after delegations. Delegations compose (DESIGN.md §7): with P→Q and Q→R live
 * in the cell, R does P's work (and Q's); P→Q and P→R make both Q and R responsible. A chain that
 * comes back to a party already on it (a cycle, itself an error) stops before it, so P→Q and Q→P
 * swap the two rather than loop.
 */
export function responsibleAssignments(cell: Cell, place: number, agreement: Agreement): { assignment: Assignment; parties: Responsibility[] }[] {
  const name = placeNameOf(agreement, place);
  const out: { assignment: Assignment; parties: Responsibility[] }[] = [];
  for (const a of cell.assignments) {
    const named = partiesAt(a.raci.responsible, name);
    if (named.length === 0) continue;
    const parties: Responsibility[] = [];
    const seen = new Distinct<string>();
    for (const p of named) {
      for (const { party, chain } of delegatedTo(p, cell.delegations)) {
        // Two delegations P→Q (say, in two clauses) make Q responsible once, through the first.
        if (!seen.add(`${p}\u0000${party}`)) continue;
        parties.push(chain.length === 0 ? { party, named: p } : { party, named: p, via: chain[0]!, chain });
      }
    }
    out.push({ assignment: a, parties });
  }
  return out;
}

/**
 * Whether anyone is responsible at a cell and place after delegations: a delegation passes the
 * work on and never drops it, so exactly when some assignment names someone responsible there.
 * (What the scan asks at every cell; responsibleAssignments builds every chain to answer it.)
 */
export function anyoneResponsible(cell: Cell, place: number, agreement: Agreement): boolean {
  const name = placeNameOf(agreement, place);
  for (const a of cell.assignments) if (namesSomeoneAt(a.raci.responsible, name)) return true;
  return false;
}

/** Whether some entry of a role line holds at a place (by the line's index when it is long: `each member`). */
function namesSomeoneAt(line: readonly PartyAt[], placeName: string | undefined): boolean {
  if (line.length <= SMALL_LINE || placeName === undefined) {
    for (const pa of line) if (holdsAt(pa, placeName)) return true;
    return false;
  }
  const { general, byPlace } = indexOf(line);
  return general.length > 0 || byPlace.has(placeName);
}

/** The delegations from each party, in source order. */
function byFrom(delegations: readonly Delegation[]): Map<string, Delegation[]> {
  const out = new Map<string, Delegation[]>();
  for (const d of delegations) {
    let l = out.get(d.from);
    if (!l) out.set(d.from, (l = []));
    l.push(d);
  }
  return out;
}

/**
 * Where the work of `from` ends up: the ends of every chain of live delegations from it, with the
 * chain, depth first in source order. A walk on an explicit stack: a chain of thousands of
 * delegations overflowed the call stack when each link was a recursive call.
 */
export function delegatedTo(from: string, delegations: readonly Delegation[]): { party: string; chain: Delegation[] }[] {
  const out: { party: string; chain: Delegation[] }[] = [];
  const next = byFrom(delegations);
  const chain: Delegation[] = [];
  const onChain = new Set<string>([from]);
  // One frame per party on the chain: the index of its next delegation to try, and whether any was taken.
  const frames: { party: string; at: number; took: boolean }[] = [{ party: from, at: 0, took: false }];
  while (frames.length > 0) {
    const f = frames[frames.length - 1]!;
    const own = next.get(f.party) ?? [];
    while (f.at < own.length && onChain.has(own[f.at]!.to)) f.at++;
    if (f.at < own.length) {
      const d = own[f.at++]!;
      f.took = true;
      chain.push(d);
      onChain.add(d.to);
      frames.push({ party: d.to, at: 0, took: false });
      continue;
    }
    if (!f.took) out.push({ party: f.party, chain: chain.slice() });
    frames.pop();
    if (frames.length > 0) {
      chain.pop();
      onChain.delete(f.party);
    }
  }
  return out;
}

/** The parties the assignments of a cell name responsible at a place, before delegations. */
export function namedResponsible(cell: Cell, place: number, agreement: Agreement): string[] {
  const name = placeNameOf(agreement, place);
  const out = new Distinct<string>();
  for (const a of cell.assignments) out.addAll(partiesAt(a.raci.responsible, name));
  return out.items;
}

/**
 * The live delegations of a cell that some chain from one of `named` walks (a link fed by an
 * earlier link is used), together with the link that closes a cycle back onto the chain: every
 * delegation reachable from them.
 */
export function delegationsUsedFrom(named: Iterable<string>, delegations: readonly Delegation[]): Set<Delegation> {
  const used = new Set<Delegation>();
  const next = byFrom(delegations);
  const visited = new Set<string>(named);
  const todo = [...visited];
  while (todo.length > 0) {
    for (const d of next.get(todo.pop()!) ?? []) {
      used.add(d);
      if (!visited.has(d.to)) {
        visited.add(d.to);
        todo.push(d.to);
      }
    }
  }
  return used;
}

/** The distinct accountable parties at a cell and place, in order of first appearance. */
export function accountableParties(cell: Cell, place: number, agreement: Agreement): string[] {
  const out = new Distinct<string>();
  for (const b of accountableAssignments(cell, place, agreement)) out.addAll(b.parties);
  return out.items;
}

/** The distinct responsible parties at a cell and place after delegations, in order of first appearance. */
export function responsibleParties(cell: Cell, place: number, agreement: Agreement): string[] {
  const out = new Distinct<string>();
  for (const b of responsibleAssignments(cell, place, agreement)) for (const r of b.parties) out.add(r.party);
  return out.items;
}

/** Whether the accountable or responsible parties of a cell can differ between its places (`each member`). */
export function placeDependent(cell: Cell): boolean {
  for (const a of cell.assignments) if (namesEachMember(a)) return true;
  return false;
}

const eachMember = new WeakMap<Assignment, boolean>();
function namesEachMember(a: Assignment): boolean {
  let v = eachMember.get(a);
  if (v === undefined) {
    v = a.raci.accountable.some((pa) => pa.place !== undefined) || a.raci.responsible.some((pa) => pa.place !== undefined);
    eachMember.set(a, v);
  }
  return v;
}
