// Formatting a whole file: a `.concord` text through Prettier with this plugin, or the
// ```concord blocks of a `.concord.md` text (the Markdown around them is left as it is).
import { format } from "prettier";
import { concordBlocks, outdent, reindent } from "./literate.js";
import { ConcordatSyntaxError } from "./parser.js";
import { plugin } from "./plugin.js";

export interface FormatOptions {
  /** Recorded in error messages only. */
  filepath?: string;
  printWidth?: number;
  tabWidth?: number;
  useTabs?: boolean;
}

/** The canonical layout of a `.concord` text. Rejects (a `SyntaxError`) when the text does not parse. */
export async function formatConcordat(text: string, options: FormatOptions = {}): Promise<string> {
  return format(text, { ...definedOnly(options), parser: "concordat", plugins: [plugin] });
}

/**
 * A `.concord.md` text with every ```concord block in the canonical layout; the rest unchanged.
 * A block that does not parse on its own (an agreement split over several blocks, with prose
 * between its parts) is left as it is.
 */
export async function formatLiterate(text: string, options: FormatOptions = {}): Promise<string> {
  const blocks = await concordBlocks(text);
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  let out = "";
  let at = 0;
  for (const b of blocks) {
    const content = text.slice(b.contentStart, b.contentEnd);
    const source = outdent(content.replace(/\r\n/g, "\n"), b.indent);
    let formatted: string;
    try {
      formatted = source.trim() === "" ? source : await formatConcordat(source, options);
    } catch (e) {
      if (!(e instanceof ConcordatSyntaxError)) throw e;
      continue;
    }
    formatted = reindent(formatted, b.indent);
    if (eol === "\r\n") formatted = formatted.replace(/\r?\n/g, "\r\n");
    out += text.slice(at, b.contentStart) + formatted;
    at = b.contentEnd;
  }
  return out + text.slice(at);
}

/** Formats by file name: `.concord.md` as literate Markdown, anything else as `.concord`. */
export async function formatText(text: string, options: FormatOptions = {}): Promise<string> {
  return options.filepath?.endsWith(".concord.md") ? formatLiterate(text, options) : formatConcordat(text, options);
}

function definedOnly(o: FormatOptions): FormatOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as FormatOptions;
}
