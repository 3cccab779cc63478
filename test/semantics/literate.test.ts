// `.concord.md`: the ```concord blocks a CommonMark parser finds, at their own lines and columns.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { concordBlocks, extractLiterate, parseLiterate } from "../../src/semantics/literate.js";
import { checkFiles } from "../support/check-source.js";

describe("extractLiterate", () => {
  it("keeps a top-level block where it is and blanks the rest, line breaks kept", () => {
    const text = "# T\n\nProse.\n\n```concord\nframework a { }\n```\n";
    expect(extractLiterate(text)).toBe("   \n\n      \n\n          \nframework a { }\n   \n");
  });
  it("finds a fence inside a list item and inside a block quote, the prefix blanked", () => {
    const text = ["- item", "", "  ```concord", "  framework a { }", "  ```", "", "> quoted", ">", "> ```concord", "> framework b { }", "> ```", ""].join("\n");
    const lines = extractLiterate(text).split("\n");
    expect(lines[3]).toBe("  framework a { }");
    expect(lines[9]).toBe("  framework b { }");
    expect(lines.filter((l) => l.trim() !== "")).toEqual(["  framework a { }", "  framework b { }"]);
  });
  it("ignores a concord fence shown inside another code block, and blocks of other languages", () => {
    const text = ["````markdown", "```concord", "framework hidden { }", "```", "````", "", "```js", "framework js { }", "```", "", "~~~concord", "framework shown { }", "~~~", ""].join("\n");
    expect(extractLiterate(text).split("\n").filter((l) => l.trim() !== "")).toEqual(["framework shown { }"]);
    expect(parseLiterate(text).blocks.map((b) => [b.firstLine, b.lastLine])).toEqual([[12, 12]]);
  });
  it("keeps CRLF and the file's length", () => {
    const text = "Intro\r\n\r\n```concord\r\nframework a { }\r\n```\r\n";
    const out = extractLiterate(text);
    expect(out.length).toBe(text.length);
    expect(out).toBe("     \r\n\r\n          \r\nframework a { }\r\n   \r\n");
  });
});

describe("the blocks from the parser's events, without the tree or the paragraphs' text (what check reads)", () => {
  // Lines that open, close or fake fences, containers, and the inline constructs the blocks-only
  // parse leaves out (code spans with backticks, links, emphasis, inline HTML, autolinks).
  const line = fc.constantFrom(
    "```concord",
    "~~~concord",
    "```",
    "~~~",
    "````",
    "```js",
    "``` concord",
    "```conc\\ord",
    "```conc&#111;rd",
    "```concord extra",
    "framework a { }",
    "  agreement b { }",
    "    ```concord",
    "- item",
    "  - nested",
    "1. first",
    "> quoted",
    "> ```concord",
    ">",
    "",
    "Prose with `code ``` span` and *emphasis* and [a link](https://example.org).",
    "`` ```concord ``",
    "<span>```concord</span>",
    "<div>",
    "</div>",
    "<https://example.org/```>",
    "***",
    "Heading",
    "===",
    "[ref]: https://example.org",
    "\t```concord",
    "text  ",
    "text\\",
  );
  const fromTree = (text: string) =>
    parseLiterate(text)
      .blocks.filter((b) => b.node.lang === "concord")
      .map(({ value, firstLine, lastLine }) => ({ value, firstLine, lastLine }));

  it("finds the same blocks, lines and contents as the whole parse (random Markdown)", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom("\n", "\r\n", "\r"), (lines, eol) => {
        const text = lines.join(eol);
        expect(concordBlocks(text)).toEqual(fromTree(text));
      }),
      { numRuns: 400 },
    );
  });

  it("finds a block after lists nested 200 deep, and one inside the deepest item", () => {
    const nested = Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- x`);
    const inside = `${"  ".repeat(200)}`;
    const text = [...nested, "", `${inside}\`\`\`concord`, `${inside}framework g { }`, `${inside}\`\`\``, "", "```concord", "framework f { }", "```", ""].join("\n");
    expect(concordBlocks(text)).toEqual([
      { value: "framework g { }", firstLine: 203, lastLine: 203 },
      { value: "framework f { }", firstLine: 207, lastLine: 207 },
    ]);
    expect(concordBlocks(text)).toEqual(fromTree(text));
  });
});

describe("diagnostics in a literate file point at the Markdown's lines", () => {
  it("an error inside a block in a list item is reported at its line and column in the .md", () => {
    const md = [
      "# Agreement",
      "",
      "1. The framework:",
      "",
      "   ```concord",
      "   framework f {",
      '     kind x "X"',
      '     kind x "Y"',
      "   }",
      "   ```",
      "",
    ].join("\n");
    const { diagnostics } = checkFiles({ "doc.concord.md": md }, "doc.concord.md");
    // line 8 is `     kind x "Y"`: five spaces (list indent and block indent), `kind `, then x at column 11.
    expect(diagnostics.map((d) => [d.code, d.span.line, d.span.column])).toEqual([["duplicate-declaration", 8, 11]]);
  });
});
