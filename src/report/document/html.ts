// The rendered agreement as one self-contained HTML page, in the matrix page's style.
import { escapeHtml as e } from "../text.js";
import { htmlPage, renderFindingsList, renderMatrixTables } from "../matrix/html.js";
import type { AgreementDocument, Block, Inline } from "./model.js";

function safeHref(href: string): string | null {
  // Only links that cannot run anything, and no network fetch at render time (links are followed only when clicked).
  return /^(https?:|mailto:|#)/i.test(href) ? href : null;
}

function inline(i: Inline): string {
  let t = e(i.text).replace(/\n/g, "<br>");
  if (i.code) t = `<code>${t}</code>`;
  if (i.bold) t = `<strong>${t}</strong>`;
  if (i.italic) t = `<em>${t}</em>`;
  const href = i.href ? safeHref(i.href) : null;
  if (href) t = `<a href="${e(href)}">${t}</a>`;
  return t;
}

const inlinesHtml = (xs: Inline[]) => xs.map(inline).join("");

function blockHtml(b: Block, base: number): string {
  switch (b.type) {
    case "heading": {
      const level = Math.min(6, b.level + base);
      return `<h${level}>${inlinesHtml(b.inlines)}</h${level}>`;
    }
    case "paragraph":
      return `<p>${inlinesHtml(b.inlines)}</p>`;
    case "list": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((item) => `<li>${item.map((x) => blockHtml(x, base)).join("")}</li>`).join("")}</${tag}>`;
    }
    case "quote":
      return `<blockquote>${b.blocks.map((x) => blockHtml(x, base)).join("")}</blockquote>`;
    case "code":
      return `<pre><code>${e(b.text)}</code></pre>`;
    case "rule":
      return "<hr>";
    case "clause": {
      const level = Math.min(6, 3 + b.depth);
      const id = `clause-${b.number.replace(/[^0-9.]/g, "")}`;
      return `<section class="clause" id="${e(id)}" aria-labelledby="${e(id)}-h"><h${level} id="${e(id)}-h"><span class="number">${e(b.number)}</span> ${e(b.title ?? "")}</h${level}>${b.blocks.map((x) => blockHtml(x, base)).join("")}</section>`;
    }
    case "terms":
      return `<table class="terms"><caption>${e(b.caption)}</caption><tbody>${b.rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join("")}</tbody></table>`;
  }
}

const documentCss = `
.document blockquote { border-left: 4px solid var(--line); margin-left: 0; padding-left: 1rem; color: var(--muted); }
.document pre { background: var(--head); padding: 0.5rem; overflow-x: auto; }
.document table.terms { border-collapse: collapse; margin: 0.5rem 0; } .document table.terms caption { text-align: left; font-weight: 700; }
.document table.terms th, .document table.terms td { border: 1px solid var(--line); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.document .clause .number { font-variant-numeric: tabular-nums; margin-right: 0.25rem; }
.schedule { break-before: page; }
`;

export function renderDocumentHtml(doc: AgreementDocument): string {
  const body: string[] = [`<article class="document">`, `<h1>${e(doc.title)}</h1>`];
  for (const b of doc.blocks) body.push(blockHtml(b, 0));
  body.push(`</article>`);
  body.push(`<section class="schedule" aria-labelledby="schedule-responsibilities"><h2 id="schedule-responsibilities">Schedule: Responsibilities</h2>`);
  body.push(renderMatrixTables(doc.matrix, 3));
  body.push(`</section>`);
  if (doc.hasFindings) {
    body.push(`<section class="schedule" id="findings" aria-labelledby="schedule-findings"><h2 id="schedule-findings">Schedule: Open findings</h2>`);
    body.push(`<p>What <code>concordat check</code> reports on this agreement, to settle before it is signed.</p>`);
    body.push(renderFindingsList(doc.matrix));
    body.push(`</section>`);
  }
  return htmlPage(doc.title, body.join("\n")).replace("</style>", `${documentCss}</style>`);
}
