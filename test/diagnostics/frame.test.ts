import { describe, expect, it } from "vitest";
import { codeFrame } from "../../src/diagnostics/frame.js";

const text = ["first line", "  let x = 1;", "\tindented\twith tabs", "last"].join("\n");

describe("codeFrame", () => {
  it("underlines a single-line span at the right column", () => {
    expect(codeFrame(text, { line: 2, column: 7, endLine: 2, endColumn: 8 })).toEqual([
      "  |",
      "2 |   let x = 1;",
      "  |       ^",
    ]);
  });

  it("gives an empty span one caret", () => {
    expect(codeFrame(text, { line: 1, column: 6, endLine: 1, endColumn: 6 })).toEqual(["  |", "1 | first line", "  |      ^"]);
  });

  it("expands tabs to the next tab stop and keeps the caret under the same character", () => {
    // line 3: "\tindented\twith tabs"; column 11 is "w" (tab, 8 letters, tab).
    const frame = codeFrame(text, { line: 3, column: 11, endLine: 3, endColumn: 15 });
    expect(frame).toEqual(["  |", "3 |     indented    with tabs", "  |                 ^^^^"]);
    const row = frame[1]!.slice(4);
    const carets = frame[2]!.slice(4);
    expect(row.slice(carets.indexOf("^"), carets.indexOf("^") + 4)).toBe("with");
  });

  it("shows a multi-line span from its first to its last line", () => {
    const src = ["a {", "  assign x {", "    accountable p", "  }", "}"].join("\n");
    expect(codeFrame(src, { line: 2, column: 3, endLine: 4, endColumn: 4 })).toEqual([
      "  |",
      "2 |   assign x {",
      "  |   ^^^^^^^^^^",
      "3 |     accountable p",
      "4 |   }",
      "  |   ^",
    ]);
  });

  it("elides the middle of a multi-line span", () => {
    const src = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    expect(codeFrame(src, { line: 1, column: 1, endLine: 8, endColumn: 7 })).toEqual([
      "  |",
      "1 | line 1",
      "  | ^^^^^^",
      "2 | line 2",
      "...",
      "7 | line 7",
      "8 | line 8",
      "  | ^^^^^^",
    ]);
  });

  it("shows only the first and last line of a long span (a whole agreement)", () => {
    const src = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join("\n");
    expect(codeFrame(src, { line: 1, column: 1, endLine: 20, endColumn: 8 })).toEqual([
      "   |",
      " 1 | line 1",
      "   | ^^^^^^",
      "...",
      "20 | line 20",
      "   | ^^^^^^^",
    ]);
  });

  it("treats a span ending at column 1 of the next line as ending on the line before", () => {
    expect(codeFrame(text, { line: 2, column: 3, endLine: 3, endColumn: 1 })).toEqual(["  |", "2 |   let x = 1;", "  |   ^^^^^^^^^^"]);
  });

  it("cuts a long line to a window around the span, with … where it is cut", () => {
    const long = "x".repeat(200) + "TARGET" + "y".repeat(200);
    const frame = codeFrame(long, { line: 1, column: 201, endLine: 1, endColumn: 207 }, { maxWidth: 40 });
    expect(frame).toHaveLength(3);
    const row = frame[1]!.slice("1 | ".length);
    const carets = frame[2]!.slice("  | ".length);
    expect(row.startsWith("…")).toBe(true);
    expect(row.endsWith("…")).toBe(true);
    expect(row.length).toBe(42);
    const at = carets.indexOf("^");
    expect(row.slice(at, at + 6)).toBe("TARGET");
    expect(carets.trim()).toBe("^^^^^^");
  });

  it("counts wide characters as two columns", () => {
    const src = "名前 = x";
    const frame = codeFrame(src, { line: 1, column: 6, endLine: 1, endColumn: 7 });
    expect(frame[2]).toBe("  |        ^"); // 名 and 前 take two cells each: x is in cell 7
  });

  it("drops a BOM and the CR of CRLF", () => {
    expect(codeFrame("\ufeffab\r\ncd\r\n", { line: 2, column: 2, endLine: 2, endColumn: 3 })).toEqual(["  |", "2 | cd", "  |  ^"]);
  });

  it("gives nothing for a line that is not in the source", () => {
    expect(codeFrame(text, { line: 99, column: 1, endLine: 99, endColumn: 2 })).toEqual([]);
  });

  it("shows only the first line when asked (related locations)", () => {
    const src = ["  assign x {", "  }"].join("\n");
    expect(codeFrame(src, { line: 1, column: 3, endLine: 2, endColumn: 4 }, { firstLineOnly: true })).toEqual([
      "  |",
      "1 |   assign x {",
      "  |   ^^^^^^^^^^",
    ]);
  });
});

describe("code frames on long lines (each long line is laid out once, and kept)", () => {
  // Two sources whose first two lines are long, with the same lengths and different words.
  const long = (word: string, n: number) => Array.from({ length: n }, (_, i) => `${word}${i}`).join(" ");
  const one = [long("alpha", 400), long("gamma", 400)].join("\n");
  const two = [long("betaa", 400), long("delta", 400)].join("\n");
  const at = (src: string, line: number, word: string) => {
    const column = src.split("\n")[line - 1]!.indexOf(word) + 1;
    return codeFrame(src, { line, column, endLine: line, endColumn: column + word.length });
  };

  it("frames each span on its own line, in its own source, whatever was framed before", () => {
    for (const [src, line, word] of [
      [one, 1, "alpha250"],
      [one, 2, "gamma250"],
      [two, 1, "betaa250"],
      [one, 1, "alpha7"],
      [two, 2, "delta399"],
      [one, 2, "gamma0"],
    ] as const) {
      const frame = at(src, line, word);
      const row = frame[1]!.slice(4);
      const carets = frame[2]!.slice(4);
      expect(row.slice(carets.indexOf("^"), carets.lastIndexOf("^") + 1), `${word} on line ${line}`).toBe(word);
      expect(row.length).toBeLessThanOrEqual(102);
    }
  });

  it("a multi-line span ending on a long line underlines from its first non-blank cell", () => {
    const src = ["x {", "        " + long("omega", 300)].join("\n");
    const frame = codeFrame(src, { line: 1, column: 1, endLine: 2, endColumn: 14 });
    expect(frame.at(-1)).toBe("  |         ^^^^^");
    expect(codeFrame(src, { line: 1, column: 1, endLine: 2, endColumn: 14 })).toEqual(frame);
  });
});
