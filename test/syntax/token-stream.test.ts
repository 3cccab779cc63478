// The lexer run a piece at a time (src/syntax/token-stream.ts) against the lexer run on the
// whole text: the same tokens, comments and errors, at the same offsets, in the same order,
// whatever the pieces cut through (prose blocks and block comments hold line breaks).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IToken } from "../../src/syntax/chevrotain.js";
import { TokenStream } from "../../src/syntax/token-stream.js";
import { sharedIdentifierCount, tokenize, UnterminatedBlockComment, UnterminatedProse, UnterminatedString } from "../../src/syntax/tokens.js";

const word = fc.constantFrom("clause", "x.y", "£1_000", "2025-01-01", "3.1", "{", "}", '"a b"', '"', '"""', '"""prose\nmore"""', "/*", "*/", "/* a\nb */", "// note", "@", "é", "\n", "\r\n", " ", "  ");
const text = fc.array(word, { maxLength: 60 }).map((ws) => ws.join(""));

const shape = (ts: readonly IToken[]) => ts.map((t) => [t.image, t.startOffset, t.endOffset, t.tokenType.name]);

function streamed(s: string, piece: number): TokenStream {
  const stream = new TokenStream(s, piece);
  stream.drain();
  return stream;
}

describe("a text lexed a piece at a time", () => {
  it("gives the tokens, comments and errors of the text lexed whole", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 40 }), (s, piece) => {
        const whole = tokenize(s);
        const stream = streamed(s, piece);
        expect(shape(stream.tokens)).toEqual(shape(whole.tokens));
        expect(shape(stream.comments)).toEqual(shape(whole.groups["comments"] ?? []));
        expect(stream.errors.map((e) => [e.offset, e.length])).toEqual(whole.errors.map((e) => [e.offset, e.length]));
        expect(stream.unterminatedTokens).toEqual(stream.tokens.filter((t) => t.tokenType === UnterminatedString || t.tokenType === UnterminatedProse));
        expect(stream.unterminatedComments).toEqual(stream.comments.filter((t) => t.tokenType === UnterminatedBlockComment));
      }),
    );
  });

  it("lexes a prose block across many pieces once, whole", () => {
    const s = `clause 1 """${"line\n".repeat(50)}""" x\n`;
    const stream = streamed(s, 4);
    expect(stream.tokens.map((t) => t.tokenType.name)).toEqual(["KwClause", "Integer", "Prose", "Identifier"]);
  });

  it("shares no words once the text is lexed, or when it is let go part way", () => {
    const long = "clause party_name other_name\n".repeat(4000);
    streamed(long, 1000);
    expect(sharedIdentifierCount()).toBe(0);
    const partWay = new TokenStream(long, 1000);
    partWay.more();
    partWay.close();
    expect(sharedIdentifierCount()).toBe(0);
  });
});
