// The RACI matrix of an agreement as data: activities as rows grouped by category and function,
// parties and bodies as columns, R/A/C/I in the cells, a sub-row per region where the agreement
// splits an activity (by place, dates or value band), and the analysis's findings linked to the
// cells they are about. Every renderer (Markdown, CSV, HTML, XLSX, the rendered document) reads this.
import type { Agreement, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { analysedActivities } from "../../analysis/space/index.js";
import { namedTitle } from "../../analysis/messages.js";
import { Distinct } from "../../analysis/distinct.js";
import { answers, type Answer } from "../responsibility.js";

export type Letter = "A" | "R" | "C" | "I";

export interface MatrixColumn {
  id: string;
  title: string | null;
  /** A party, or a body the parties set up. */
  kind: "party" | "body";
}

export interface MatrixFinding {
  /** "F1", "F2", … in report order. */
  id: string;
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  clause: string | null;
  rule: string | null;
  cite: string | null;
  file: string;
  line: number;
  column: number;
  /** Anchors of the matrix rows that show it (`row-…`), first first. */
  rows: string[];
}

export interface MatrixCell {
  letters: Letter[];
  /** Findings about this party here: the conflict it is part of. */
  findings: string[];
}

export interface MatrixRow {
  /** A stable anchor: `row-<activity>` or `row-<activity>-<n>` for the n-th region (from 1). */
  anchor: string;
  activity: string;
  title: string | null;
  /** The region in words ("where value is under £1,000,000"); null when the row is the whole activity. */
  where: string | null;
  status: "settled" | "gap" | "conflict";
  /** One per column, same order. */
  cells: MatrixCell[];
  /** The clauses that say so (accountable and responsible), e.g. ["2.1"]. */
  clauses: string[];
  /** Finding ids about the row: gap, conflict, redundant, no-responsible. */
  findings: string[];
}

export interface MatrixFunction {
  /** The parent function, or null for activities that have none. */
  id: string | null;
  title: string | null;
  rows: MatrixRow[];
}

export interface MatrixGroup {
  category: string | null;
  title: string;
  functions: MatrixFunction[];
}

export interface Matrix {
  agreement: string;
  title: string | null;
  file: string;
  columns: MatrixColumn[];
  groups: MatrixGroup[];
  /** Every finding of the agreement (after `allow`; `info` left out), in report order. */
  findings: MatrixFinding[];
}

const LETTERS: Letter[] = ["A", "R", "C", "I"];

function rowFor(answer: Answer, anchor: string, columns: MatrixColumn[], split: boolean, title: string | null, idOf: (d: Diagnostic) => string): MatrixRow {
  const holders: Record<Letter, Answer["accountable"]> = { A: answer.accountable, R: answer.responsible, C: answer.consulted, I: answer.informed };
  const conflictIds = answer.status === "conflict" ? answer.findings.filter((f) => f.code === "conflict").map(idOf) : [];
  const cells = columns.map((c): MatrixCell => {
    const letters = LETTERS.filter((l) => holders[l].some((h) => h.party === c.id));
    const inConflict = answer.status === "conflict" && answer.accountable.some((h) => h.party === c.id);
    return { letters, findings: inConflict ? conflictIds : [] };
  });
  const clauses = new Distinct<string>();
  for (const h of [...answer.accountable, ...answer.responsible]) clauses.add(h.assignment.clause ?? `line ${h.assignment.span.line}`);
  return {
    anchor,
    activity: answer.activity,
    title,
    where: split ? answer.where : null,
    status: answer.status,
    cells,
    clauses: clauses.items,
    findings: [...new Set(answer.findings.map(idOf))],
  };
}

function safeAnchor(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]/g, "_");
}

export function buildMatrix(ruleSet: RuleSet, agreement: Agreement, diagnostics: readonly Diagnostic[]): Matrix {
  const shown = diagnostics.filter((d) => d.severity !== "info");
  const ids = new Map<Diagnostic, string>();
  shown.forEach((d, i) => ids.set(d, `F${i + 1}`));
  const idOf = (d: Diagnostic) => ids.get(d) ?? "";
  const findings: MatrixFinding[] = shown.map((d) => ({
    id: idOf(d),
    code: d.code,
    severity: d.severity,
    message: d.message,
    clause: d.clause ?? null,
    rule: d.rule ?? null,
    cite: d.cite ?? null,
    file: d.span.file,
    line: d.span.line,
    column: d.span.column,
    rows: [],
  }));
  const byId = new Map(findings.map((f) => [f.id, f]));

  const columns: MatrixColumn[] = [
    ...agreement.parties.map((p) => ({ id: p.id, title: p.title ?? null, kind: "party" as const })),
    ...agreement.bodies.map((b) => ({ id: b.id, title: b.title ?? null, kind: "body" as const })),
  ];
  const fnById = new Map(agreement.functions.map((f) => [f.id, f]));
  const groups: MatrixGroup[] = [];
  // Looked up by key rather than searched: an agreement can have thousands of functions.
  const groupOf = new Map<string | null, MatrixGroup>();
  const functionOf = new Map<MatrixGroup, Map<string, MatrixFunction>>();
  for (const activity of analysedActivities(agreement)) {
    const fn = fnById.get(activity);
    const category = fn?.category ?? null;
    let group = groupOf.get(category);
    if (!group) {
      const title = category === null ? "Other functions" : (namedTitle(ruleSet, agreement, "categories", category) ?? category);
      groups.push((group = { category, title, functions: [] }));
      groupOf.set(category, group);
      functionOf.set(group, new Map());
    }
    const parent = fn?.parent ?? null;
    const functions = functionOf.get(group)!;
    let func = parent === null ? undefined : functions.get(parent);
    if (!func) {
      group.functions.push((func = { id: parent, title: parent === null ? null : (fnById.get(parent)?.title ?? null), rows: [] }));
      if (parent !== null) functions.set(parent, func);
    }
    const list = answers(agreement, activity, shown);
    list.forEach((a, i) => {
      const anchor = `row-${safeAnchor(activity)}${list.length > 1 ? `-${i + 1}` : ""}`;
      const row = rowFor(a, anchor, columns, list.length > 1, fn?.title ?? null, idOf);
      for (const id of row.findings) byId.get(id)?.rows.push(anchor);
      func!.rows.push(row);
    });
  }
  return { agreement: agreement.id, title: agreement.title ?? null, file: agreement.file, columns, groups, findings };
}

/** Every row, in order. */
export function matrixRows(m: Matrix): { group: MatrixGroup; func: MatrixFunction; row: MatrixRow }[] {
  const out: { group: MatrixGroup; func: MatrixFunction; row: MatrixRow }[] = [];
  for (const group of m.groups) for (const func of group.functions) for (const row of func.rows) out.push({ group, func, row });
  return out;
}

/** "A/R", "" for none. */
export function cellText(cell: MatrixCell): string {
  return cell.letters.join("/");
}

export const legend: { letter: Letter; word: string; meaning: string }[] = [
  { letter: "R", word: "Responsible", meaning: "does the work (after delegations)" },
  { letter: "A", word: "Accountable", meaning: "answers for it; exactly one party everywhere" },
  { letter: "C", word: "Consulted", meaning: "asked before a decision" },
  { letter: "I", word: "Informed", meaning: "told after a decision" },
];

const findingsById = new WeakMap<Matrix, Map<string, MatrixFinding>>();

/** A finding of the matrix by its id ("F3"): every cell and row asks, so the map is built once. */
export function findingById(m: Matrix, id: string): MatrixFinding | undefined {
  let byId = findingsById.get(m);
  if (!byId) findingsById.set(m, (byId = new Map(m.findings.map((f) => [f.id, f]))));
  return byId.get(id);
}

/** A short label of a finding for a cell: "F1 gap". */
export function findingLabel(m: Matrix, id: string): string {
  const f = findingById(m, id);
  return f ? `${f.id} ${f.code}` : id;
}
