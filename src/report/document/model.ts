// A literate agreement as the document the parties sign: the Markdown prose in order, each
// ```concord block replaced by its clauses in readable form, then the generated schedules
// "Responsibilities" (the matrix) and, when there are any, "Open findings". One neutral block
// tree; the HTML and DOCX renderers only lay it out.
import type { Root, RootContent, PhrasingContent } from "mdast";
import type { Agreement as RuleAgreement, Assignment, Delegation, RuleSet } from "../../generated/ruleset.js";
import type * as Ast from "../../syntax/ast.js";
import { describeAssignmentConditions } from "../../analysis/coverage/common.js";
import { listAll as list } from "../../analysis/messages.js";
import type { Matrix } from "../matrix/model.js";

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  href?: string;
}

export type Block =
  | { type: "heading"; level: number; inlines: Inline[] }
  | { type: "paragraph"; inlines: Inline[] }
  | { type: "list"; ordered: boolean; items: Block[][] }
  | { type: "quote"; blocks: Block[] }
  | { type: "code"; text: string }
  | { type: "rule" }
  /** A numbered clause: its number, title, and its items in readable form. */
  | { type: "clause"; number: string; title: string | null; depth: number; blocks: Block[] }
  /** A two-column table of terms (parties, term, review …). */
  | { type: "terms"; caption: string; rows: [string, string][] };

export interface AgreementDocument {
  title: string;
  blocks: Block[];
  matrix: Matrix;
  /** The open findings (the matrix's findings list); the schedule is left out when empty. */
  hasFindings: boolean;
}

// ------------------------------------------------------------------ Markdown

function inlines(nodes: readonly PhrasingContent[], style: Omit<Inline, "text"> = {}): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case "text":
        // A soft line break reads as a space (CommonMark); only a hard break (`break`) breaks the line.
        out.push({ ...style, text: n.value.replace(/[ \t]*\r?\n[ \t]*/g, " ") });
        break;
      case "strong":
        for (const item of inlines(n.children, { ...style, bold: true })) out.push(item);
        break;
      case "emphasis":
        for (const item of inlines(n.children, { ...style, italic: true })) out.push(item);
        break;
      case "inlineCode":
        out.push({ ...style, code: true, text: n.value });
        break;
      case "link":
        for (const item of inlines(n.children, { ...style, href: n.url })) out.push(item);
        break;
      case "break":
        out.push({ ...style, text: "\n" });
        break;
      case "html":
        // Raw HTML is shown as text, never passed through.
        out.push({ ...style, text: n.value });
        break;
      default:
        if ("children" in n) for (const item of inlines(n.children as PhrasingContent[], style)) out.push(item);
        else if ("value" in n && typeof n.value === "string") out.push({ ...style, text: n.value });
    }
  }
  return out;
}

// ------------------------------------------------------------------ clauses in words

interface Ctx {
  ruleSet: RuleSet;
  agreement: RuleAgreement;
  /** Rule-set assignments and delegations by their source offset. */
  assignments: Map<number, Assignment>;
  delegations: Map<number, Delegation>;
  /** Looked up by id for every clause: parties and bodies, the agreement's functions, the frameworks' titled categories (the first framework's). */
  parties: Map<string, { title?: string | null }>;
  functions: Map<string, { title?: string | null }>;
  categoryTitles: Map<string, string>;
}

function partyName(ctx: Ctx, id: string): string {
  const p = ctx.parties.get(id);
  return p?.title ? `${p.title} (${id})` : id;
}

function selectorWords(ctx: Ctx, selectors: readonly Ast.Selector[]): string {
  const words = selectors.map((s) => {
    if (s.kind === "AllFunctionsSelector") return "every function";
    const id = s.name?.text ?? "?";
    if (s.kind === "CategorySelector") {
      const title = ctx.categoryTitles.get(id);
      return title ? `${title.toLowerCase()} (${id})` : `the ${id} category`;
    }
    const fn = ctx.functions.get(id);
    return fn?.title ? `${fn.title.toLowerCase()} (${id})` : id;
  });
  return list(words);
}

function roleLineWords(ctx: Ctx, line: Ast.RoleLine): string {
  const who = line.eachMember ? "each member, at its own place" : list(line.parties.map((p) => partyName(ctx, p.text)));
  const role = { accountable: "Accountable", responsible: "Responsible", consulted: "Consulted", informed: "Informed" }[line.role];
  return `${role}: ${who}.`;
}

function upper(s: string): string {
  return s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function assignBlocks(ctx: Ctx, a: Ast.Assign): Block[] {
  const compiled = ctx.assignments.get(a.span.offset);
  const at = a.at ? `, delivered at ${a.at.level.text} level${a.at.places.length > 0 ? ` (${list(a.at.places.map((p) => p.text))})` : ""}` : "";
  const where = compiled ? describeAssignmentConditions(ctx.agreement, compiled) : "";
  const head = `${upper(selectorWords(ctx, a.selectors))}${at}${where ? `, ${where}` : ""}.`;
  const lines = a.roleLines.map((l) => roleLineWords(ctx, l));
  if (a.overrides.length > 0) lines.push(`This takes precedence over ${list(a.overrides.map((o) => `clause ${o.text}`))}.`);
  return [{ type: "paragraph", inlines: [{ text: head, bold: true }] }, { type: "list", ordered: false, items: lines.map((t) => [{ type: "paragraph", inlines: [{ text: t }] }]) }];
}

function delegateBlocks(ctx: Ctx, d: Ast.Delegate): Block[] {
  const compiled = ctx.delegations.get(d.span.offset);
  const cond: string[] = [];
  if (d.conditions.from) cond.push(`from ${d.conditions.from.text}`);
  if (d.conditions.until) cond.push(`until ${d.conditions.until.text}`);
  void compiled;
  const from = partyName(ctx, d.from?.text ?? "?");
  const to = partyName(ctx, d.to?.text ?? "?");
  return [
    {
      type: "paragraph",
      inlines: [{ text: `${upper(from)} delegates its work on ${selectorWords(ctx, d.selectors)} to ${to}${cond.length ? `, ${cond.join(" ")}` : ""}; ${d.from?.text ?? "it"} stays accountable.` }],
    },
  ];
}

function itemBlocks(ctx: Ctx, item: Ast.AgreementItem, text: string): Block[] {
  switch (item.kind) {
    case "Assign":
      return assignBlocks(ctx, item);
    case "Delegate":
      return delegateBlocks(ctx, item);
    case "PartyDecl":
      return [
        {
          type: "terms",
          caption: "Party",
          rows: [[item.title?.value ?? item.name.text, `${item.name.text}: ${item.partyKind?.text ?? "?"}${item.roles.length ? `, ${list(item.roles.map((r) => r.text))}` : ""}`]],
        },
      ];
    case "BodyDecl":
      return [
        {
          type: "terms",
          caption: "Body",
          rows: [[item.title?.value ?? item.name.text, `${item.name.text}: ${item.bodyKind?.text ?? "?"}, whose members are ${list(item.members.map((m) => m.text))}`]],
        },
      ];
    case "ConformsTo":
      return [{ type: "paragraph", inlines: [{ text: `This agreement conforms to ${list(item.frameworks.map((f) => f.text))}.` }] }];
    case "ModelUse":
      return [{ type: "paragraph", inlines: [{ text: `Collaboration model: ${item.model?.text ?? "?"}${item.for?.length ? `, for ${selectorWords(ctx, item.for)}` : ""}.` }] }];
    case "Term":
      return [{ type: "paragraph", inlines: [{ text: `Term: from ${item.from?.text ?? "?"} to ${item.to?.text ?? "?"}, both days included.` }] }];
    case "Review":
      return [{ type: "paragraph", inlines: [{ text: `The parties review this agreement every ${item.months?.value ?? "?"} months.` }] }];
    case "Scope":
      return [{ type: "paragraph", inlines: [{ text: `This agreement settles ${selectorWords(ctx, item.selectors)}.` }] }];
    case "ProvisionDecl": {
      const provision = ctx.agreement.provisions.find((p) => p.id === item.name.text);
      return [{ type: "paragraph", inlines: [{ text: `Provision ${item.name.text}: `, bold: true }, { text: provision?.text ?? item.title?.value ?? "" }] }];
    }
    default:
      // Tests, allows and local functions: shown as written.
      return [{ type: "code", text: text.slice(item.span.offset, item.span.endOffset) }];
  }
}

/**
 * The agreement's items written inside one code block (offsets `from` to `to`), in readable form.
 * A clause opened in an earlier block (its sub-clauses in prose between them) goes on here with
 * the items that start in this block; parties are gathered into one table.
 */
function blockItems(ctx: Ctx, ast: Ast.Agreement, from: number, to: number, source: string): Block[] {
  const inRange = (n: { span: Ast.Span }) => n.span.offset >= from && n.span.offset < to;
  const collect = (items: readonly Ast.AgreementItem[], depth: number): Block[] => {
    const out: Block[] = [];
    const push = (b: Block) => {
      const last = out[out.length - 1];
      if (b.type !== "terms") out.push(b);
      else if (last?.type === "terms") for (const item of b.rows) last.rows.push(item);
      else out.push({ type: "terms", caption: "Parties and bodies", rows: [...b.rows] });
    };
    for (const item of items) {
      if (item.kind === "Clause") {
        if (inRange(item)) push({ type: "clause", number: item.number?.text ?? "", title: item.title?.value ?? null, depth, blocks: collect(item.items ?? [], depth + 1) });
        else if (item.span.offset < from && item.span.endOffset > from) for (const b of collect(item.items ?? [], depth + 1)) push(b);
      } else if (inRange(item)) for (const b of itemBlocks(ctx, item, source)) push(b);
    }
    return out;
  };
  return collect(ast.items ?? [], 0);
}

// ------------------------------------------------------------------ the document

function markdownBlocks(ctx: Ctx, ast: Ast.Agreement, nodes: readonly RootContent[], source: string, lineOffsets: number[]): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    switch (n.type) {
      case "heading":
        out.push({ type: "heading", level: n.depth, inlines: inlines(n.children) });
        break;
      case "paragraph":
        out.push({ type: "paragraph", inlines: inlines(n.children) });
        break;
      case "list":
        out.push({ type: "list", ordered: Boolean(n.ordered), items: n.children.map((li) => markdownBlocks(ctx, ast, li.children, source, lineOffsets)) });
        break;
      case "blockquote":
        out.push({ type: "quote", blocks: markdownBlocks(ctx, ast, n.children, source, lineOffsets) });
        break;
      case "thematicBreak":
        out.push({ type: "rule" });
        break;
      case "code":
        if (n.lang === "concord" && n.position) {
          const from = n.position.start.offset ?? 0;
          const to = n.position.end.offset ?? source.length;
          for (const item of blockItems(ctx, ast, from, to, source)) out.push(item);
        } else out.push({ type: "code", text: n.value });
        break;
      case "html":
        out.push({ type: "paragraph", inlines: [{ text: n.value, code: true }] });
        break;
      default:
        break;
    }
  }
  void lineOffsets;
  return out;
}

/** Items by id, the first of each id kept (as `find` would give it). */
function firstById<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) if (!out.has(item.id)) out.set(item.id, item);
  return out;
}

export function buildDocument(ruleSet: RuleSet, agreement: RuleAgreement, ast: Ast.Agreement, markdown: Root, source: string, matrix: Matrix): AgreementDocument {
  const ctx: Ctx = {
    ruleSet,
    agreement,
    assignments: new Map(agreement.assignments.map((a) => [a.span.offset, a])),
    delegations: new Map(agreement.delegations.map((d) => [d.span.offset, d])),
    parties: firstById([...agreement.parties, ...agreement.bodies]),
    functions: firstById(agreement.functions),
    categoryTitles: new Map(),
  };
  // The first framework whose category of that id has a title, as the search over them found it.
  for (const fw of ruleSet.frameworks)
    for (const [id, c] of firstById(fw.categories)) if (c.title && !ctx.categoryTitles.has(id)) ctx.categoryTitles.set(id, c.title);
  const blocks = markdownBlocks(ctx, ast, markdown.children, source, []);
  // The Markdown's own first-level heading, when it opens the document, is the title.
  const first = blocks[0];
  const title = first?.type === "heading" && first.level === 1 ? first.inlines.map((i) => i.text).join("") : (agreement.title ?? agreement.id);
  return { title, blocks: first?.type === "heading" && first.level === 1 ? blocks.slice(1) : blocks, matrix, hasFindings: matrix.findings.length > 0 };
}
