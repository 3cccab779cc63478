import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LineIndex } from "../../src/syntax/lines.js";

/** Line and column by walking the text: `\n`, `\r\n` and `\r` end a line. */
function walk(text: string, offset: number): [number, number] {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      column = 1;
    } else column++;
  }
  return [line, column];
}

describe("LineIndex", () => {
  it("gives the line and column of every offset, in any order of lookups", () => {
    const text = fc.array(fc.constantFrom("a", "b", " ", "\n", "\r", "\r\n", "é", "😀"), { maxLength: 60 }).map((p) => p.join(""));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 30 }), (t, picks) => {
        const index = new LineIndex(t);
        const offsets = [...Array(t.length + 1).keys(), ...picks.map((p) => p % (t.length + 1))];
        for (const o of offsets) {
          const line = index.line(o);
          expect([line, index.column(o, line)]).toEqual(walk(t, o));
        }
      }),
    );
  });
  it("counts a CRLF as one line break", () => {
    const index = new LineIndex("a\r\nb\rc\nd");
    expect([1, 3, 5, 7].map((o) => index.line(o))).toEqual([1, 2, 3, 4]);
    expect(index.column(2, 1)).toBe(3);
  });
});
