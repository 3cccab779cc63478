// Golden syntax diagnostics (exact line, column and message), recovery from several
// independent errors, soft keywords, CRLF and BOM.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dedentProse, parse } from "../../src/syntax/index.js";
import type * as A from "../../src/syntax/ast.js";
import { stripSpans } from "../support/print-ast.js";

function diags(text: string) {
  return parse(text, "t.concord").diagnostics.map((d) => ({ line: d.span.line, column: d.span.column, clause: d.clause, message: d.message }));
}

describe("golden syntax diagnostics", () => {
  it("missing `{` after a clause header", () => {
    const text = `agreement a {
  clause 3 "Human resources"
    assign hr at system {
      accountable x
    }
  }
}
`;
    expect(diags(text)).toEqual([{ line: 3, column: 5, clause: "3", message: "expected `{` to open clause 3, found `assign`" }]);
    // Recovery inserts the brace: the clause and its assignment are kept.
    const ag = parse(text, "t").ast.declarations[0] as A.Agreement;
    expect(ag.items[0]).toMatchObject({ kind: "Clause", number: { text: "3" }, items: [{ kind: "Assign", roleLines: [{ role: "accountable" }] }] });
  });

  it("the file ending where a party name is due: it ends too early, and each `{` left open is pointed at", () => {
    const result = parse(`agreement a {\n  clause 4 {\n    assign hr {\n      accountable\n`, "t.concord");
    const syntax = result.diagnostics.filter((d) => d.code === "syntax");
    expect(syntax.map((d) => [d.span.line, d.span.column, d.message])).toEqual([[4, 18, "the file ends too early: expected a party name after `accountable`"]]);
    expect(syntax[0]!.related?.map((r) => [r.span.line, r.message])).toEqual([
      [3, "`assign hr {` is opened here and never closed"],
      [2, "`clause 4 {` is opened here and never closed"],
      [1, "`agreement a {` is opened here and never closed"],
    ]);
  });

  it("missing party name after `accountable`", () => {
    expect(
      diags(`agreement a {
  clause 4 {
    assign hr at system {
      accountable
      responsible x
    }
  }
}
`),
    ).toEqual([{ line: 5, column: 7, clause: "4", message: "expected a party name after `accountable`, found `responsible`" }]);
  });

  it("unterminated string", () => {
    const text = `agreement a {
  provision exit "A party may leave
  clause 1 { assign hr { accountable x } }
}
`;
    expect(diags(text)).toEqual([{ line: 2, column: 18, clause: undefined, message: 'unterminated string: add the closing `"` on the same line' }]);
    const ag = parse(text, "t").ast.declarations[0] as A.Agreement;
    expect(ag.items.map((i) => i.kind)).toEqual(["ProvisionDecl", "Clause"]);
  });

  it("unterminated prose and block comment", () => {
    expect(diags(`agreement a {\n  provision p """\n  text\n`)[0]).toEqual({ line: 2, column: 15, clause: undefined, message: 'unterminated text: add the closing `"""`' });
    expect(diags(`framework f { }\n/* never closed\n`)).toEqual([{ line: 2, column: 1, clause: undefined, message: "unterminated comment: add the closing `*/`" }]);
  });

  it("bad token (a stray character)", () => {
    expect(
      diags(`agreement a {
  clause 2 {
    assign hr at system where value > 1_000 # {
      accountable x
    }
  }
}
`),
    ).toEqual([{ line: 3, column: 45, clause: "2", message: "unexpected character `#`" }]);
  });

  it("`where` after `from`", () => {
    const text = `agreement a {
  clause 5 {
    assign hr at system from 2025-04-01 where value > £5 {
      accountable x
    }
  }
}
`;
    expect(diags(text)).toEqual([
      { line: 3, column: 41, clause: "5", message: "`where` must come before `from`: conditions go in the order `where`, `from`, `until`" },
    ]);
    // The conditions are still read.
    const a = ((parse(text, "t").ast.declarations[0] as A.Agreement).items[0] as A.Clause).items[0] as A.Assign;
    expect(a.conditions).toMatchObject({ where: [{ op: ">", value: { amount: 5 } }], from: { text: "2025-04-01" } });
  });

  it("`from` given twice", () => {
    expect(diags(`agreement a { assign hr from 2025-01-01 from 2025-02-01 { accountable x } }`)).toEqual([
      { line: 1, column: 41, clause: undefined, message: "`from` is given twice: write one `from` (join conditions with `and`)" },
    ]);
  });

  it("an unknown item, a stray `}` and an early end of file", () => {
    expect(diags(`framework f {\n  kind k\n  bogus thing\n}\n`)).toEqual([
      { line: 3, column: 3, clause: undefined, message: "unexpected `bogus`: expected a framework item (such as `kind`, `function` or `rule`) or `}`" },
    ]);
    expect(diags(`framework f {\n  kind k\n}\n}\nagreement a { party p kind k }\n`)).toEqual([{ line: 4, column: 1, clause: undefined, message: "unexpected `}`" }]);
    expect(diags(`agreement a {\n  clause 1 {\n    assign hr {\n      accountable x\n`)).toEqual([
      {
        line: 4,
        column: 20,
        clause: "1",
        message: "the file ends too early: expected a role line (`accountable`, `responsible`, `consulted` or `informed`) or `}`",
      },
    ]);
  });

  it("messages for obligations, selectors and dates name what is expected in words", () => {
    expect(diags(`framework f {\n  rule R { must frobnicate hr }\n}`)[0]!.message).toBe(
      "expected an obligation (such as `cover`, `deliver`, `provide` or `make accountable`) after `must`, found `frobnicate`",
    );
    expect(diags(`framework f {\n  rule R { must cover }\n}`)[0]!.message).toBe("expected a function name, `category NAME` or `all functions` after `cover`, found `}`");
    expect(diags(`agreement a {\n  term 2025-01-01 2026-01-01\n}`)[0]).toEqual({ line: 2, column: 19, clause: undefined, message: "expected `to` after `2025-01-01`, found `2026-01-01`" });
    expect(diags(`agreement a {\n  party p "P" role member\n}`)[0]!.message).toBe("expected `kind`, found `role`");
    expect(diags(`agreement a {\n  clause {\n  }\n}`)[0]!.message).toBe("expected a clause number (such as 3 or 3.1) after `clause`, found `{`");
  });

  it("invalid escapes in strings", () => {
    expect(diags(`framework f "bad \\q escape" { }`)).toEqual([
      { line: 1, column: 13, clause: undefined, message: 'invalid escape in a string: use \\", \\\\, \\n, \\t or \\uXXXX' },
    ]);
  });
});

describe("recovery", () => {
  it("reports each of several independent errors, with the right lines, in one run", () => {
    const text = `framework f {
  kind k "K"
  bogus thing
  role r
}

agreement a "A" {
  party x "X" kind k role member
  clause 3 "Title"
    assign hr at system {
      accountable x
    }
  }
  clause 4 {
    assign hr at system {
      accountable
      responsible x
    }
  }
  clause 5 {
    clause 5.1 {
      assign hr at system from 2025-01-01 where value > £5 {
        accountable x
      }
    }
  }
  clause 6 {
    assign hr @ at system {
      accountable x
    }
  }
  provision p "unterminated
  clause 7 {
    assign hr { accountable x }
  }
}
`;
    const ds = parse(text, "r.concord").diagnostics;
    expect(ds.map((d) => [d.span.line, d.clause ?? null])).toEqual([
      [3, null],
      [10, "3"],
      [17, "4"],
      [22, "5.1"],
      [28, "6"],
      [32, null],
    ]);
    expect(ds.every((d) => d.code === "syntax" && d.severity === "error" && d.span.file === "r.concord")).toBe(true);
    // What parses around the errors is kept.
    const ast = parse(text, "r.concord").ast;
    const ag = ast.declarations[1] as A.Agreement;
    expect((ast.declarations[0] as A.Framework).items.map((i) => i.kind)).toEqual(["KindDecl", "RoleDecl"]);
    expect(ag.items.map((i) => (i.kind === "Clause" ? `clause ${i.number.text}` : i.kind))).toEqual([
      "PartyDecl",
      "clause 3",
      "clause 4",
      "clause 5",
      "clause 6",
      "ProvisionDecl",
      "clause 7",
    ]);
  });

  it("resumes at the next framework or agreement after junk at the top level", () => {
    const r = parse(`garbage here ,\nframework f { kind k }\n}} more\nagreement a { party p kind k }\n`, "t");
    expect(r.diagnostics.map((d) => d.span.line)).toEqual([1, 3]);
    expect(r.ast.declarations.map((d) => d.name.text)).toEqual(["f", "a"]);
  });
});

describe("soft keywords", () => {
  it("`group`, `value`, `member`, `model`, `category`, `support` stay usable as names", () => {
    const text = `framework model "uses keywords as names" {
  levels group, place
  kind category
  role member
  role group
  category support
  dimension value: money
  dimension model: enum { group, member, value }
  function group in support {
    function value
  }
  model member { step 1 accountable must be group, kind category for category support }
  rule category { must make accountable member for group.value }
}
agreement value {
  conforms to model
  model member for group
  party group "G" kind category role member, group
  party member kind category role member
  body model "B" kind category members group, member
  clause 1 {
    assign group at place member where value > £5 and model in { group, member } {
      accountable group
      responsible member
    }
  }
  test "t" { expect accountable for group.value at place member where model = group is group }
}
`;
    const r = parse(text, "soft.concord");
    expect(r.diagnostics).toEqual([]);
    const [fw, ag] = r.ast.declarations as [A.Framework, A.Agreement];
    expect(fw.name.text).toBe("model");
    expect(fw.items.map((i) => (i as { name?: A.Name }).name?.text ?? i.kind)).toEqual([
      "Levels",
      "category",
      "member",
      "group",
      "support",
      "value",
      "model",
      "group",
      "member",
      "category",
    ]);
    const model = fw.items[9 - 1] as A.ModelDecl;
    expect(model.items[1]).toMatchObject({ roles: [{ of: "role", name: { text: "group" } }, { of: "kind", name: { text: "category" } }] });
    expect(ag.name.text).toBe("value");
    const a = (ag.items.find((i) => i.kind === "Clause") as A.Clause).items[0] as A.Assign;
    expect(a.at).toMatchObject({ level: { text: "place" }, places: [{ text: "member" }] });
    expect(a.conditions.where).toMatchObject([
      { kind: "Compare", dimension: { text: "value" } },
      { kind: "In", dimension: { text: "model" }, values: [{ text: "group" }, { text: "member" }] },
    ]);
    expect(a.roleLines.map((l) => l.parties.map((p) => p.text))).toEqual([["group"], ["member"]]);
  });

  it("dotted names are one token even when they start with a keyword", () => {
    const r = parse(`framework f { rule R { must cover model.x, category.y } }`, "t");
    expect(r.diagnostics).toEqual([]);
    const ob = ((r.ast.declarations[0] as A.Framework).items[0] as A.RuleDecl).items[0] as A.Obligation;
    expect(ob.body).toMatchObject({ kind: "Cover", selectors: [{ kind: "FunctionSelector", name: { text: "model.x" } }, { kind: "FunctionSelector", name: { text: "category.y" } }] });
  });

  it("reserved words are not names", () => {
    expect(diags(`agreement a { party assign kind k }`)[0]!.message).toBe("expected a name for the party after `party`, found `assign`");
  });
});

describe("line endings and BOM", () => {
  const text = readFileSync(new URL("../../policies/agreements/northvale-group.concord", import.meta.url), "utf8");
  const lf = parse(text, "a");
  it("CRLF parses to the same AST as LF, with the same lines", () => {
    const crlf = parse(text.replace(/\n/g, "\r\n"), "a");
    expect(crlf.diagnostics).toEqual([]);
    expect(stripSpans(crlf.ast)).toEqual(stripSpans(lf.ast));
    const lines = (r: typeof lf) => (r.ast.declarations[0] as A.Agreement).items.map((i) => [i.span.line, i.span.column, i.span.endLine, i.span.endColumn]);
    expect(lines(crlf)).toEqual(lines(lf));
  });
  it("a BOM parses to the same AST; offsets stay those of the text given", () => {
    const bom = parse("\uFEFF" + text, "a");
    expect(bom.diagnostics).toEqual([]);
    expect(stripSpans(bom.ast)).toEqual(stripSpans(lf.ast));
    const first = (r: typeof lf) => r.ast.declarations[0]!.span;
    expect(first(bom).offset).toBe(first(lf).offset + 1);
    expect(first(bom).line).toBe(first(lf).line);
  });
  it("a BOM and CRLF together", () => {
    const both = parse("\uFEFF" + text.replace(/\n/g, "\r\n"), "a");
    expect(both.diagnostics).toEqual([]);
    expect(stripSpans(both.ast)).toEqual(stripSpans(lf.ast));
  });
});

describe("dedentProse", () => {
  it("drops a blank first and last line and removes the common indentation", () => {
    expect(dedentProse("\n    a\n      b\n\n    c\n  ")).toBe("a\n  b\n\nc");
    expect(dedentProse("\r\n  x\r\n  y\r\n")).toBe("x\ny");
    expect(dedentProse("one line")).toBe("one line");
  });
});
