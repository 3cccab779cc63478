// Who holds which role where: the analysis's cells of one activity, grouped into regions with
// the same answer. Shared by `explain` and `matrix`; everything is read from the space engine
// (`partition`, `accountableBy`, `responsibleBy`) and the analysis's diagnostics, never
// re-derived.
import type { Agreement, Assignment, Delegation } from "../generated/ruleset.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import {
  accountableBy,
  describeRegion,
  fullBox,
  intersect,
  mergeRegion,
  partition,
  placeDependent,
  placeName,
  responsibleBy,
  witness,
  type Box,
  type Cell,
  type Region,
} from "../analysis/space/index.js";
import type { Witness } from "../diagnostics/diagnostic.js";

/** One party holding a role, and the assignment (clause) that says so. */
export interface Holder {
  party: string;
  assignment: Assignment;
  /** For responsible parties: the party the clause names, when a delegation replaced it. */
  named?: string;
  /** The delegation that replaced `named` by `party`. */
  via?: Delegation;
}

export interface Overridden {
  assignment: Assignment;
  /** The applicable assignments that override it here. */
  by: Assignment[];
}

export type Status = "settled" | "gap" | "conflict";

/** Who holds what at one point (a cell at a place): the same throughout an answer's region. */
interface Raw {
  status: Status;
  accountable: Holder[];
  responsible: Holder[];
  consulted: Holder[];
  informed: Holder[];
  overridden: Overridden[];
  delegations: Delegation[];
}

/** The answer in one region of an activity's space: the same holders, overrides and delegations throughout. */
export interface Answer extends Raw {
  activity: string;
  region: Region;
  /** The region in words, without the activity ("where value is exactly £1,000,000"; "everywhere"). */
  where: string;
  witness: Witness;
  /** The analysis findings about this region: gap, conflict, redundant, no-responsible. */
  findings: Diagnostic[];
}

function holdsAt(place: string | null, pa: { place?: string }): boolean {
  return pa.place === undefined || place === null || pa.place === place;
}

function linesAt(cell: Cell, place: string | null, line: "consulted" | "informed"): Holder[] {
  const out: Holder[] = [];
  for (const a of cell.assignments) {
    // Each party once per assignment (a set: a line may name thousands).
    const seen = new Set<string>();
    for (const pa of a.raci[line])
      if (holdsAt(place, pa) && !seen.has(pa.party)) {
        seen.add(pa.party);
        out.push({ party: pa.party, assignment: a });
      }
  }
  return out;
}

/**
 * Whether what holds in a cell can differ between its places: some role line of its assignments
 * names `each member`. Otherwise one answer holds at all of them, and is worked out once (a cell
 * at 1,000 places, each answer naming 1,000 parties, was asked 1,000 times).
 */
const placeMattersIn = new WeakMap<readonly Assignment[], boolean>();
function placeMatters(cell: Cell): boolean {
  let v = placeMattersIn.get(cell.assignments);
  if (v === undefined) {
    // The engine's own test covers the accountable and responsible lines; explain shows the other two as well.
    v = placeDependent(cell) || cell.assignments.some((a) => a.raci.consulted.some(perPlace) || a.raci.informed.some(perPlace));
    placeMattersIn.set(cell.assignments, v);
  }
  return v;
}
const perPlace = (pa: { place?: string }): boolean => pa.place !== undefined;


function answerAt(cell: Cell, place: number, agreement: Agreement): Raw {
  const name = placeName(agreement, place);
  const accountable: Holder[] = [];
  for (const b of accountableBy(cell, place, agreement)) for (const party of b.parties) accountable.push({ party, assignment: b.assignment });
  const responsible: Holder[] = [];
  for (const b of responsibleBy(cell, place, agreement))
    for (const r of b.parties) responsible.push({ party: r.party, assignment: b.assignment, ...(r.via ? { named: r.named, via: r.via } : {}) });
  const distinct = new Set(accountable.map((h) => h.party)).size;
  const applying = new Set(cell.assignments);
  const overridden: Overridden[] = cell.applicable
    .filter((a) => !applying.has(a))
    .map((a) => ({ assignment: a, by: cell.applicable.filter((x) => x.overrides.includes(a.id)) }));
  return {
    status: distinct === 0 ? "gap" : distinct > 1 ? "conflict" : "settled",
    accountable,
    responsible,
    consulted: linesAt(cell, name, "consulted"),
    informed: linesAt(cell, name, "informed"),
    overridden,
    delegations: cell.delegations,
  };
}

function signature(r: Raw): string {
  const h = (xs: Holder[]) => xs.map((x) => `${x.party}@${x.assignment.id}${x.via ? `<${x.via.id}` : ""}`).join(",");
  return [
    r.status,
    h(r.accountable),
    h(r.responsible),
    h(r.consulted),
    h(r.informed),
    r.overridden.map((o) => `${o.assignment.id}<${o.by.map((b) => b.id).join("+")}`).join(","),
    r.delegations.map((d) => d.id).join(","),
  ].join("|");
}

function coversActivity(d: Diagnostic, activity: string): boolean {
  const w = d.witness;
  if (!w) return false;
  return w.activity === activity || (w.activities ?? []).includes(activity);
}

/** A source span as a key: two items with the same key are the same item of the same file. */
function spanKey(span: Assignment["span"]): string {
  return `${span.offset}:${span.endOffset}:${span.file}`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The diagnostics of a report indexed for `findingsFor`, built once per list: every answer of every
 * activity asks about its own assignments and delegations, and scanning the whole list for each
 * was answers × findings (a matrix of 20,000 assignments took minutes).
 */
interface FindingIndex {
  /** Report order. */
  position: Map<Diagnostic, number>;
  /** The findings whose witness names the activity, by activity, in report order. */
  byActivity: Map<string, Diagnostic[]>;
  /** By code and the span they are anchored at (`code spanKey`), in report order. */
  byCodeAndSpan: Map<string, Diagnostic[]>;
  /** Per activity, the patterns that find it (or a function above it) named in a message. */
  namePatterns: Map<string, RegExp[]>;
}

const indexes = new WeakMap<readonly Diagnostic[], FindingIndex>();

function findingIndex(diagnostics: readonly Diagnostic[]): FindingIndex {
  let index = indexes.get(diagnostics);
  if (index) return index;
  index = { position: new Map(), byActivity: new Map(), byCodeAndSpan: new Map(), namePatterns: new Map() };
  const add = (map: Map<string, Diagnostic[]>, key: string, d: Diagnostic) => {
    const list = map.get(key);
    if (list) list.push(d);
    else map.set(key, [d]);
  };
  diagnostics.forEach((d, i) => {
    index!.position.set(d, i);
    const w = d.witness;
    if (w?.activity !== undefined) add(index!.byActivity, w.activity, d);
    for (const activity of w?.activities ?? []) if (activity !== w?.activity) add(index!.byActivity, activity, d);
    add(index!.byCodeAndSpan, `${d.code} ${spanKey(d.span)}`, d);
  });
  indexes.set(diagnostics, index);
  return index;
}

/** Whether a message names the activity or one of the functions above it (`procurement` for `procurement.strategy`). */
function names(index: FindingIndex, message: string, activity: string): boolean {
  let patterns = index.namePatterns.get(activity);
  if (!patterns) {
    patterns = [];
    const parts = activity.split(".");
    for (let i = parts.length; i > 0; i--) patterns.push(new RegExp(`(^|[^A-Za-z0-9_.])${escapeRegExp(parts.slice(0, i).join("."))}($|[^A-Za-z0-9_])`));
    index.namePatterns.set(activity, patterns);
  }
  return patterns.some((p) => p.test(message));
}

/**
 * The analysis's findings about a region: a gap finding of the activity where nobody is accountable;
 * the conflict (or redundant) finding of the activity whose anchor is the last of the involved
 * assignments (where the analysis puts it); a no-responsible finding on an accountable assignment;
 * a rule or model finding on an assignment that holds a role here and is about this activity (its
 * witness, or its message naming the activity or a function above it).
 */
function findingsFor(raw: Raw, activity: string, index: FindingIndex): Diagnostic[] {
  const out = new Set<Diagnostic>();
  const at = (code: string, item: { span: Assignment["span"] }) => index.byCodeAndSpan.get(`${code} ${spanKey(item.span)}`) ?? [];
  const involved = [...new Set(raw.accountable.map((h) => h.assignment))];
  const last = involved[involved.length - 1];
  const holding = new Set([...raw.accountable, ...raw.responsible].map((h) => h.assignment));
  for (const a of holding)
    for (const code of ["rule", "model"])
      for (const d of at(code, a)) if (coversActivity(d, activity) || names(index, d.message, activity)) out.add(d);
  // A delegation that applies here and is at fault (a cycle, a delegation that does nothing).
  for (const x of raw.delegations)
    for (const code of ["delegation-cycle", "delegation"]) for (const d of at(code, x)) if (coversActivity(d, activity)) out.add(d);
  const mine = (d: Diagnostic) => coversActivity(d, activity);
  if (raw.status === "gap") for (const d of index.byActivity.get(activity) ?? []) if (d.code === "gap") out.add(d);
  if (raw.status === "conflict" && last) for (const d of at("conflict", last)) if (mine(d)) out.add(d);
  if (raw.status === "settled" && involved.length > 1 && last) for (const d of at("redundant", last)) if (mine(d)) out.add(d);
  if (raw.status !== "gap" && raw.responsible.length === 0) for (const a of involved) for (const d of at("no-responsible", a)) if (mine(d)) out.add(d);
  // In report order, each once.
  return [...out].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

/**
 * The answers of one activity over `within` (default: its whole space), one per region with the
 * same holders, in the order the sweep meets them (place, then day, then each dimension).
 */
export function answers(agreement: Agreement, activity: string, diagnostics: readonly Diagnostic[], within?: Region): Answer[] {
  const bounds = within ?? [fullBox(agreement, activity)];
  const index = findingIndex(diagnostics);
  const groups = new Map<string, { raw: Raw; boxes: Box[] }>();
  for (const cell of partition(agreement, activity).cells) {
    const cellBox: Box = { activity: cell.activity, places: cell.places, days: cell.days, dims: cell.dims };
    const inside = intersect([cellBox], bounds);
    const add = (raw: Raw, box: Box): void => {
      const key = signature(raw);
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { raw, boxes: [] }));
      g.boxes.push(box);
    };
    for (const box of inside) {
      if (!placeMatters(cell)) add(answerAt(cell, box.places[0]!, agreement), box);
      else for (const place of box.places) add(answerAt(cell, place, agreement), { ...box, places: [place] });
    }
  }
  return [...groups.values()].map(({ raw, boxes }) => {
    const region = mergeRegion(boxes);
    return {
      activity,
      region,
      where: describeRegion(agreement, region),
      witness: witness(agreement, region),
      ...raw,
      findings: findingsFor(raw, activity, index),
    };
  });
}

/** "clause 2.1", or "the assignment at line 40" outside any clause. */
export function clauseOf(x: { clause?: string | undefined; span: { line: number } }): string {
  return x.clause ? `clause ${x.clause}` : `the item at line ${x.span.line}`;
}

/** The distinct parties of a list of holders, in order. */
export function partiesOf(holders: readonly Holder[]): string[] {
  return [...new Set(holders.map((h) => h.party))];
}
