// A text lexed a piece at a time, as the parser reads it. Lexed whole, a file of 160,000
// assignments was 4.3 million tokens (310 MB) alive at once before the parser read the first,
// each copied twice by the collector on its way to the old generation; a piece's tokens are let
// go a few items after the parser has read them (ConcordParser.releaseTokensBehind).
//
// A piece ends just after a line break. Only a prose block (`"""`) and a block comment can hold
// a line break, so every other token lies wholly in one piece; a piece whose last token is one of
// these two left open (it ran to the end of the piece) is lexed again, longer, until it is closed
// or reaches the end of the text. The tokens, comments and errors are then the ones of the whole
// text lexed at once, in the same order.
import type { ILexingError, IToken } from "./chevrotain.js";
import { forgetIdentifiers, lexPiece, SHARE_IDENTIFIERS_FROM, UnterminatedBlockComment, UnterminatedProse, UnterminatedString } from "./tokens.js";

/** Characters per piece, about 10,000 tokens. */
const PIECE = 64 * 1024;

export class TokenStream {
  /** The tokens lexed so far (the parser reads this list as it grows). */
  readonly tokens: IToken[] = [];
  /** The comments lexed so far. */
  readonly comments: IToken[] = [];
  /** The characters lexed so far that start no token. */
  readonly errors: ILexingError[] = [];
  /** The strings and prose blocks lexed so far that are left open, and the comments. */
  readonly unterminatedTokens: IToken[] = [];
  readonly unterminatedComments: IToken[] = [];
  /** Where the text not yet lexed starts. */
  private lexedTo = 0;
  private readonly shareIdentifiers: boolean;

  constructor(
    private readonly text: string,
    private readonly piece = PIECE,
  ) {
    this.shareIdentifiers = text.length >= SHARE_IDENTIFIERS_FROM;
  }

  /** Whether the whole text is lexed. */
  get done(): boolean {
    return this.lexedTo >= this.text.length;
  }

  /** Lexes the next piece; false when there was none left. */
  more(): boolean {
    if (this.done) return false;
    const from = this.lexedTo;
    for (let length = this.piece; ; length *= 2) {
      const to = this.pieceEnd(from, length);
      const lexed = lexPiece(this.text.slice(from, to), from, this.shareIdentifiers);
      const comments = lexed.groups["comments"] ?? [];
      if (to < this.text.length && (leftOpen(lexed.tokens) || leftOpen(comments))) continue;
      // Indexed loops: these run once per token, mostly before the engine has optimised them.
      for (let i = 0; i < lexed.tokens.length; i++) {
        const t = lexed.tokens[i]!;
        this.tokens.push(t);
        if (t.tokenType === UnterminatedString || t.tokenType === UnterminatedProse) this.unterminatedTokens.push(t);
      }
      for (let i = 0; i < comments.length; i++) {
        const t = comments[i]!;
        this.comments.push(t);
        if (t.tokenType === UnterminatedBlockComment) this.unterminatedComments.push(t);
      }
      for (let i = 0; i < lexed.errors.length; i++) this.errors.push(lexed.errors[i]!);
      this.lexedTo = to;
      if (this.done) this.close();
      return true;
    }
  }

  /** Lexes the rest of the text. */
  drain(): void {
    while (this.more());
  }

  /** Just after the first line break at least `length` characters after `from`, or the end of the text. */
  private pieceEnd(from: number, length: number): number {
    if (from + length >= this.text.length) return this.text.length;
    const lineBreak = this.text.indexOf("\n", from + length);
    return lineBreak < 0 ? this.text.length : lineBreak + 1;
  }

  /** Lets go of the words the pieces shared (see tokens.ts): at the end, or when the parse stops early. */
  close(): void {
    forgetIdentifiers();
  }
}

/** Whether the last of these tokens is a prose block or block comment that ran to the end of its piece. */
function leftOpen(tokens: readonly IToken[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.tokenType === UnterminatedProse || last.tokenType === UnterminatedBlockComment);
}
