// `.concord.md`: only the ```concord fenced blocks change. Fences are found with the
// CommonMark parser Prettier ships for Markdown (remark), so a fence inside a list item
// or an indented code block is read as CommonMark reads it; a block inside a block quote
// is left alone (its `>` markers cannot be re-added line by line safely).
import { parsers as markdownParsers } from "prettier/plugins/markdown";

interface MdNode {
  type: string;
  lang?: string | null;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface ConcordBlock {
  /** Offset of the first character of the first content line. */
  contentStart: number;
  /** Offset just after the last content line's line break (the closing fence's line start, or the end of the text). */
  contentEnd: number;
  /** The fence's indentation: removed from the content before formatting, put back after. */
  indent: string;
}

/** The ```concord blocks of a Markdown text, in order. */
export async function concordBlocks(text: string): Promise<ConcordBlock[]> {
  const root = (await markdownParsers.markdown.parse(text, {} as never)) as MdNode;
  const out: ConcordBlock[] = [];
  const walk = (n: MdNode, inQuote: boolean) => {
    if (n.type === "code" && n.lang === "concord" && !inQuote) {
      const b = blockOf(text, n);
      if (b) out.push(b);
    }
    for (const c of n.children ?? []) walk(c, inQuote || n.type === "blockquote");
  };
  walk(root, false);
  return out;
}

function blockOf(text: string, n: MdNode): ConcordBlock | undefined {
  const start = n.position?.start.offset;
  const end = n.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const fence = /^(`{3,}|~{3,})/.exec(text.slice(start))?.[1];
  if (!fence) return undefined; // an indented code block, not a fence
  const firstBreak = text.indexOf("\n", start);
  if (firstBreak < 0 || firstBreak >= end) return undefined; // the fence line is the whole block
  const contentStart = firstBreak + 1;
  // The last line is the closing fence when it is one; otherwise the block runs to `end`.
  const lastLineStart = text.lastIndexOf("\n", end - 1) + 1;
  const lastLine = text.slice(lastLineStart, end).trim();
  const closed = lastLineStart >= contentStart && lastLine.startsWith(fence) && /^[`~]+$/.test(lastLine) && lastLine[0] === fence[0];
  const contentEnd = closed ? lastLineStart : endOfLineAfter(text, end);
  return { contentStart, contentEnd: Math.max(contentStart, contentEnd), indent };
}

function endOfLineAfter(text: string, offset: number): number {
  const br = text.indexOf("\n", offset);
  return br < 0 ? text.length : br + 1;
}

/** Remove up to `indent.length` leading spaces from every line (CommonMark's rule for fenced content). */
export function outdent(content: string, indent: string): string {
  if (indent === "") return content;
  const re = new RegExp(`^ {0,${indent.length}}`, "gm");
  return content.replace(re, "");
}

export function reindent(content: string, indent: string): string {
  if (indent === "") return content;
  return content.replace(/^(?=[^\r\n])/gm, indent);
}
