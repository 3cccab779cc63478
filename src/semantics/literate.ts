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
import type * as Micromark from "micromark";
import type { decodeString as DecodeString } from "micromark-util-decode-string";

let fromMarkdown: typeof FromMarkdown | undefined;
/** The parser under mdast-util-from-markdown, whose events give the blocks without the tree (see concordBlocks). */
let micromark: { parse: typeof Micromark.parse; postprocess: typeof Micromark.postprocess; preprocess: typeof Micromark.preprocess; decodeString: typeof DecodeString } | undefined;

/**
 * Loads the Markdown parser (once): micromark, which finds the blocks; with `tree`, also the
 * Markdown tree over it, for the prose that `render` lays out (a check does without it).
 */
export async function loadMarkdownParser(options: { tree?: boolean } = {}): Promise<void> {
  if (options.tree) fromMarkdown ??= (await import("mdast-util-from-markdown")).fromMarkdown;
  if (!micromark) {
    const [{ parse, postprocess, preprocess }, { decodeString }] = await Promise.all([import("micromark"), import("micromark-util-decode-string")]);
    micromark = { parse, postprocess, preprocess, decodeString };
  }
}

export function markdownParserLoaded(): boolean {
  return micromark !== undefined;
}

/** A literate file was to be read before the Markdown parser was loaded (see loadMarkdownParser). */
export class MarkdownParserNeeded extends Error {
  constructor() {
    super("a .concord.md file is read before the Markdown parser is loaded");
    this.name = "MarkdownParserNeeded";
  }
}

/** A ```concord block's content and where it lies. */
export interface SourceBlock {
  /** The content as CommonMark reads it: the container's prefixes and the fence's indentation taken off. */
  value: string;
  /** Lines (from 1) of the block's content: after the opening fence, before the closing one. */
  firstLine: number;
  lastLine: number;
}

export interface LiterateBlock extends SourceBlock {
  node: Code;
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

/** The lines of a block's content, from the lines of its fences (start, end) and its value. */
function sourceBlock(value: string, start: number, end: number, lineCount: number): SourceBlock {
  const valueLines = value === "" ? 0 : value.split(/\r\n|\n|\r/).length;
  // The content is the lines after the opening fence; an unclosed fence runs to the end of its container.
  const firstLine = start + 1;
  return { value, firstLine, lastLine: Math.min(end, firstLine + valueLines - 1, lineCount) };
}

/** The Markdown tree of a literate file (for the document `render` makes of it) and its ```concord blocks. */
/** How many lines `text` has, as splitLines counts them (one more than its line breaks). */
function countLines(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function parseLiterate(text: string): LiterateFile {
  // Not MarkdownParserNeeded: the command line would load the parser without the tree and run again.
  if (!fromMarkdown) throw new Error("the Markdown tree is read before it is loaded (loadMarkdownParser({ tree: true }))");
  const root = fromMarkdown(text);
  const codes: Code[] = [];
  walk(root.children, codes);
  const lineCount = countLines(text);
  const blocks: LiterateBlock[] = [];
  for (const node of codes) {
    const start = node.position?.start.line;
    const end = node.position?.end.line;
    if (start === undefined || end === undefined) continue;
    blocks.push({ node, ...sourceBlock(node.value, start, end, lineCount) });
  }
  return { root, blocks };
}

/**
 * The constructs that only shape a paragraph's text (emphasis, links, code spans, inline HTML,
 * hard breaks), left out when only the blocks are wanted: CommonMark finds the blocks before it
 * reads any paragraph's text, so the fences are the same without them. Character escapes and
 * references stay: an info string (`concord`) can hold them.
 */
const INLINE_ONLY = ["attention", "autolink", "codeText", "hardBreakEscape", "htmlText", "labelEnd", "labelStartImage", "labelStartLink"];

/**
 * The ```concord blocks of a literate file, as parseLiterate finds them, read from the parser's
 * events without building the Markdown tree: a 5 MB file of 20,000 clauses in fences among prose
 * took 7.5 s with the tree, most of it the paragraphs' text and the tree's nodes, and 1,000 list
 * items each nested in the one before 22 s (the tree's pass over its lists). The content is what
 * mdast-util-from-markdown makes of the same events: the code's values and line breaks after
 * the opening fence, one line break trimmed at each end; the language is the info string's
 * first word, escapes and references decoded.
 */
export function concordBlocks(text: string, lineCount = countLines(text)): SourceBlock[] {
  if (!micromark) throw new MarkdownParserNeeded();
  const { parse, postprocess, preprocess, decodeString } = micromark;
  const events = postprocess(parse({ extensions: [{ disable: { null: INLINE_ONLY } }] }).document().write(preprocess()(text, undefined, true)));
  const out: SourceBlock[] = [];
  let inCode = false;
  let afterOpening = false;
  let lang: string | null = null;
  let start = 0;
  let parts: string[] = [];
  for (const [kind, token, context] of events) {
    if (token.type === "codeFenced") {
      if (kind === "enter") {
        inCode = true;
        afterOpening = false;
        lang = null;
        start = token.start.line;
        parts = [];
      } else {
        inCode = false;
        if (lang === "concord") out.push(sourceBlock(parts.join("").replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ""), start, token.end.line, lineCount));
      }
      continue;
    }
    if (!inCode || kind !== "exit") continue;
    if (token.type === "codeFencedFence") afterOpening = true;
    else if (token.type === "codeFencedFenceInfo") lang = decodeString(context.sliceSerialize(token));
    else if (afterOpening && (token.type === "codeFlowValue" || token.type === "lineEnding")) parts.push(context.sliceSerialize(token));
  }
  return out;
}

/**
 * The concordat source of a literate file: its ```concord blocks' content where it stands in the
 * file, everything else blanked (one space per UTF-16 unit), line breaks kept.
 */
export function extractLiterate(text: string): string {
  const lines = splitLines(text);
  const keep: (string | null)[] = lines.map(() => null);
  for (const b of concordBlocks(text, lines.length)) {
    const valueLines = b.value === "" ? [] : b.value.split(/\r\n|\n|\r/);
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
