// `.concord.md`: the source is the contents of its ```concord fenced code blocks, found by a
// CommonMark parser (mdast-util-from-markdown), so fences inside list items and block quotes
// count and anything that only looks like a fence (inside another code block, indented code)
// does not. Every other character (fences, prose, a quote's `>` and a list item's indentation)
// is replaced by a space, line breaks kept, so lines, columns and offsets of the extracted
// source are those of the Markdown file.
//
// The parser is some 80 modules (a fifth of a check's start-up): it is loaded only when a
// literate file is read. `loadMarkdownParser()` loads it; reading a literate file before that
// throws MarkdownParserNeeded, on which the command line loads it and runs the command again.
import type { fromMarkdown as FromMarkdown } from "mdast-util-from-markdown";
import type { Code, Root, RootContent } from "mdast";

let fromMarkdown: typeof FromMarkdown | undefined;

/** Loads the Markdown parser (once). */
export async function loadMarkdownParser(): Promise<void> {
  fromMarkdown ??= (await import("mdast-util-from-markdown")).fromMarkdown;
}

export function markdownParserLoaded(): boolean {
  return fromMarkdown !== undefined;
}

/** A literate file was to be read before the Markdown parser was loaded (see loadMarkdownParser). */
export class MarkdownParserNeeded extends Error {
  constructor() {
    super("a .concord.md file is read before the Markdown parser is loaded");
    this.name = "MarkdownParserNeeded";
  }
}

export interface LiterateBlock {
  node: Code;
  /** Lines (from 1) of the block's content: after the opening fence, before the closing one. */
  firstLine: number;
  lastLine: number;
}

export interface LiterateFile {
  /** The Markdown tree (mdast), with positions in the file's text. */
  root: Root;
  /** The ```concord blocks, in document order. */
  blocks: LiterateBlock[];
}

function isConcord(node: Code): boolean {
  return node.lang === "concord";
}

function walk(nodes: readonly RootContent[], out: Code[]): void {
  for (const n of nodes) {
    if (n.type === "code") {
      if (isConcord(n)) out.push(n);
    } else if ("children" in n && Array.isArray(n.children)) walk(n.children as RootContent[], out);
  }
}

/** The line breaks of `text` split off: `[line, eol]` pairs, the last with eol "". */
function splitLines(text: string): { body: string; eol: string }[] {
  const out: { body: string; eol: string }[] = [];
  const re = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ body: text.slice(start, m.index), eol: m[0] });
    start = m.index + m[0].length;
  }
  out.push({ body: text.slice(start), eol: "" });
  return out;
}

/**
 * The constructs that only shape a paragraph's text (emphasis, links, code spans, inline HTML,
 * hard breaks), left out when only the blocks are wanted: CommonMark finds the blocks before it
 * reads any paragraph's text, so the fences are the same without them, and reading the text of
 * the prose around 20,000 clauses was most of a 5 MB file's 5 s. Character escapes and
 * references stay: an info string (`concord`) can hold them.
 */
const INLINE_ONLY = ["attention", "autolink", "codeText", "hardBreakEscape", "htmlText", "labelEnd", "labelStartImage", "labelStartLink"];

/**
 * The Markdown tree of a literate file and its ```concord blocks. With `blocksOnly`, the
 * paragraphs' text is left unread (plain text nodes): enough for the blocks, not for the prose.
 */
export function parseLiterate(text: string, options: { blocksOnly?: boolean } = {}): LiterateFile {
  if (!fromMarkdown) throw new MarkdownParserNeeded();
  const root = options.blocksOnly ? fromMarkdown(text, { extensions: [{ disable: { null: INLINE_ONLY } }] }) : fromMarkdown(text);
  const codes: Code[] = [];
  walk(root.children, codes);
  const lines = splitLines(text);
  const blocks: LiterateBlock[] = [];
  for (const node of codes) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) continue;
    const valueLines = node.value === "" ? [] : node.value.split(/\r\n|\n|\r/);
    // The content is the lines after the opening fence; an unclosed fence runs to the end of its container.
    const firstLine = start + 1;
    blocks.push({ node, firstLine, lastLine: Math.min(end, firstLine + valueLines.length - 1, lines.length) });
  }
  return { root, blocks };
}

/**
 * The concordat source of a literate file: its ```concord blocks' content where it stands in the
 * file, everything else blanked (one space per UTF-16 unit), line breaks kept.
 */
export function extractLiterate(text: string): string {
  const lines = splitLines(text);
  const keep: (string | null)[] = lines.map(() => null);
  for (const b of parseLiterate(text, { blocksOnly: true }).blocks) {
    const valueLines = b.node.value === "" ? [] : b.node.value.split(/\r\n|\n|\r/);
    for (let i = 0; i < valueLines.length; i++) {
      const line = b.firstLine + i;
      const src = lines[line - 1];
      if (!src) continue;
      const value = valueLines[i]!;
      // The parser strips the container's prefix (`> `, a list item's indent): the content is the
      // line's tail. Where a tab was partly consumed the tail differs: keep the line, prefix blanked.
      keep[line - 1] = src.body.endsWith(value)
        ? " ".repeat(src.body.length - value.length) + value
        : src.body.replace(/^[\s>]*/, (p) => " ".repeat(p.length));
    }
  }
  return lines.map((l, i) => (keep[i] ?? " ".repeat(l.body.length)) + l.eol).join("");
}

export function isLiterate(file: string): boolean {
  return file.endsWith(".concord.md");
}
