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

  it("leave no word behind in the shared table, even when lexing fails on a character", () => {
    const words = Array.from({ length: 5000 }, (_, i) => `party_${i}`).join(" ");
    expect(tokenize(words).tokens).toHaveLength(5000);
    expect(sharedIdentifierCount()).toBe(0);
    tokenize("a ¤ b");
    expect(sharedIdentifierCount()).toBe(0);
  });
});
