// Characters that are not what they look like: bidirectional controls (Trojan Source),
// characters pasted from word processors, lookalike letters, and files that are not text
// at all (DESIGN.md section 7, "Names that are not plain text").
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Span } from "./ast.js";

/** Bidirectional controls that can reorder what a reader sees (CVE-2021-42574). */
const BIDI: Record<number, string> = {
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
};

/** Characters word processors put in place of plain ones: name, and what to type instead. */
const PASTED: Record<number, { name: string; instead?: string }> = {
  0x00a0: { name: "no-break space", instead: "a plain space" },
  0x2007: { name: "figure space", instead: "a plain space" },
  0x202f: { name: "narrow no-break space", instead: "a plain space" },
  0x2002: { name: "en space", instead: "a plain space" },
  0x2003: { name: "em space", instead: "a plain space" },
  0x2009: { name: "thin space", instead: "a plain space" },
  0x3000: { name: "ideographic space", instead: "a plain space" },
  0x200b: { name: "zero-width space", instead: "nothing (delete it)" },
  0x200c: { name: "zero-width non-joiner", instead: "nothing (delete it)" },
  0x200d: { name: "zero-width joiner", instead: "nothing (delete it)" },
  0x2060: { name: "word joiner", instead: "nothing (delete it)" },
  0xfeff: { name: "zero-width no-break space (byte order mark)", instead: "nothing (delete it)" },
  0x00ad: { name: "soft hyphen", instead: "nothing (delete it)" },
  0x2018: { name: "left single quotation mark", instead: "'" },
  0x2019: { name: "right single quotation mark", instead: "'" },
  0x201c: { name: "left double quotation mark", instead: '"' },
  0x201d: { name: "right double quotation mark", instead: '"' },
  0x201e: { name: "double low-9 quotation mark", instead: '"' },
  0x00ab: { name: "left-pointing double angle quotation mark", instead: '"' },
  0x00bb: { name: "right-pointing double angle quotation mark", instead: '"' },
  0x2010: { name: "hyphen", instead: "-" },
  0x2011: { name: "non-breaking hyphen", instead: "-" },
  0x2012: { name: "figure dash", instead: "-" },
  0x2013: { name: "en dash", instead: "-" },
  0x2014: { name: "em dash", instead: "-" },
  0x2212: { name: "minus sign", instead: "-" },
  0x2026: { name: "horizontal ellipsis", instead: "..." },
  0x2024: { name: "one dot leader", instead: "." },
  0xff0c: { name: "fullwidth comma", instead: "," },
  0x2264: { name: "less-than or equal to", instead: "<=" },
  0x2265: { name: "greater-than or equal to", instead: ">=" },
  0x2260: { name: "not equal to", instead: "!=" },
  0x00d7: { name: "multiplication sign", instead: "x" },
};

/** Cyrillic and Greek letters that look like Latin ones. */
const LOOKALIKE: Record<number, string> = {
  0x0430: "a", 0x0435: "e", 0x043e: "o", 0x0440: "p", 0x0441: "c", 0x0443: "y", 0x0445: "x", 0x0456: "i", 0x0458: "j", 0x0455: "s",
  0x04bb: "h", 0x0501: "d", 0x051b: "q", 0x051d: "w",
  0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041a: "K", 0x041c: "M", 0x041d: "H", 0x041e: "O", 0x0420: "P", 0x0421: "C", 0x0422: "T",
  0x0425: "X", 0x0406: "I", 0x0408: "J", 0x0405: "S",
  0x03bf: "o", 0x03b1: "a", 0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0397: "H", 0x0399: "I", 0x039a: "K", 0x039c: "M", 0x039d: "N",
  0x039f: "O", 0x03a1: "P", 0x03a4: "T", 0x03a7: "X", 0x03a5: "Y", 0x0396: "Z",
};

export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** `U+00A0 no-break space; type a plain space instead`, or just the code point for other characters. */
export function describeCharacter(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const label = codePointLabel(cp);
  const bidi = BIDI[cp];
  if (bidi) return `${label} ${bidi}`;
  const pasted = PASTED[cp];
  if (pasted) {
    const instead = pasted.instead;
    if (!instead) return `${label} ${pasted.name}`;
    if (instead.startsWith("nothing")) return `${label} ${pasted.name}; delete it`;
    return `${label} ${pasted.name}; type ${instead.length <= 3 ? `\`${instead}\`` : instead} instead`;
  }
  const latin = LOOKALIKE[cp];
  if (latin) return `${label}, a ${cp >= 0x0391 && cp <= 0x03ff ? "Greek" : "Cyrillic"} letter that looks like the Latin \`${latin}\`; type \`${latin}\` instead`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return `${label}, a control character`;
  return label;
}

/** Whether a character needs its code point named (anything outside printable ASCII). */
export function needsDescription(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x20 || cp > 0x7e;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

function spanAtOffset(file: string, starts: number[], offset: number, length: number): Span {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lo + 1;
  const column = offset - starts[lo]! + 1;
  return { file, offset, endOffset: offset + length, line, column, endLine: line, endColumn: column + length };
}

/** One error per bidirectional control character, wherever it is (strings and comments included). */
export function bidiControls(text: string, file: string): Diagnostic[] {
  if (!/[\u202a-\u202e\u2066-\u2069]/.test(text)) return [];
  const starts = lineStarts(text);
  const out: Diagnostic[] = [];
  for (const m of text.matchAll(/[\u202a-\u202e\u2066-\u2069]/g)) {
    const span = spanAtOffset(file, starts, m.index, 1);
    out.push({
      code: "syntax",
      severity: "error",
      message: `a bidirectional control character (${describeCharacter(m[0])}) at line ${span.line}, column ${span.column}: it can make the text read differently from what concordat reads; delete it`,
      span,
    });
  }
  return out;
}

/** The file's text when its bytes are UTF-8 text; otherwise why not, and where. */
export function decodeText(bytes: Uint8Array): { text: string } | { why: string; offset: number } {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7))
    return { why: "it is a ZIP archive (a Word .docx, perhaps): save it as plain text", offset: 0 };
  if (bytes.length >= 5 && Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-") return { why: "it is a PDF document", offset: 0 };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { why: "it contains NUL bytes, as binary files do", offset: nul };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // Find the first byte that is not valid UTF-8, to point at it.
    const offset = firstInvalidUtf8(bytes);
    const b = bytes[offset] ?? 0;
    const hint = b === 0xa3 ? " (a `£` saved as Windows-1252 or Latin-1?)" : b >= 0x80 ? " (saved as Windows-1252 or Latin-1?)" : "";
    return { why: `it is not UTF-8: byte 0x${b.toString(16).toUpperCase().padStart(2, "0")}${hint} cannot be read; save the file as UTF-8`, offset };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, bytes.length - 1);
}

/** The position (line, column) of a byte offset, counted over the text decoded leniently. */
export function spanOfByte(file: string, bytes: Uint8Array, offset: number): { span: Span; text: string } {
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, offset));
  const text = new TextDecoder("utf-8").decode(bytes);
  const span = spanAtOffset(file, lineStarts(text), before.length, 1);
  return { span, text };
}
