// The canonical layout, by example: expected outputs written by hand from the house style
// of the normative examples (two-space blocks, one item a line, blank lines kept once).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sameMeaning } from "../../src/format/index.js";
import { parse } from "../../src/syntax/index.js";
import { formatConcordat, formatText, policyFiles, repo } from "./helpers.js";

const lines = (...ls: string[]) => ls.join("\n") + "\n";

describe("files in the repository", () => {
  it.each(policyFiles().map((f) => [f.name, f.text] as const))("%s is in the canonical layout (run `concordat fmt policies/`)", async (name, text) => {
    expect(await formatText(text, { filepath: name })).toBe(text);
  });

  it.each(policyFiles().map((f) => [f.name, f.text] as const))("%s with CRLF line endings and a BOM formats the same, keeping both", async (name, text) => {
    const lf = await formatText(text, { filepath: name });
    const crlf = "\uFEFF" + text.replace(/\n/g, "\r\n");
    expect(await formatText(crlf, { filepath: name })).toBe("\uFEFF" + lf.replace(/\n/g, "\r\n"));
  });

  // The normative examples are the house style: formatting them changes nothing (and this
  // test only reads them).
  const examples = path.join(repo, "test/fixtures/examples");
  const exampleFiles = ["frameworks", "agreements"].flatMap((d) => readdirSync(path.join(examples, d)).map((f) => path.join(d, f)));
  it.each(exampleFiles)("the example %s is already in the canonical layout", async (f) => {
    const text = readFileSync(path.join(examples, f), "utf8");
    expect(await formatConcordat(text)).toBe(text);
  });
});

describe("layout", () => {
  it("puts one item on a line, indents blocks, keeps one blank line where there were several, none after { or before }", async () => {
    const input = [
      "agreement a   \"A\" {",
      "",
      "  conforms to   base",
      "party p kind k role member",
      "",
      "",
      "",
      "    party q kind k",
      "  clause 1 { assign x at system { accountable p responsible q } }",
      "",
      "}",
    ].join("\n");
    expect(await formatConcordat(input)).toBe(
      lines(
        'agreement a "A" {',
        "  conforms to base",
        "  party p kind k role member",
        "",
        "  party q kind k",
        "  clause 1 {",
        "    assign x at system {",
        "      accountable p",
        "      responsible q",
        "    }",
        "  }",
        "}",
      ),
    );
  });

  it("sets frameworks and agreements apart by a blank line after the imports", async () => {
    expect(await formatConcordat('import "a.concord"\nimport "b.concord"\nframework f {}\nagreement a { conforms to f }')).toBe(
      lines('import "a.concord"', 'import "b.concord"', "", "framework f {}", "", "agreement a {", "  conforms to f", "}"),
    );
  });

  it("keeps comments where they were: before an item, at the end of a line, inside an empty block, at the end", async () => {
    const input = [
      "// The header.",
      "",
      "agreement a { // why this agreement",
      "  /* parties */ party p kind k",
      "  clause 1 {",
      "    // to do",
      "  }",
      "  assign x { accountable p // the only one",
      "  }",
      "  // the end",
      "}",
      "// after",
    ].join("\n");
    expect(await formatConcordat(input)).toBe(
      lines(
        "// The header.",
        "",
        "agreement a {",
        "  // why this agreement",
        "  /* parties */ party p kind k",
        "  clause 1 {",
        "    // to do",
        "  }",
        "  assign x {",
        "    accountable p // the only one",
        "  }",
        "  // the end",
        "}",
        "// after",
      ),
    );
  });

  it("keeps a file of comments only, and a blank line between comments of an empty block", async () => {
    expect(await formatConcordat("// a\n\n\n// b")).toBe("// a\n\n// b\n");
    expect(await formatConcordat("agreement a {\n// one\n\n\n     // two\n}")).toBe("agreement a {\n  // one\n\n  // two\n}\n");
  });

  it("keeps an item after `// prettier-ignore` exactly as written", async () => {
    const input = "agreement a {\n  // prettier-ignore\n  assign   x   at system {\n      accountable p\n  }\n  party   q kind k\n}\n";
    expect(await formatConcordat(input)).toBe("agreement a {\n  // prettier-ignore\n  assign   x   at system {\n      accountable p\n  }\n  party q kind k\n}\n");
  });

  it("wraps a long role line and a long selector list at the print width (an assign's head continues two levels in, apart from its role lines)", async () => {
    const input = lines(
      "agreement a {",
      "  assign procurement.strategy, procurement.operations, information_systems at system where value > £1_000 {",
      "    consulted eastmoor, westbridge, northvale, southport, riverside",
      "  }",
      "  scope procurement, hr, estates",
      "}",
    );
    expect(await formatConcordat(input, { printWidth: 40 })).toBe(
      lines(
        "agreement a {",
        "  assign procurement.strategy,",
        "      procurement.operations,",
        "      information_systems",
        "      at system",
        "      where value > £1_000 {",
        "    consulted eastmoor, westbridge,",
        "      northvale, southport, riverside",
        "  }",
        "  scope procurement, hr, estates",
        "}",
      ),
    );
  });

  it("keeps a wrapped selector list's first selector on the item's line", async () => {
    const input = lines("agreement a {", "  scope procurement, hr, information_systems, estates", "}");
    expect(await formatConcordat(input, { printWidth: 40 })).toBe(lines("agreement a {", "  scope procurement, hr,", "    information_systems, estates", "}"));
  });

  it("never wraps other items, however long (the examples' party and body lines)", async () => {
    const party = '  party eastmoor "Eastmoor NHS Foundation Trust" kind foundation_trust role member, commissioner';
    const input = lines("agreement a {", party, "}");
    expect(await formatConcordat(input, { printWidth: 40 })).toBe(input);
  });

  it("re-indents triple-quoted prose one level inside its item and never rewraps it", async () => {
    const input = [
      "agreement a {",
      "clause 1 {",
      '        provision p """',
      "Disagreements go first to the committee;",
      "",
      "   failing that, to mediation.",
      '"""',
      "}",
      "}",
    ].join("\n");
    expect(await formatConcordat(input, { printWidth: 20 })).toBe(
      lines(
        "agreement a {",
        "  clause 1 {",
        '    provision p """',
        "      Disagreements go first to the committee;",
        "",
        "         failing that, to mediation.",
        '    """',
        "  }",
        "}",
      ),
    );
  });

  it("writes literals as they were written: money and integer groups, string escapes", async () => {
    const input = lines(
      'agreement a "caf\\u00e9 \\"quoted\\"" {',
      "  review every 1_2 months",
      "  assign x where value >= £1_000_000 and value < €25_0 {",
      "    accountable p",
      "  }",
      "}",
    );
    expect(await formatConcordat(input)).toBe(input);
  });

  it("honours tabWidth and useTabs", async () => {
    const input = "agreement a { clause 1 { provision p \"\"\"\n  text\n\"\"\" } }";
    expect(await formatConcordat(input, { tabWidth: 4 })).toBe(lines("agreement a {", "    clause 1 {", '        provision p """', "            text", '        """', "    }", "}"));
    expect(await formatConcordat(input, { useTabs: true })).toBe(lines("agreement a {", "\tclause 1 {", '\t\tprovision p """', "\t\t\ttext", '\t\t"""', "\t}", "}"));
  });
});

describe("line endings and byte-order mark", () => {
  it("keeps CRLF line endings, inside prose too", async () => {
    const input = 'agreement a {\r\n  provision p """\r\n  one\r\n    two\r\n  """\r\n   party p kind k\r\n}\r\n';
    expect(await formatConcordat(input)).toBe('agreement a {\r\n  provision p """\r\n    one\r\n      two\r\n  """\r\n  party p kind k\r\n}\r\n');
  });

  it("keeps a byte-order mark", async () => {
    expect(await formatConcordat("\uFEFFagreement a {   party p kind k }")).toBe("\uFEFFagreement a {\n  party p kind k\n}\n");
  });

  it("keeps LF when the file uses LF", async () => {
    expect(await formatConcordat("agreement a {}\n")).toBe("agreement a {}\n");
  });
});

describe("literate files (.concord.md)", () => {
  it("changes only the ```concord blocks, in place, keeping a list item's indentation", async () => {
    const input = [
      "# Northvale   *agreement*",
      "",
      "Prose  stays   as it is.",
      "",
      "```concord",
      "agreement a {   party p kind k }",
      "```",
      "",
      "```js",
      "const   x = 1",
      "```",
      "",
      "1. In a list:",
      "",
      "   ~~~concord",
      "   agreement b { review every 12 months }",
      "   ~~~",
      "",
      "> ```concord",
      "> agreement   quoted {}",
      "> ```",
      "",
    ].join("\n");
    const expected = [
      "# Northvale   *agreement*",
      "",
      "Prose  stays   as it is.",
      "",
      "```concord",
      "agreement a {",
      "  party p kind k",
      "}",
      "```",
      "",
      "```js",
      "const   x = 1",
      "```",
      "",
      "1. In a list:",
      "",
      "   ~~~concord",
      "   agreement b {",
      "     review every 12 months",
      "   }",
      "   ~~~",
      "",
      "> ```concord",
      "> agreement   quoted {}",
      "> ```",
      "",
    ].join("\n");
    expect(await formatText(input, { filepath: "x.concord.md" })).toBe(expected);
    expect(await formatText(expected, { filepath: "x.concord.md" })).toBe(expected);
  });

  it("keeps CRLF in a literate file", async () => {
    const input = "Intro\r\n\r\n```concord\r\nagreement a {  party p kind k }\r\n```\r\n";
    expect(await formatText(input, { filepath: "x.concord.md" })).toBe("Intro\r\n\r\n```concord\r\nagreement a {\r\n  party p kind k\r\n}\r\n```\r\n");
  });

  it("leaves alone a block that does not parse on its own (an agreement split over two blocks)", async () => {
    const input = "```concord\nagreement a {\n   party p kind k\n```\n\nProse between.\n\n```concord\n}\n```\n\n```concord\nagreement   b {}\n```\n";
    expect(await formatText(input, { filepath: "x.concord.md" })).toBe(input.replace("agreement   b {}", "agreement b {}"));
  });

  it("does not mistake a fence inside another fence for a block", async () => {
    const input = "````md\n```concord\nagreement   a {}\n```\n````\n";
    expect(await formatText(input, { filepath: "x.concord.md" })).toBe(input);
  });
});

describe("syntax errors", () => {
  it("rejects a file that does not parse, with the line and column, instead of formatting it", async () => {
    await expect(formatConcordat("agreement a {\n  party\n}\n")).rejects.toMatchObject({
      name: "SyntaxError",
      message: expect.stringContaining("(3:1)"),
      loc: { start: { line: 3, column: 1 } },
    });
  });
});

describe("sameMeaning (checked by concordat fmt before it writes)", () => {
  const tree = (t: string) => parse(t, "t.concord").ast;
  it("holds across layouts and fails when a word, a value or a comment differs", () => {
    const a = "agreement a { // c\n party p kind k }";
    expect(sameMeaning(tree(a), tree("agreement a {\n  // c\n  party p kind k\n}\n"))).toBe(true);
    expect(sameMeaning(tree(a), tree("agreement a { // c\n party q kind k }"))).toBe(false);
    expect(sameMeaning(tree(a), tree("agreement a { // d\n party p kind k }"))).toBe(false);
    expect(sameMeaning(tree("agreement a { review every 1_2 months }"), tree("agreement a { review every 12 months }"))).toBe(false);
  });

  it("fails when a clause deep inside differs, an item is missing, or a comment is added", () => {
    const deep = (inner: string) => `agreement a {\n  clause 1 {\n    clause 1.1 {\n      ${inner}\n    }\n  }\n}\n`;
    const assign = "assign hr where value >= £1_000 {\n        accountable p\n      }";
    expect(sameMeaning(tree(deep(assign)), tree(deep(assign.replace(/\n\s+/g, " "))))).toBe(true);
    expect(sameMeaning(tree(deep(assign)), tree(deep(assign.replace("£1_000", "£1_001"))))).toBe(false);
    expect(sameMeaning(tree(deep(assign)), tree(deep(assign.replace(">=", ">"))))).toBe(false);
    expect(sameMeaning(tree(deep(assign)), tree(deep("")))).toBe(false);
    expect(sameMeaning(tree(deep(assign)), tree(deep(`${assign} // why`)))).toBe(false);
  });

  it("reads keys in any order and a key set to undefined as absent, as the syntax tree's JSON does", () => {
    const a = tree("agreement a { party p kind k }");
    const reordered = structuredClone(a) as unknown as Record<string, unknown>;
    const declarations = reordered.declarations;
    delete reordered.declarations;
    reordered.declarations = declarations;
    expect(sameMeaning(a, reordered as unknown as typeof a)).toBe(true);
    expect(sameMeaning(a, { ...a, extra: undefined } as typeof a)).toBe(true);
    expect(sameMeaning(a, { ...a, extra: 1 } as typeof a)).toBe(false);
    expect(sameMeaning({ ...a, extra: 1 } as typeof a, a)).toBe(false);
  });
});
