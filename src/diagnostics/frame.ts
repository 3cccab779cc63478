// Code frames: the source lines of a span with line numbers and a caret underline,
// like a compiler. Tabs are expanded, wide characters take two columns, long lines
// are cut to a window around the span, and long multi-line spans are elided.

export interface FramePosition {
  line: number;
  column: number;
  endLine: number;
  /** Exclusive: the column just after the span's last character. */
  endColumn: number;
}

export interface FrameOptions {
  /** Width of the source part of a line, in terminal columns (default 100). */
  maxWidth?: number;
  /** Width of the line-number gutter (default: digits of the largest line shown). */
  gutterWidth?: number;
  /** At most this many lines of a multi-line span (default 5; the middle is elided). */
  maxLines?: number;
  /** Only the span's first line (for related locations). */
  firstLineOnly?: boolean;
  /** Styling hooks (identity without colour). */
  style?: FrameStyle;
}

export interface FrameStyle {
  gutter(s: string): string;
  marker(s: string): string;
}

const plain: FrameStyle = { gutter: (s) => s, marker: (s) => s };

export const TAB_WIDTH = 4;

/** Source text split into lines, BOM dropped, CR of CRLF dropped. */
export function splitLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.split(/\r\n|\n|\r/);
}

/** Terminal width of a code point: 0 for combining marks, 2 for wide East Asian and emoji, else 1. */
export function codePointWidth(cp: number): number {
  if (cp === 0) return 0;
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 1; // shown as a replacement
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** A line laid out in terminal cells, with the cell at which every UTF-16 index starts. */
interface Layout {
  cells: string[];
  /** startCell[i] for i in 0..length (length maps to the cell after the last character). */
  startCell: Int32Array;
  /** The first non-blank cell and the end of the last, worked out on first use. */
  firstNonSpace?: number;
  lastNonSpaceEnd?: number;
}

function layout(line: string): Layout {
  const cells: string[] = [];
  const startCell = new Int32Array(line.length + 1);
  let i = 0;
  while (i < line.length) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) startCell[i + u] = cells.length;
    if (cp === 9) {
      const n = TAB_WIDTH - (cells.length % TAB_WIDTH);
      for (let k = 0; k < n; k++) cells.push(" ");
    } else {
      const w = codePointWidth(cp);
      const ch = cp < 32 || (cp >= 0x7f && cp < 0xa0) ? "\ufffd" : String.fromCodePoint(cp);
      if (w === 0) {
        if (cells.length > 0) cells[cells.length - 1] += ch;
      } else {
        cells.push(ch);
        for (let k = 1; k < w; k++) cells.push("");
      }
    }
    i += units;
  }
  startCell[line.length] = cells.length;
  return { cells, startCell };
}

/** The cell of 1-based UTF-16 column `column` (clamped to the line). */
function cellOf(l: Layout, column: number): number {
  const idx = Math.max(0, Math.min(column - 1, l.startCell.length - 1));
  return l.startCell[idx]!;
}

/**
 * The underline from 1-based column `column` to `endColumn` (exclusive; past the line's end, to
 * its last cell), or, without an end, to the line's last non-blank cell; never empty.
 */
function markCells(l: Layout, column: number, endColumn: number | undefined): Mark {
  const from = cellOf(l, column);
  let to = endColumn !== undefined && Number.isFinite(endColumn) ? cellOf(l, endColumn) : Math.max(lastNonSpaceEnd(l), from + 1);
  if (endColumn !== undefined && endColumn > l.startCell.length) to = Math.max(to, l.cells.length);
  return { from, to: Math.max(to, from + 1) };
}

function firstNonSpace(l: Layout): number {
  if (l.firstNonSpace === undefined) {
    const i = l.cells.findIndex((c) => c !== " " && c !== "");
    l.firstNonSpace = i < 0 ? 0 : i;
  }
  return l.firstNonSpace;
}

function lastNonSpaceEnd(l: Layout): number {
  if (l.lastNonSpaceEnd === undefined) {
    let end = 0;
    for (let i = l.cells.length - 1; i >= 0; i--)
      if (l.cells[i] !== " " && l.cells[i] !== "") {
        end = i + 1;
        break;
      }
    l.lastNonSpaceEnd = end;
  }
  return l.lastNonSpaceEnd;
}

/** An underline: the cells [from, to). */
interface Mark {
  from: number;
  to: number;
}

/** A row of the frame: the text shown and its underline. */
interface Row {
  lineNo: number | null; // null: the elision row
  text: string;
  mark?: Mark;
}

/** Cuts a laid-out line to `maxWidth` cells around the mark, with `…` where it was cut. */
function windowed(l: Layout, mark: Mark | undefined, maxWidth: number): { text: string; mark?: Mark } {
  const total = l.cells.length;
  if (total <= maxWidth) return { text: l.cells.join(""), mark };
  const from = mark?.from ?? 0;
  let start = 0;
  // Keep the start of the mark in view, with a little context before it.
  if (from > maxWidth - 10) start = Math.max(0, from - 10);
  if (start + maxWidth > total) start = Math.max(0, total - maxWidth);
  const end = Math.min(total, start + maxWidth);
  const slice = l.cells.slice(start, end);
  if (slice[0] === "") slice[0] = " "; // the second half of a wide character
  if (end < total && l.cells[end] === "" && slice.length > 0) slice[slice.length - 1] = " "; // the first half of one
  const prefix = start > 0 ? "…" : "";
  const suffix = end < total ? "…" : "";
  const shifted = mark
    ? {
        from: Math.max(0, mark.from - start) + prefix.length,
        to: Math.max(Math.min(mark.to, end) - start, Math.max(0, mark.from - start) + 1) + prefix.length,
      }
    : undefined;
  return { text: prefix + slice.join("") + suffix, mark: shifted };
}

/**
 * The lines of a source, split once per source rather than once per frame: a report frames
 * many diagnostics in the same few files (40,000 findings in one file were quadratic).
 * The few most recent sources are kept; the arrays are shared, so they are never modified.
 */
const recentLines = new Map<string, readonly string[]>();
const RECENT_SOURCES = 8;
function linesOf(source: string): readonly string[] {
  return keptOrMade(recentLines, source, RECENT_SOURCES, () => splitLines(source));
}

/**
 * The layout of 1-based line `lineNo`. A long line's is kept (the last few per source): every
 * finding on a line of 2,000 clauses laid out the whole line again, and 8,000 took a minute.
 */
const longLayouts = new WeakMap<readonly string[], Map<number, Layout>>();
const LONG_LINE = 1_000;
const LONG_LAYOUTS_KEPT = 4;
function layoutAt(lines: readonly string[], lineNo: number): Layout {
  const line = lines[lineNo - 1]!;
  if (line.length < LONG_LINE) return layout(line);
  let kept = longLayouts.get(lines);
  if (kept === undefined) longLayouts.set(lines, (kept = new Map()));
  return keptOrMade(kept, lineNo, LONG_LAYOUTS_KEPT, () => layout(line));
}

/** The value kept under `key`, or `make()` kept there, the oldest entry dropped past `limit`. */
function keptOrMade<K, V>(kept: Map<K, V>, key: K, limit: number, make: () => V): V {
  let value = kept.get(key);
  if (value === undefined) {
    value = make();
    if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    kept.set(key, value);
  }
  return value;
}

/** Whether 1-based line `line` is a line of `source`. */
export function hasLine(source: string, line: number): boolean {
  return Number.isInteger(line) && line >= 1 && line <= linesOf(source).length;
}

/**
 * The frame of a span as lines of text (without a trailing newline), or [] when the
 * span's lines are not in the source.
 */
export function codeFrame(source: string, pos: FramePosition, options: FrameOptions = {}): string[] {
  const lines = linesOf(source);
  const maxWidth = options.maxWidth ?? 100;
  const maxLines = Math.max(3, options.maxLines ?? 5);
  const style = options.style ?? plain;
  if (!(Number.isInteger(pos.line) && pos.line >= 1 && pos.line <= lines.length)) return [];
  let endLine = Number.isInteger(pos.endLine) && pos.endLine >= pos.line ? Math.min(pos.endLine, lines.length) : pos.line;
  let endColumn = endLine === pos.endLine ? pos.endColumn : Number.POSITIVE_INFINITY;
  // A span that ends at the very start of a line really ends on the line before.
  if (endLine > pos.line && endColumn <= 1) {
    endLine--;
    endColumn = Number.POSITIVE_INFINITY;
  }
  if (options.firstLineOnly) {
    if (endLine > pos.line) endColumn = Number.POSITIVE_INFINITY;
    endLine = pos.line;
  }

  const rows: Row[] = [];
  const column = Number.isInteger(pos.column) && pos.column >= 1 ? pos.column : 1;
  if (endLine === pos.line) {
    const l = layoutAt(lines, pos.line);
    rows.push({ lineNo: pos.line, ...windowed(l, markCells(l, column, endColumn), maxWidth) });
  } else {
    const shown: number[] = [];
    const count = endLine - pos.line + 1;
    if (count <= maxLines) for (let n = pos.line; n <= endLine; n++) shown.push(n);
    else {
      // A span of a few lines keeps most of them; a long one (a whole agreement) only its first and last.
      const long = count > 2 * maxLines;
      const head = long ? 1 : Math.ceil((maxLines - 1) / 2);
      const tail = long ? 1 : maxLines - 1 - head;
      for (let n = pos.line; n < pos.line + head; n++) shown.push(n);
      shown.push(-1);
      for (let n = endLine - tail + 1; n <= endLine; n++) shown.push(n);
    }
    for (const n of shown) {
      if (n === -1) {
        rows.push({ lineNo: null, text: "" });
        continue;
      }
      const l = layoutAt(lines, n);
      let mark: Mark | undefined;
      if (n === pos.line) {
        const from = cellOf(l, column);
        mark = { from, to: Math.max(lastNonSpaceEnd(l), from + 1) };
      } else if (n === endLine) {
        const from = firstNonSpace(l);
        const to = Number.isFinite(endColumn) ? cellOf(l, endColumn) : lastNonSpaceEnd(l);
        mark = { from, to: Math.max(to, from + 1) };
      }
      rows.push({ lineNo: n, ...windowed(l, mark, maxWidth) });
    }
  }

  const biggest = rows.reduce((m, r) => Math.max(m, r.lineNo ?? 0), 0);
  const gw = Math.max(options.gutterWidth ?? 0, String(biggest).length);
  const blank = " ".repeat(gw);
  const out: string[] = [style.gutter(`${blank} |`)];
  for (const r of rows) {
    if (r.lineNo === null) {
      out.push(style.gutter(`${" ".repeat(Math.max(0, gw - 3))}...`));
      continue;
    }
    const num = String(r.lineNo).padStart(gw, " ");
    out.push(r.text.length > 0 ? `${style.gutter(`${num} |`)} ${r.text}` : style.gutter(`${num} |`));
    if (r.mark) {
      const pad = " ".repeat(r.mark.from);
      out.push(`${style.gutter(`${blank} |`)} ${pad}${style.marker("^".repeat(r.mark.to - r.mark.from))}`);
    }
  }
  return out;
}

/** One span of a labelled frame: the primary is underlined `^`, the others `-`. */
export interface FrameMark extends FramePosition {
  primary: boolean;
  /** Said after the underline, as rustc does. */
  label?: string;
}

export interface LabelledFrameStyle extends FrameStyle {
  /** The underline of a secondary span (default: `marker`). */
  secondary?(s: string): string;
}

/**
 * The first line of every span of one source in one frame, in line order: rustc's labelled
 * spans, a `...` row where lines are skipped, one underline row per span (a line holding
 * two spans shows both). No leading blank gutter row: the frame follows the header at once.
 */
export function labelledFrame(
  source: string,
  marks: readonly FrameMark[],
  options: { maxWidth?: number; gutterWidth?: number; style?: LabelledFrameStyle } = {},
): string[] {
  const lines = linesOf(source);
  const maxWidth = options.maxWidth ?? 100;
  const style = options.style ?? plain;
  const secondary = options.style?.secondary ?? style.marker;
  const shown = marks
    .filter((m) => Number.isInteger(m.line) && m.line >= 1 && m.line <= lines.length)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.line - b.m.line || (a.m.primary === b.m.primary ? a.i - b.i : a.m.primary ? -1 : 1))
    .map((x) => x.m);
  if (shown.length === 0) return [];
  const gw = Math.max(options.gutterWidth ?? 0, String(shown[shown.length - 1]!.line).length);
  const blank = " ".repeat(gw);
  const out: string[] = [];
  let previous = 0;
  for (let k = 0; k < shown.length; ) {
    const lineNo = shown[k]!.line;
    const onLine: FrameMark[] = [];
    while (k < shown.length && shown[k]!.line === lineNo) onLine.push(shown[k++]!);
    if (previous > 0 && lineNo > previous + 1) out.push(style.gutter(`${" ".repeat(Math.max(0, gw - 3))}...`));
    previous = lineNo;
    const l = layoutAt(lines, lineNo);
    const cells = onLine.map((m) => markOnLine(l, m));
    // The window follows the first span on the line; the others move with it.
    const first = windowed(l, cells[0], maxWidth);
    const shift = (c: Mark): Mark => {
      if (first.mark === undefined || cells[0] === undefined) return c;
      const delta = first.mark.from - cells[0].from;
      const width = [...first.text].length;
      const from = Math.max(0, Math.min(c.from + delta, width - 1));
      return { from, to: Math.max(from + 1, Math.min(c.to + delta, width)) };
    };
    const num = String(lineNo).padStart(gw, " ");
    out.push(first.text.length > 0 ? `${style.gutter(`${num} |`)} ${first.text}` : style.gutter(`${num} |`));
    onLine.forEach((m, j) => {
      const c = j === 0 ? first.mark! : shift(cells[j]!);
      const underline = (m.primary ? style.marker : secondary)((m.primary ? "^" : "-").repeat(c.to - c.from));
      const label = m.label ? ` ${(m.primary ? style.marker : secondary)(m.label)}` : "";
      out.push(`${style.gutter(`${blank} |`)} ${" ".repeat(c.from)}${underline}${label}`);
    });
  }
  return out;
}

/** The cells a span covers on its first line (to the end of the line's text when it goes on). */
function markOnLine(l: Layout, m: FramePosition): Mark {
  const column = Number.isInteger(m.column) && m.column >= 1 ? m.column : 1;
  const oneLine = !Number.isInteger(m.endLine) || m.endLine <= m.line || (m.endLine === m.line + 1 && m.endColumn <= 1);
  return markCells(l, column, oneLine && Number.isInteger(m.endColumn) && m.endLine === m.line ? m.endColumn : undefined);
}
