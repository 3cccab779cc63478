// What the coverage findings share: one scan of every analysed activity's cells, classifying each
// (cell, place) as gap / conflict / redundant / no-responsible, and wording helpers.
import type { Agreement, Assignment, DimensionRange, Rule, Span } from "../../generated/ruleset.js";
import type { Diagnostic, RelatedLocation } from "../../diagnostics/diagnostic.js";
import {
  accountableBy,
  analysedActivities,
  partition,
  eachCellOnce,
  placeDependent,
  pointInRegion,
  anyoneResponsible,
  firstAccountable,
  type FirstAccountable,
  type Point,
  type Box,
  type Cell,
  type Region,
} from "../space/index.js";
import { dayNumber } from "../space/format.js";
import { describeInterval, describePlaces } from "../space/describe.js";
import { positions, prepared } from "../space/sweep.js";
import { list, upperFirst } from "../messages.js";
import { finding } from "../finding.js";
import { Distinct } from "../distinct.js";

export { finding, list, upperFirst };

export interface Group {
  /** Assignments involved, in source order. */
  assignments: Assignment[];
  boxes: Box[];
  /** Per box: the accountable parties there. */
  parties: string[][];
}

export interface ActivityScan {
  activity: string;
  gap: Box[];
  /** key: involved assignment ids joined by "," */
  conflicts: ReadonlyMap<string, Group>;
  redundant: ReadonlyMap<string, Group>;
  /**
   * Where someone is accountable but nobody responsible (after delegations), per accountable-giving
   * assignment id; only for an activity that an `assign responsible` obligation selects.
   */
  noResponsible: ReadonlyMap<string, Group>;
}

export interface Scan {
  agreement: Agreement;
  activities: ActivityScan[];
  byActivity: Map<string, ActivityScan>;
  /** Assignment ids that apply somewhere after overrides. */
  applying: Set<string>;
}

const scans = new WeakMap<Agreement, Scan>();

/** What an activity's scan holds where it found nothing of a kind: one shared empty map (most activities find no conflict). */
const NO_GROUPS: ReadonlyMap<string, Group> = new Map();

function addTo(s: ActivityScan, kind: "conflicts" | "redundant" | "noResponsible", assignments: Assignment[], box: Box, parties: string[]): void {
  let map = s[kind] as Map<string, Group>;
  if (map === NO_GROUPS) s[kind] = map = new Map();
  const key = assignments.length === 1 ? assignments[0]!.id : assignments.map((a) => a.id).join(",");
  let g = map.get(key);
  if (!g) map.set(key, (g = { assignments, boxes: [], parties: [] }));
  g.boxes.push(box);
  g.parties.push(parties);
}

/** The accountable parties of a group at a point of its region. */
export function partiesAt(g: Group, pt: Point): string[] {
  for (let i = 0; i < g.boxes.length; i++) if (pointInRegion([g.boxes[i]!], pt)) return g.parties[i]!;
  return [];
}

function bare(cell: Cell, places: number[]): Box {
  return { activity: cell.activity, places, days: cell.days, dims: cell.dims };
}

/** What holds at a cell and place: who is accountable through which assignments, and whether anyone is responsible. */
interface Verdict {
  parties: string[];
  involved: Assignment[];
  responsible: boolean;
}
const GAP: Verdict = { parties: [], involved: [], responsible: false };
/** verdict's answer from firstAccountable, reused: read before the next call. */
const firstScratch: FirstAccountable = { assignment: undefined, parties: [], more: false };

/** What holds for one live set: once for all its places, or per place where `each member` makes them differ. */
interface Judged {
  dependent: boolean;
  once: Verdict | undefined;
  at: Map<number, Verdict> | undefined;
}

function verdict(cell: Cell, place: number, agreement: Agreement): Verdict {
  const first = firstAccountable(cell, place, agreement, firstScratch);
  if (first.assignment === undefined) return GAP;
  if (!first.more) return { parties: first.parties, involved: [first.assignment], responsible: anyoneResponsible(cell, place, agreement) };
  const by = accountableBy(cell, place, agreement);
  const parties = new Distinct<string>();
  for (const b of by) parties.addAll(b.parties);
  return { parties: parties.items, involved: by.map((b) => b.assignment), responsible: anyoneResponsible(cell, place, agreement) };
}

/**
 * The scan of every analysed activity, made once per agreement (the first call decides how).
 * `keepCells: false` is for when no check after the scan reads the engine's cells (see
 * src/analysis/index.ts): each cell is then judged as it is made and let go (eachCellOnce).
 * Kept for the whole analysis, every cell outlived the collector's young generation and was
 * copied twice (a sixth of the analysis' CPU at 8,000 assignments over 1,000 activities); kept
 * until its activity was judged, one activity of 160,000 assignments held 866,000. Either way
 * the same scan.
 */
export function scan(agreement: Agreement, options: { keepCells?: boolean } = {}): Scan {
  const hit = scans.get(agreement);
  if (hit) return hit;
  const keepCells = options.keepCells !== false;
  const out: Scan = { agreement, activities: [], byActivity: new Map(), applying: new Set() };
  // Where nobody is responsible is collected only for the activities an `assign responsible`
  // obligation selects: it is a box per cell and accountable assignment, the scan's largest output.
  const askResponsible = new Set<string>();
  for (const rule of agreement.rules)
    for (const ob of rule.obligations) if (ob.type === "assign-responsible") for (const act of ob.activities ?? []) askResponsible.add(act);
  for (const activity of analysedActivities(agreement)) {
    const s: ActivityScan = { activity, gap: [], conflicts: NO_GROUPS, redundant: NO_GROUPS, noResponsible: NO_GROUPS };
    out.activities.push(s);
    out.byActivity.set(activity, s);
    const judge = cellJudge(agreement, s, out.applying, askResponsible.has(activity));
    if (keepCells) {
      const cells = partition(agreement, activity).cells;
      for (let c = 0; c < cells.length; c++) judge(cells[c]!);
    } else eachCellOnce(agreement, activity, judge);
  }
  scans.set(agreement, out);
  return out;
}

/**
 * What the scan does with each cell of one activity: its verdict (at each place where `each
 * member` makes the places differ) added to the activity's scan. Cells with the same live set
 * share their assignment arrays, and what holds at a cell depends only on those (and on the
 * place, for `each member`): each is judged once. Indexed loops: this runs once per cell, mostly
 * before the engine has optimised it.
 */
function cellJudge(agreement: Agreement, s: ActivityScan, applying: Set<string>, wantResponsible: boolean): (cell: Cell) => void {
  const judged = new Map<readonly Assignment[], Judged>();
  return (cell) => {
    let j = judged.get(cell.assignments);
    if (!j) {
      const dependent = placeDependent(cell);
      judged.set(cell.assignments, (j = { dependent, once: undefined, at: dependent ? new Map() : undefined }));
      for (let i = 0; i < cell.assignments.length; i++) applying.add(cell.assignments[i]!.id);
    }
    // Judged per place where `each member` makes the parties differ, else once for the cell.
    const rounds = j.dependent ? cell.places.length : 1;
    for (let k = 0; k < rounds; k++) {
      const places = j.dependent ? [cell.places[k]!] : cell.places;
      const place = places[0]!;
      let v = j.at ? j.at.get(place) : j.once;
      if (!v) {
        v = verdict(cell, place, agreement);
        if (j.at) j.at.set(place, v);
        else j.once = v;
      }
      if (v === GAP) {
        s.gap.push(bare(cell, places));
        continue;
      }
      if (v.parties.length >= 2) addTo(s, "conflicts", v.involved, bare(cell, places), v.parties);
      else if (v.involved.length >= 2) addTo(s, "redundant", v.involved, bare(cell, places), v.parties);
      if (wantResponsible && !v.responsible) for (let i = 0; i < v.involved.length; i++) addTo(s, "noResponsible", [v.involved[i]!], bare(cell, places), v.parties);
    }
  };
}

// ------------------------------------------------------------------ wording

/** "clause 2.1", or "the assignment at line 40" when it is in no clause. */
export function clauseLabel(a: { clause?: string | undefined; span: Span }): string {
  return a.clause ? `clause ${a.clause}` : `the assignment at line ${a.span.line}`;
}

/** The parties an assignment makes accountable, "each member" for an `each member` line. */
export function accountableWords(a: Assignment): string {
  const named = new Distinct<string>();
  let each = false;
  for (const pa of a.raci.accountable) {
    if (pa.place !== undefined) each = true;
    else named.add(pa.party);
  }
  const words = each ? [...named.items, "each member"] : named.items;
  return words.length > 0 ? list(words) : "nobody";
}

function describeRange(agreement: Agreement, dimId: string, r: DimensionRange): string {
  const dim = agreement.dimensions.find((d) => d.id === dimId);
  if (!dim) return "";
  if (r.type === "values") {
    if (r.values.length >= (dim.values?.length ?? 0)) return "";
    return r.values.length === 0 ? `${dimId} is no value` : `${dimId} is ${list(r.values, "or")}`;
  }
  if (r.intervals.length === 0) return `${dimId} is no value`;
  const parts = r.intervals.map((iv) => describeInterval(dim, iv));
  if (parts.some((p) => p === "")) return "";
  return `${dimId} is ${parts.join(" or ")}`;
}

/** An assignment's own box in words ("value over £1,000,000", "until 2026-03-31"); "" when unconditioned. */
export function describeAssignmentConditions(agreement: Agreement, a: Assignment): string {
  const parts: string[] = [];
  if (agreement.places.length > 0 && a.places.length < agreement.places.length) {
    const placeIndex = positions(agreement.places);
    const idx = a.places.map((p) => placeIndex.get(p) ?? -1).filter((k) => k >= 0);
    const pl = idx.length === 0 ? "at no place" : describePlaces(agreement, idx);
    if (pl) parts.push(pl);
  }
  if (agreement.term) {
    const from = a.days.from && a.days.from > agreement.term.from ? a.days.from : null;
    const to = a.days.to && a.days.to < agreement.term.to ? a.days.to : null;
    if (a.days.from && a.days.to && a.days.from > a.days.to) parts.push("on no day of the term");
    else if (from && to) parts.push(`from ${from} to ${to}`);
    else if (from) parts.push(`from ${from}`);
    else if (to) parts.push(`until ${to}`);
  }
  const where = Object.entries(a.dimensions)
    .map(([id, r]) => describeRange(agreement, id, r))
    .filter((s) => s !== "");
  if (where.length > 0) parts.push(`where ${where.join(" and ")}`);
  return parts.join(", ");
}

/** The first rule (source order) with a `cover` obligation selecting the activity. */
export function coveringRule(agreement: Agreement, activity: string): Rule | undefined {
  let byActivity = coveringRules.get(agreement);
  if (!byActivity) {
    // Once per agreement: looking each activity up in every rule's list was quadratic (40,000 gaps).
    byActivity = new Map();
    for (const r of agreement.rules)
      for (const o of r.obligations) if (o.type === "cover") for (const a of o.activities ?? []) if (!byActivity.has(a)) byActivity.set(a, r);
    coveringRules.set(agreement, byActivity);
  }
  return byActivity.get(activity);
}

const coveringRules = new WeakMap<Agreement, Map<string, Rule>>();

export function withRule(d: Diagnostic, rule: Rule | undefined): Diagnostic {
  if (rule) {
    d.rule = rule.id;
    if (rule.cite !== undefined) d.cite = rule.cite;
  }
  return d;
}

export function related(a: Assignment, message: string): RelatedLocation {
  return { span: a.span, message };
}

/** The assignments naming an activity, in source order. */
export function assignmentsOf(agreement: Agreement, activity: string): Assignment[] {
  const p = prepared(agreement);
  return (p.asgByActivity.get(activity) ?? []).map((i) => agreement.assignments[i]!);
}

export { dayNumber };
export type { Region };
