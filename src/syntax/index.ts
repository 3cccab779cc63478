// The syntax stage's public API: text → AST and `syntax` diagnostics. Never throws.
import { EOF, tokenMatcher, type IRecognitionException, type IToken } from "./chevrotain.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Clause, AgreementItem, SourceFile, Span } from "./ast.js";
import { parser, showToken, type ParseNode } from "./parser.js";
import { AstBuilder, wholeSpan } from "./to-ast.js";
import { plainSpan } from "./plain-span.js";
import { describeCharacter, needsDescription } from "./characters.js";
import { Kw, LCurly, RCurly, tokenize, UnterminatedProse, UnterminatedString } from "./tokens.js";
import { TokenStream } from "./token-stream.js";

export type * from "./ast.js";
export { dedentProse } from "./to-ast.js";
export { keywords, reservedKeywords, softKeywords } from "./tokens.js";
export { serializedGrammar } from "./parser.js";
// The EBNF reference (`./grammar-ebnf.js`) is imported where it is needed: a check never needs it.
export { tokenize } from "./tokens.js";

export interface ParseResult {
  ast: SourceFile;
  diagnostics: Diagnostic[];
  /** Where the parser stopped reading, after MAX_RECOVERED_ERRORS errors (the rest of the file is not in the tree). */
  stoppedAt?: Span;
}

/**
 * The parser recovers from this many errors in a file, then stops: a file of thousands of
 * errors in a row took the square of its length (and ran out of stack), and only the first
 * hundred are reported (src/semantics/load.ts).
 */
export const MAX_RECOVERED_ERRORS = 300;

export interface ParseOptions {
  /**
   * Convert each agreement and framework item to its AST as soon as it is parsed (the
   * default: its parse nodes die young). `false` keeps the whole parse tree and converts it
   * at the end: the same result, which the tests compare against.
   */
  itemsAsParsed?: boolean;
  /**
   * Throw `ParserStackOverflow` when the parser runs out of stack, instead of reporting it:
   * for a caller that can parse again with a larger stack (the loader, see src/cli/main.ts).
   */
  throwOnStackOverflow?: boolean;
  /**
   * Characters per piece of the text lexed as the parser reads it (src/syntax/token-stream.ts);
   * the tests give small ones, and `Infinity` to lex the text whole. The result is the same.
   */
  lexedPiece?: number;
}

/**
 * The parser ran out of stack. Deep nesting is sent to the large-stack thread before parsing
 * (src/semantics/load.ts), and the error budget bounds recovery (which re-enters a repetition a
 * few frames deeper per error: 4,000 lines of one mistake in a row did it before the budget);
 * whatever still exhausts the stack is read again there too.
 */
export class ParserStackOverflow extends Error {
  constructor() {
    super("the parser ran out of stack");
    this.name = "ParserStackOverflow";
  }
}

function isStackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack/i.test(e.message);
}

/** Parse one .concord file. `file` is only recorded in spans. Never throws. */
export function parse(text: string, file: string, options: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(String(text ?? ""), file, options.itemsAsParsed !== false, options.lexedPiece);
  } catch (e) {
    if (isStackOverflow(e) && options.throwOnStackOverflow) throw new ParserStackOverflow();
    const span = wholeSpan(file, String(text ?? ""));
    const message = isStackOverflow(e)
      ? "The parser ran out of stack reading this file: it nests too deeply, or has too many errors in a row. Correct the first errors and check it again."
      : `internal error: the parser could not read this file (${e instanceof Error ? e.message : String(e)})`;
    return {
      ast: { kind: "SourceFile", imports: [], declarations: [], comments: [], span },
      diagnostics: [
        {
          code: "syntax",
          severity: "error",
          message,
          span: { ...plainSpan(span), endOffset: 0, endLine: 1, endColumn: 1 },
        },
      ],
    };
  }
}

function parseUnsafe(text: string, file: string, itemsAsParsed: boolean, lexedPiece: number | undefined): ParseResult {
  const diagnostics: Diagnostic[] = [];
  // Lexed as the parser reads it (see token-stream.ts); the lexer's own findings are reported
  // once the whole text is lexed, after the parse.
  const lexed = new TokenStream(text, lexedPiece);
  const builder = new AstBuilder(file, text);
  while (lexed.tokens.length === 0 && lexed.more());

  // Parse. If the parser stops before the end, the usual cause is a block closed too
  // early by an earlier error: the items that follow are parsed as further items of
  // the last framework or agreement (no second error for the stray `}`); otherwise
  // the parser resumes at the next top-level keyword.
  const roots: ParseNode[] = [];
  const parserErrors: IRecognitionException[] = [];
  let tokens = lexed.tokens;
  let lastDecl: ParseNode | undefined;
  let hadErrors = false;
  let stoppedEarly = false;
  // Items become syntax trees as soon as they are parsed (see ConcordParser.onItem).
  // While the parse is clean, the tokens well behind the parser are let go after each item
  // (see ConcordParser.releaseTokensBehind): 160,000 assignments are 4 million tokens, which
  // otherwise lived to the end of the parse beside the syntax trees made of them.
  let released = 0;
  const firstPass = lexed.tokens;
  parser.onItem = itemsAsParsed
    ? (item) => {
        const converted = builder.convertItem(item);
        if (parser.input === firstPass && parser.clean) released = parser.releaseTokensBehind(released);
        return converted;
      }
    : undefined;
  try {
    for (let guard = 0; guard < 100_000 && tokens.length > 0; guard++) {
      // Only a first parse from the top reads the text as it is lexed; what follows an error reads the whole list.
      if (guard > 0 || !isTopLevelStart(tokens[0]!)) lexed.drain();
      let errs: IRecognitionException[];
      let consumedTo: number;
      let lastParsedOffset = -1;
      if (!isTopLevelStart(tokens[0]!) && lastDecl && hadErrors && startsItemOf(lastDecl.name, tokens[0]!)) {
        parser.input = tokens;
        parser.recoveryBudget = Math.max(1, MAX_RECOVERED_ERRORS - parserErrors.length);
        const item = (lastDecl.name === "agreement" ? parser.agreementItem() : parser.frameworkItem()) as unknown as ParseNode | undefined;
        errs = [...parser.errors];
        stoppedEarly ||= parser.stoppedEarly;
        const key = lastDecl.name === "agreement" ? "agreementItem" : "frameworkItem";
        if (item) {
          // Not added to its first and last tokens: the declaration's span stays what was parsed.
          lastDecl.kids.push(key, item);
          lastParsedOffset = firstOffset(item);
        }
      } else if (!isTopLevelStart(tokens[0]!)) {
        // Junk at the top level: one error (unless it follows an earlier error), then skip it.
        if (!hadErrors) parserErrors.push(notAllParsed(tokens[0]!));
        let next = 1;
        while (next < tokens.length && !isTopLevelStart(tokens[next]!) && !(lastDecl && hadErrors && startsItemOf(lastDecl.name, tokens[next]!))) next++;
        tokens = tokens.slice(next);
        continue;
      } else {
        if (tokens === firstPass) parser.readFrom(lexed);
        else parser.input = tokens;
        parser.recoveryBudget = Math.max(1, MAX_RECOVERED_ERRORS - parserErrors.length);
        const cst = parser.sourceFile() as unknown as ParseNode | undefined;
        errs = [...parser.errors];
        stoppedEarly ||= parser.stoppedEarly;
        if (cst) {
          roots.push(cst);
          const decls = [...builder.subs(cst, "framework"), ...builder.subs(cst, "agreement")];
          const last = decls.sort((a, b) => firstOffset(b) - firstOffset(a))[0];
          if (last) {
            lastDecl = last;
            hadErrors = false;
            lastParsedOffset = firstOffset(last);
          }
        }
      }
      // The parser stopped at the top level: either "not all input parsed", or a mismatch in
      // the top-level repetition (whose recovery skips to the end of the file).
      // Only the last such error matters, and only when nothing was parsed after it.
      const topLevel = errs.filter((e) => e.name === "NotAllInputParsedException" || (e.context?.ruleStack?.length ?? 0) <= 1);
      let stop: IRecognitionException | undefined = topLevel[topLevel.length - 1];
      if (stop && lastParsedOffset > stop.token.startOffset) stop = undefined;
      const real = errs.filter((e) => e !== stop);
      for (const item of real) parserErrors.push(item);
      if (real.length > 0) hadErrors = true;
      if (!stop || stoppedEarly) break;
      consumedTo = tokens.findIndex((t) => t.startOffset === stop.token.startOffset);
      if (consumedTo <= 0) consumedTo = 1; // always make progress
      tokens = tokens.slice(consumedTo);
    }
    // The lexer's findings, the comments and the braces below read the whole text's tokens.
    lexed.drain();
  } finally {
    lexed.close();
    parser.onItem = undefined;
    parser.recoveryBudget = Number.POSITIVE_INFINITY;
    // The shared parser would otherwise keep this file's tokens alive.
    parser.input = [];
  }

  reportLexerFindings(lexed, builder, text, diagnostics);
  const lastToken = lexed.tokens[lexed.tokens.length - 1];
  for (const e of parserErrors) {
    const t = e.token;
    let span: Span;
    if (t && !tokenMatcher(t, EOF) && validPos(t.startOffset) && !t.isInsertedInRecovery) {
      span = builder.tokenSpan(t);
    } else {
      span = endOfFileSpan(file, builder, lastToken);
    }
    diagnostics.push({ code: "syntax", severity: "error", message: e.message || "syntax error", span });
  }

  const ast = builder.sourceFile(roots, lexed.comments);
  for (const item of builder.diagnostics) diagnostics.push(item);

  // One diagnostic per offending position (recovery may report a fault more than once).
  const unique: Diagnostic[] = [];
  const seen = new Set<number>();
  for (const d of diagnostics.sort((a, b) => a.span.offset - b.span.offset)) {
    if (seen.has(d.span.offset)) continue;
    seen.add(d.span.offset);
    unique.push(d);
  }
  // The braces are counted from the first token: lexed again if the parse let some go.
  pointAtUnclosedBraces(unique, () => (released > 0 ? tokenize(text).tokens : lexed.tokens), builder, text);
  const clauses = collectClauses(ast);
  const endOfTokens = lastToken ? lastToken.startOffset + lastToken.image.length : 0;
  for (const d of unique) {
    // An error at the end of the file lies in every clause left open there.
    const c = innermostClause(clauses, d.span.offset, d.span.offset >= endOfTokens);
    if (c) d.clause = c;
  }
  if (!stoppedEarly) return { ast, diagnostics: unique };
  const last = unique.filter((d) => d.code === "syntax").pop();
  return { ast, diagnostics: unique, stoppedAt: last?.span ?? wholeSpan(file, text) };
}

/** The lexer's findings: characters that start no token, and strings, prose and comments left open. */
function reportLexerFindings(lexed: TokenStream, builder: AstBuilder, text: string, diagnostics: Diagnostic[]): void {
  for (const e of lexed.errors) {
    const offset = validPos(e.offset) ? e.offset : 0;
    const length = Math.max(1, validPos(e.length) ? e.length : 1);
    const chars = text.slice(offset, offset + length);
    diagnostics.push({ code: "syntax", severity: "error", message: unexpectedCharacters(chars), span: builder.spanAt(offset, offset + length) });
  }
  for (const t of [...lexed.unterminatedTokens, ...lexed.unterminatedComments]) {
    let message: string;
    if (t.tokenType === UnterminatedString) message = "unterminated string: add the closing `\"` on the same line";
    else if (t.tokenType === UnterminatedProse) message = 'unterminated text: add the closing `"""`';
    else message = "unterminated comment: add the closing `*/`";
    const s = builder.tokenSpan(t);
    // Point at the opening quote or `/*`, not at the rest of the file.
    const openLen = t.tokenType === UnterminatedString ? 1 : Math.min(3, t.image.length);
    diagnostics.push({ code: "syntax", severity: "error", message, span: { ...plainSpan(s), endOffset: s.offset + openLen, endLine: s.line, endColumn: s.column + openLen } });
  }
}

/**
 * "The file ends too early" is reported at the end of the file, far from the cause: the
 * error also points at each `{` left open (innermost first, at most three), with the words
 * before it (`clause 3 "Corporate services" {`).
 */
function pointAtUnclosedBraces(diagnostics: Diagnostic[], allTokens: () => IToken[], builder: AstBuilder, text: string): void {
  const atEnd = diagnostics.filter((d) => d.message.startsWith("the file ends too early"));
  if (atEnd.length === 0) return;
  const tokens = allTokens();
  // A `}` closes the open `{` whose line is indented as the `}` is, when there is one: the
  // braces skipped over are the ones left open (people indent; counting alone would blame
  // the outermost block for a clause's missing `}`).
  const indent = (offset: number): number => {
    const start = text.lastIndexOf("\n", offset - 1) + 1;
    let i = start;
    while (text[i] === " " || text[i] === "\t") i++;
    return i - start;
  };
  const open: { token: number; indent: number }[] = [];
  const unclosed: number[] = [];
  tokens.forEach((t, i) => {
    if (tokenMatcher(t, LCurly)) open.push({ token: i, indent: indent(t.startOffset) });
    else if (tokenMatcher(t, RCurly)) {
      const own = indent(t.startOffset);
      const firstOnLine = own === t.startOffset - (text.lastIndexOf("\n", t.startOffset - 1) + 1);
      let at = open.length - 1;
      if (firstOnLine) {
        const match = open.findLastIndex((o) => o.indent === own);
        if (match >= 0) at = match;
      }
      if (at < 0) return;
      for (const item of open.splice(at + 1).map((o) => o.token)) unclosed.push(item);
      open.pop();
    }
  });
  for (const item of open.map((o) => o.token)) unclosed.push(item);
  if (unclosed.length === 0) return;
  const related = unclosed
    .sort((a, b) => a - b)
    .slice(-3)
    .reverse()
    .map((i) => {
      let from = i;
      while (from > 0 && i - from < 4 && builder.lines.line(tokens[from - 1]!.startOffset) === builder.lines.line(tokens[i]!.startOffset) && !tokenMatcher(tokens[from - 1]!, LCurly) && !tokenMatcher(tokens[from - 1]!, RCurly)) from--;
      const words = tokens
        .slice(from, i + 1)
        .map((t) => t.image)
        .join(" ");
      const shown = words.length > 60 ? `${words.slice(0, 57)}… {` : words;
      return { span: builder.tokenSpan(tokens[i]!), message: `\`${shown}\` is opened here and never closed` };
    });
  for (const d of atEnd) d.related = [...(d.related ?? []), ...related];
}

const agreementItemStarts = ["conforms", "model", "term", "review", "party", "body", "function", "scope", "provision", "clause", "assign", "delegate", "allow", "test"] as const;
const frameworkItemStarts = ["version", "source", "extends", "levels", "kind", "role", "category", "function", "dimension", "provision", "model", "rule"] as const;

function startsItemOf(declaration: string, t: IToken): boolean {
  const starts = declaration === "agreement" ? agreementItemStarts : frameworkItemStarts;
  return starts.some((w) => tokenMatcher(t, Kw[w]));
}

function firstOffset(n: ParseNode): number {
  const o = n.first?.startOffset;
  return validPos(o) ? o : -1;
}

/** The error for a token the top level cannot start with. */
function notAllParsed(t: IToken): IRecognitionException {
  const message = t.image === "}" ? "unexpected `}`" : `unexpected ${showToken(t)}: expected \`import\`, \`framework\` or \`agreement\``;
  return { name: "NotAllInputParsedException", message, token: t, resyncedTokens: [], context: { ruleStack: [], ruleOccurrenceStack: [] } };
}

function isTopLevelStart(t: IToken): boolean {
  return tokenMatcher(t, Kw.import) || tokenMatcher(t, Kw.framework) || tokenMatcher(t, Kw.agreement);
}

function validPos(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0;
}

/** `unexpected character U+00A0 no-break space; type a plain space instead`, or the character itself when it is plain ASCII. */
function unexpectedCharacters(chars: string): string {
  const first = String.fromCodePoint(chars.codePointAt(0) ?? 0xfffd);
  const count = [...chars].length;
  if (needsDescription(first)) {
    const what = describeCharacter(first);
    return count === 1 ? `unexpected character ${what}` : `unexpected characters, starting with ${what}`;
  }
  return count === 1 ? `unexpected character \`${printable(chars)}\`` : `unexpected characters \`${printable(chars)}\``;
}

function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0")).replace(/`/g, "'");
}

/** A one-character span just after the last token (where something was expected), or at the file's start. */
function endOfFileSpan(file: string, builder: AstBuilder, last: IToken | undefined): Span {
  if (!last || !validPos(last.startOffset)) return { file, offset: 0, endOffset: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const { endOffset: offset, endLine, endColumn } = builder.tokenSpan(last);
  return { file, offset, endOffset: offset, line: endLine, column: endColumn, endLine, endColumn };
}

interface ClauseRange {
  number: string;
  offset: number;
  endOffset: number;
  depth: number;
}

function collectClauses(ast: SourceFile): ClauseRange[] {
  const out: ClauseRange[] = [];
  const walk = (items: AgreementItem[], depth: number) => {
    for (const it of items) {
      if (it.kind === "Clause") {
        const c = it as Clause;
        out.push({ number: c.number.text, offset: c.span.offset, endOffset: c.span.endOffset, depth });
        walk(c.items, depth + 1);
      }
    }
  };
  for (const d of ast.declarations) if (d.kind === "Agreement") walk(d.items, 0);
  return out;
}

function innermostClause(clauses: ClauseRange[], offset: number, atEnd: boolean): string | undefined {
  let best: ClauseRange | undefined;
  for (const c of clauses) {
    const inside = offset >= c.offset && (offset < c.endOffset || (atEnd && offset === c.endOffset));
    if (inside && (!best || c.depth > best.depth)) best = c;
  }
  return best?.number;
}
