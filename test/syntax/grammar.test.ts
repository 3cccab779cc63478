// grammar/concordat.ebnf and the parser must agree, production by production
// (comments and whitespace ignored). Regenerate with `npm run grammar`.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammarToEbnf, normaliseEbnf, readEbnf, renderEbnfFile, tokenProductions } from "../../src/syntax/grammar-ebnf.js";
import { serializedGrammar } from "../../src/syntax/index.js";

const fileText = readFileSync(new URL("../../grammar/concordat.ebnf", import.meta.url), "utf8");
const inFile = readEbnf(fileText);

describe("grammar/concordat.ebnf", () => {
  it("has exactly the parser's rules and token classes, in order", () => {
    expect(inFile.map((p) => p.name)).toEqual([...grammarToEbnf().map((p) => p.name), ...tokenProductions().map((p) => p.name)]);
  });
  it.each([...grammarToEbnf(), ...tokenProductions()].map((p) => [p.name, p.body]))("production %s matches the parser", (name, body) => {
    const entry = inFile.find((p) => p.name === name);
    expect(entry, `${name} is missing from grammar/concordat.ebnf`).toBeDefined();
    expect(normaliseEbnf(entry!.body)).toBe(normaliseEbnf(body));
  });
  it("describes every production in a comment", () => {
    for (const p of inFile) {
      expect(p.comment, p.name).toMatch(/^\(\*/);
      expect(p.comment, p.name).not.toMatch(/to be described/);
    }
  });
  it("is what `npm run grammar` writes", () => {
    expect(renderEbnfFile(fileText)).toBe(fileText);
  });
  it("detects a disagreement", () => {
    const broken = fileText.replace('"term" DATE "to" DATE', '"term" DATE DATE');
    expect(broken).not.toBe(fileText);
    const term = readEbnf(broken).find((p) => p.name === "termItem")!;
    expect(normaliseEbnf(term.body)).not.toBe(normaliseEbnf(grammarToEbnf().find((p) => p.name === "termItem")!.body));
  });
  it("the serialised grammar covers every rule of the parser", () => {
    const names = serializedGrammar().map((r) => (r as unknown as { name: string }).name);
    expect(names).toContain("assign");
    expect(names).toContain("expect");
    expect(names.length).toBe(grammarToEbnf().length);
  });
});

describe("grammar/concordat.tmLanguage.json", () => {
  const tm = JSON.parse(readFileSync(new URL("../../grammar/concordat.tmLanguage.json", import.meta.url), "utf8"));
  const regexes: string[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") {
      for (const [k, v] of Object.entries(x)) {
        if ((k === "match" || k === "begin" || k === "end") && typeof v === "string") regexes.push(v);
        else walk(v);
      }
    }
  };
  walk(tm);
  it("is a TextMate grammar for .concord files whose patterns compile", () => {
    expect(tm.scopeName).toBe("source.concord");
    expect(tm.fileTypes).toEqual(["concord"]);
    for (const r of regexes) expect(() => new RegExp(r, "u")).not.toThrow();
  });
  it("highlights every keyword of the language", async () => {
    const { keywords } = await import("../../src/syntax/index.js");
    const all = regexes.join("\n");
    for (const k of keywords) expect(all, k).toMatch(new RegExp(`[(|]${k}[|)]|\\\\b${k}\\\\b`));
  });
  it("highlights comments, prose, strings, money, dates and clause numbers", () => {
    const repo = tm.repository;
    expect(new RegExp(repo.money.match, "u").exec("£1_000_000")?.[0]).toBe("£1_000_000");
    expect(new RegExp(repo.dates.match).exec("term 2025-04-01 to")?.[0]).toBe("2025-04-01");
    expect(new RegExp(repo["clause-number"].patterns[1].match).exec("overrides 10.2.4")?.[0]).toBe("10.2.4");
    expect(repo.prose.begin).toBe('"""');
    expect(repo.comments.patterns.map((p: { name: string }) => p.name)).toEqual(["comment.line.double-slash.concord", "comment.block.concord"]);
  });
});

describe("the parser's grammar", () => {
  // The shared parser skips Chevrotain's grammar checks to start faster; they run here.
  it("passes Chevrotain's checks (ambiguities, left recursion, …)", async () => {
    const { ConcordParser } = await import("../../src/syntax/parser.js");
    expect(() => new ConcordParser({ validate: true })).not.toThrow();
  });
  it("recovers with the follow sets Chevrotain computes when it builds a parser (the shared one takes them on first use)", async () => {
    const { ConcordParser } = await import("../../src/syntax/parser.js");
    type Follows = { resyncFollows: Record<string, unknown[]>; getFollowSetFromFollowKey(key: { ruleName: string; idxInCallingRule: number; inRule: string }): unknown[] };
    const eager = new ConcordParser({ eagerFollows: true }) as unknown as Follows;
    const lazy = new ConcordParser() as unknown as Follows;
    const names = Object.keys(eager.resyncFollows);
    expect(names.length).toBeGreaterThan(50);
    expect(lazy.resyncFollows).toEqual({});
    // A follow key names the rule referenced, its occurrence and the rule it is in ("<rule><n>_~IN~_<rule>").
    const [, ruleName, idx, inRule] = /^(.*?)(\d+)_~IN~_(.*)$/.exec(names[0]!)!;
    expect(lazy.getFollowSetFromFollowKey({ ruleName: ruleName!, idxInCallingRule: Number(idx), inRule: inRule! })).toEqual(eager.resyncFollows[names[0]!]);
    expect(lazy.resyncFollows).toEqual(eager.resyncFollows);
  });
  it("the lexer's token definitions pass Chevrotain's checks (the shared lexer skips them)", async () => {
    const { Lexer } = await import("../../src/syntax/chevrotain.js");
    const { allTokens, lexerTokens, lexerOptions } = await import("../../src/syntax/tokens.js");
    for (const tokens of [lexerTokens, allTokens]) {
      const checked = new Lexer(tokens, { ...lexerOptions, skipValidations: false });
      expect(checked.lexerDefinitionErrors).toEqual([]);
    }
  });
  it("types keywords after lexing exactly as a lexer of every keyword (longer_alt) would", async () => {
    const { Lexer } = await import("../../src/syntax/chevrotain.js");
    const { allTokens, keywords, lexerOptions, tokenize } = await import("../../src/syntax/tokens.js");
    const everyKeyword = new Lexer(allTokens, lexerOptions);
    const word = fc.oneof(
      fc.constantFrom(...keywords),
      fc.constantFrom(...keywords).map((k) => k + "s"),
      fc.constantFrom(...keywords).map((k) => k.slice(0, -1)),
      fc.constantFrom(...keywords).map((k) => `${k}.${k}`),
      fc.constantFrom("x", "in2", "_in", "2025-04-01", "3.1", "£5", "{", "}", '"in"', "// in", "/* for */", "\n", "=", ","),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.constantFrom(" ", "", "\n"), (ws, sep) => {
        const text = ws.join(sep);
        const types = (ts: { tokenType: { name: string }; tokenTypeIdx: number; image: string; startOffset: number }[]) =>
          ts.map((t) => `${t.startOffset}:${t.image}:${t.tokenType.name}:${t.tokenTypeIdx}`);
        const ours = tokenize(text);
        const theirs = everyKeyword.tokenize(text);
        expect(types(ours.tokens)).toEqual(types(theirs.tokens));
        expect(ours.errors.length).toBe(theirs.errors.length);
      }),
    );
  });
  it("the checks do run: a parser with an ambiguous rule is rejected", async () => {
    const { CstParser } = await import("../../src/syntax/chevrotain.js");
    const { allTokens, Identifier } = await import("../../src/syntax/tokens.js");
    class Broken extends CstParser {
      constructor() {
        super(allTokens, { skipValidations: false });
        this.RULE("twice", () => {
          this.OR([{ ALT: () => this.CONSUME1(Identifier) }, { ALT: () => this.CONSUME2(Identifier) }]);
        });
        this.performSelfAnalysis();
      }
    }
    expect(() => new Broken()).toThrow(/ambigu/i);
  });
});
