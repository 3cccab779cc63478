// The rendered agreement as a Word document (the `docx` library): real headings (Heading 1–6),
// clauses as headings numbered as the agreement numbers them, bullet and numbered lists, and the
// schedules as real tables with a repeated header row, so a legal team can take it into Word.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from "docx";
import { reportDate, withFixedDates } from "../fixed-zip.js";
import { printable } from "../text.js";
import { cellText, legend, matrixRows, type Matrix } from "../matrix/model.js";
import { activityLabel } from "../matrix/markdown.js";
import type { AgreementDocument, Block, Inline } from "./model.js";

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
const heading = (level: number) => HEADINGS[Math.max(0, Math.min(5, level - 1))]!;

function runs(xs: Inline[]): ParagraphChild[] {
  return xs.flatMap((i) =>
    i.text.split("\n").map((text, k) => {
      const options = { text: printable(text), bold: i.bold, italics: i.italic, font: i.code ? "Consolas" : undefined, ...(k > 0 ? { break: 1 } : {}) };
      return i.href && /^(https?:|mailto:)/i.test(i.href)
        ? new ExternalHyperlink({ link: i.href, children: [new TextRun({ ...options, style: "Hyperlink" })] })
        : new TextRun(options);
    }),
  );
}

function blocks(bs: Block[], listLevel = 0): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const b of bs) {
    switch (b.type) {
      case "heading":
        out.push(new Paragraph({ heading: heading(b.level), children: runs(b.inlines) }));
        break;
      case "paragraph":
        out.push(new Paragraph({ children: runs(b.inlines) }));
        break;
      case "list":
        for (const item of b.items)
          item.forEach((x, i) => {
            if (x.type === "paragraph" && i === 0)
              out.push(new Paragraph({ children: runs(x.inlines), ...(b.ordered ? { numbering: { reference: "ordered", level: listLevel } } : { bullet: { level: listLevel } }) }));
            else for (const item of blocks([x], listLevel + 1)) out.push(item);
          });
        break;
      case "quote":
        for (const p of blocks(b.blocks, listLevel)) out.push(p);
        break;
      case "code":
        for (const line of b.text.split("\n")) out.push(new Paragraph({ children: [new TextRun({ text: printable(line), font: "Consolas" })] }));
        break;
      case "rule":
        out.push(new Paragraph({ text: "", border: { bottom: { style: "single", size: 6, color: "999999", space: 1 } } }));
        break;
      case "clause":
        out.push(new Paragraph({ heading: heading(3 + b.depth), children: [new TextRun({ text: `${b.number}${b.title ? ` ${printable(b.title)}` : ""}` })] }));
        for (const item of blocks(b.blocks, listLevel)) out.push(item);
        break;
      case "terms":
        out.push(new Paragraph({ children: [new TextRun({ text: b.caption, bold: true })] }));
        out.push(table(["Name", "Identifier and kind"], b.rows));
        break;
    }
  }
  return out;
}

function cell(text: string, bold = false): TableCell {
  // An empty cell (most of a matrix row) is an empty paragraph: a run of no text is a
  // third of a cell's XML objects, and a large matrix holds hundreds of thousands of cells.
  if (text === "") return new TableCell({ children: [new Paragraph({})] });
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: printable(text), bold })] })] });
}

function table(head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

function matrixBlocks(m: Matrix): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  out.push(new Paragraph({ children: [new TextRun({ text: legend.map((l) => `${l.letter} ${l.word.toLowerCase()}`).join(", ") + "." })] }));
  const head = ["Function", "Where", ...m.columns.map((c) => c.id), "Clauses", "Findings"];
  for (const g of m.groups) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: printable(g.title) })] }));
    const rows = matrixRows(m)
      .filter((x) => x.group === g)
      .map(({ row }) => [activityLabel(row), row.where ?? "", ...row.cells.map((c) => cellText(c) + (c.findings.length ? ` (${c.findings.join(", ")})` : "")), row.clauses.join(", "), row.findings.join(", ")]);
    out.push(table(head, rows));
  }
  return out;
}

function findingsBlocks(m: Matrix): (Paragraph | Table)[] {
  return [
    table(
      ["Finding", "Severity", "Clause", "Rule or model", "Line", "What"],
      m.findings.map((f) => [f.id, `${f.severity} (${f.code})`, f.clause ?? "", f.rule ?? "", String(f.line), f.message]),
    ),
  ];
}

export async function renderDocumentDocx(doc: AgreementDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: printable(doc.title) })] })];
  for (const item of blocks(doc.blocks)) children.push(item);
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: "Schedule: Responsibilities" })] }));
  for (const item of matrixBlocks(doc.matrix)) children.push(item);
  if (doc.hasFindings) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun({ text: "Schedule: Open findings" })] }));
    for (const item of findingsBlocks(doc.matrix)) children.push(item);
  }
  const d = new Document({
    creator: "concordat",
    lastModifiedBy: "concordat",
    title: printable(doc.title),
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: [0, 1, 2, 3].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, alignment: AlignmentType.START })),
        },
      ],
    },
    sections: [{ children }],
  });
  // The docx library dates the document's properties and every ZIP entry with the time of writing.
  const date = reportDate();
  const stamp = (xml: string) => xml.replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${date.toISOString()}$3`);
  return withFixedDates(new Uint8Array(await Packer.toBuffer(d)), date, DOCX_TYPE, { "docProps/core.xml": stamp });
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
