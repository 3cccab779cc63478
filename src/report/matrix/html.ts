// The matrix as one self-contained HTML page (no script, no network): a table per category, a
// legend, and the findings listed with links both ways between a finding and its cells. Readable
// on a phone (the table scrolls sideways, the function column stays put) and on paper (print CSS).
// The rendered document (`concordat render`) uses the same style and the same section.
import { escapeHtml as e } from "../text.js";
import { cellText, findingById, legend, type Matrix, type MatrixCell, type MatrixFinding, type MatrixRow } from "./model.js";
import { activityLabel } from "./markdown.js";

export const reportCss = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #505a5f; --line: #b1b4b6; --error: #a4190f; --error-bg: #fbe9e7;
  --warning: #6b4b00; --warning-bg: #fff4d6; --head: #f3f2f1; --link: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 1rem; max-width: 72rem; overflow-wrap: break-word; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0.5rem 0; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; margin-top: 1.5rem; }
a { color: var(--link); } a:focus { outline: 3px solid #fd0; }
.meta { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; padding: 0; margin: 0.5rem 0 1rem; list-style: none; }
.legend dt { font-weight: 700; display: inline; } .legend dd { display: inline; margin: 0 1rem 0 0.25rem; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; border: 1px solid var(--line); }
table.matrix { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.matrix th, .matrix td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
.matrix thead th { background: var(--head); position: sticky; top: 0; }
.matrix th[scope="row"] { position: sticky; left: 0; background: #fff; font-weight: 600; min-width: 11rem; }
.matrix td.raci { text-align: center; font-weight: 700; min-width: 3.5rem; }
.matrix tr.function th { background: var(--head); }
.matrix .where { color: var(--muted); font-weight: 400; display: block; }
.matrix .visually-continued { color: var(--muted); font-weight: 400; font-size: 0.85em; }
.matrix td.error, .matrix tr.gap td.findings { background: var(--error-bg); color: var(--error); }
.matrix td.warning { background: var(--warning-bg); color: var(--warning); }
.mark { font-weight: 700; white-space: nowrap; }
ol.findings li { margin-bottom: 0.5rem; } ol.findings .code { font-weight: 700; }
ol.findings li.error .code { color: var(--error); } ol.findings li.warning .code { color: var(--warning); }
:target { outline: 3px solid #fd0; }
@media (max-width: 40rem) { body { padding: 0.5rem; font-size: 15px; } .matrix th[scope="row"] { min-width: 8rem; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .scroll { overflow: visible; border: 0; }
  .matrix thead { display: table-header-group; } .matrix thead th, .matrix th[scope="row"] { position: static; }
  .matrix tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .matrix td.error, .matrix td.warning { background: none; border: 2px solid #000; }
}
`;

function severityOf(m: Matrix, ids: string[]): "error" | "warning" | null {
  const fs = ids.map((id) => findingById(m, id)).filter((f): f is MatrixFinding => f !== undefined);
  if (fs.some((f) => f.severity === "error")) return "error";
  if (fs.some((f) => f.severity === "warning")) return "warning";
  return null;
}

function findingLinks(m: Matrix, ids: string[]): string {
  return ids
    .map((id) => {
      const f = findingById(m, id);
      return `<a class="mark" href="#${e(id)}">${e(id)} ${e(f?.code ?? "")}${f?.clause ? `, clause ${e(f.clause)}` : ""}</a>`;
    })
    .join(" ");
}

/** The letters' words for a cell's title ("Accountable, Responsible"), by the cell's text. */
const wordsOf = new Map<string, string>();
function roleWords(c: MatrixCell): string {
  const text = cellText(c);
  let words = wordsOf.get(text);
  if (words === undefined) wordsOf.set(text, (words = text === "" ? "no role" : c.letters.map((l) => legend.find((x) => x.letter === l)!.word).join(", ")));
  return words;
}

/** `columnIds`: each column's id escaped, once per table rather than once per cell. */
function rowHtml(m: Matrix, r: MatrixRow, first: boolean, columnIds: readonly string[]): string {
  const label = `${first ? `${e(activityLabel(r))}` : `<span class="visually-continued">${e(r.activity)}</span>`}${r.where ? `<span class="where">${e(r.where)}</span>` : ""}`;
  const cells = r.cells.map((c, i) => {
    const id = columnIds[i]!;
    const sev = severityOf(m, c.findings);
    const mark = c.findings.length > 0 ? ` ${findingLinks(m, c.findings)}` : "";
    // The letters and their words are fixed text: nothing in them to escape.
    return `<td class="raci${sev ? ` ${sev}` : ""}" data-party="${id}" title="${id}: ${roleWords(c)}">${cellText(c)}${mark}</td>`;
  });
  const sev = severityOf(m, r.findings);
  const findings = `<td class="findings${sev ? ` ${sev}` : ""}">${r.status === "gap" ? '<span class="mark">Nobody accountable</span> ' : ""}${findingLinks(m, r.findings)}</td>`;
  return `<tr id="${e(r.anchor)}" class="${e(r.status)}" data-activity="${e(r.activity)}"><th scope="row">${label}</th>${cells.join("")}<td class="clauses">${e(r.clauses.join(", "))}</td>${findings}</tr>`;
}

/** The matrix section (legend, tables, findings), headings from `level`. */
export function renderMatrixSection(m: Matrix, level = 2): string {
  const h = `h${Math.min(6, level)}`;
  return `${renderMatrixTables(m, level)}\n<${h} id="findings">Findings</${h}>\n${renderFindingsList(m)}`;
}

/** The legend and one table per category, headings at `level`. */
export function renderMatrixTables(m: Matrix, level = 2): string {
  const h = (n: number) => `h${Math.min(6, level + n)}`;
  const out: string[] = [];
  const columnIds = m.columns.map((c) => e(c.id));
  out.push(`<dl class="legend" aria-label="Legend">${legend.map((l) => `<div><dt>${l.letter}</dt><dd>${l.word}: ${e(l.meaning)}</dd></div>`).join("")}</dl>`);
  const head = `<thead><tr><th scope="col">Function</th>${m.columns
    .map((c) => `<th scope="col"${c.title ? ` title="${e(c.title)}"` : ""}>${e(c.id)}${c.kind === "body" ? " <small>(body)</small>" : ""}</th>`)
    .join("")}<th scope="col">Clauses</th><th scope="col">Findings</th></tr></thead>`;
  for (const g of m.groups) {
    out.push(`<${h(0)}>${e(g.title)}</${h(0)}>`);
    out.push(`<div class="scroll" role="region" aria-label="${e(g.title)}" tabindex="0"><table class="matrix"><caption class="meta">${e(g.title)}: who is responsible, accountable, consulted and informed</caption>${head}<tbody>`);
    for (const f of g.functions) {
      if (f.id !== null) out.push(`<tr class="function"><th scope="row" colspan="${m.columns.length + 3}">${e(f.title ? `${f.title} (${f.id})` : f.id)}</th></tr>`);
      let previous: string | null = null;
      for (const r of f.rows) {
        out.push(rowHtml(m, r, r.activity !== previous, columnIds));
        previous = r.activity;
      }
    }
    out.push(`</tbody></table></div>`);
  }
  return out.join("\n");
}

/** The findings, each with its anchor (`F1` …) and links back to its rows. */
export function renderFindingsList(m: Matrix): string {
  const out: string[] = [];
  if (m.findings.length === 0) out.push(`<p>None: every function has exactly one accountable party everywhere, and every rule holds.</p>`);
  else {
    out.push(`<ol class="findings">`);
    for (const f of m.findings) {
      const where = [f.clause ? `clause ${e(f.clause)}` : null, f.rule ? `${f.code === "model" ? "model" : "rule"} ${e(f.rule)}` : null].filter((x) => x !== null).join(", ");
      const back = f.rows.length > 0 ? ` <span class="meta">In the matrix: ${f.rows.map((r) => `<a href="#${e(r)}">${e(r.replace(/^row-/, ""))}</a>`).join(", ")}</span>` : "";
      out.push(
        `<li id="${e(f.id)}" class="${e(f.severity)}"><span class="code">${e(f.id)} ${e(f.severity)}[${e(f.code)}]</span>${where ? ` ${where}` : ""} <span class="meta">(${e(f.file)}:${f.line})</span>: ${e(f.message)}${f.cite ? ` <span class="meta">${e(f.cite)}</span>` : ""}${back}</li>`,
      );
    }
    out.push(`</ol>`);
  }
  return out.join("\n");
}

/** A whole HTML page around a body, with the report style. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${e(title)}</title>
<style>${reportCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function renderMatrixHtml(m: Matrix): string {
  const title = `Responsibilities: ${m.title ?? m.agreement}`;
  return htmlPage(title, `<h1>${e(title)}</h1>\n<p class="meta">Agreement <code>${e(m.agreement)}</code>, ${e(m.file)}</p>\n${renderMatrixSection(m, 2)}`);
}
