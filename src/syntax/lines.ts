// Lines and columns of offsets in one text. The lexer tracks offsets only (its tokens are
// then smaller and cheaper to make); a span's line and column are found here, counted as
// Chevrotain counts them: `\n`, `\r\n` and `\r` end a line, columns are UTF-16 units from 1.

export class LineIndex {
  /** The offset at which each line starts; line 1 at 0. */
  private readonly starts: Int32Array;
  private readonly count: number;
  /** The line of the last lookup: lookups come mostly in text order. */
  private hint = 0;

  constructor(text: string) {
    const starts = [0];
    if (text.indexOf("\r") < 0) {
      // The usual text: line feeds only, found by the engine's own search.
      for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    this.starts = Int32Array.from(starts);
    this.count = starts.length;
  }

  /** The 1-based line of an offset (offsets past the end are on the last line). */
  line(offset: number): number {
    const s = this.starts;
    let i = this.hint;
    if (s[i]! <= offset && (i + 1 === this.count || s[i + 1]! > offset)) return i + 1;
    if (i + 2 < this.count && s[i + 1]! <= offset && s[i + 2]! > offset) {
      this.hint = i + 1;
      return i + 2;
    }
    // Bisect for the last start at or before the offset.
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo + 1;
  }

  /** The 1-based column of an offset on its line. */
  column(offset: number, line: number): number {
    return offset - this.starts[line - 1]! + 1;
  }
}
