// The lexer shares one string per distinct identifier of a text; the table is emptied after each text.
import { describe, expect, it } from "vitest";
import { sharedIdentifierCount, tokenize } from "../../src/syntax/tokens.js";

describe("identifiers", () => {
  it("are lexed as the pattern says: dotted names, not a trailing dot, keywords typed after", () => {
    const tokens = tokenize("assign a.b c. d.1 _x9 clause").tokens.map((t) => [t.tokenType.name, t.image]);
    expect(tokens).toEqual([
      ["KwAssign", "assign"],
      ["Identifier", "a.b"],
      ["Identifier", "c"],
      ["Identifier", "d"],
      ["Integer", "1"],
      ["Identifier", "_x9"],
      ["KwClause", "clause"],
    ]);
  });

  it("leave no word behind in the shared table (a text large enough to share them), even when lexing fails on a character", () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `party_${i}`).join(" ");
    expect(words.length).toBeGreaterThan(64 * 1024);
    expect(tokenize(words).tokens).toHaveLength(10_000);
    expect(sharedIdentifierCount()).toBe(0);
    tokenize(`${words} ¤ b`);
    expect(sharedIdentifierCount()).toBe(0);
  });

  it("are the same tokens in a large text as in a small one", () => {
    const small = "assign a.b { accountable p, q } where x in { y }";
    const large = Array.from({ length: 2000 }, () => small).join("\n");
    expect(large.length).toBeGreaterThan(64 * 1024);
    const one = tokenize(small).tokens.map((t) => [t.tokenType.name, t.image]);
    const many = tokenize(large).tokens.map((t) => [t.tokenType.name, t.image]);
    expect(many).toEqual(Array.from({ length: 2000 }, () => one).flat());
  });
});
