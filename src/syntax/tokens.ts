// Tokens and lexer of the concordat language (DESIGN.md section 1, "Lexical").
//
// Keywords are soft: every keyword token belongs to the `Name` category, so the
// parser accepts it wherever a name is expected, except the few *reserved* words
// (see `reservedKeywords`) that start items or role lines and would otherwise be
// confused with a missing name. Comments are kept in the "comments" group for the
// formatter; whitespace (and a UTF-8 BOM) is skipped.
import { createToken, Lexer, type IToken, type TokenType } from "./chevrotain.js";

const IDENT = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
// The characters each pattern can start with, given rather than found by analysing the
// regular expression at every start (Chevrotain's lexer indexes patterns by first character).
const IDENT_START = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"];
const DIGITS = [..."0123456789"];

/** Category of every token that may stand for a name: identifiers and soft keywords. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });

/** The pattern of an identifier, as the grammar's reference prints it. */
export const IDENTIFIER_PATTERN = IDENT;

/**
 * One string per distinct identifier of the text being lexed (see `tokenize`): an agreement
 * names the same few parties, places and functions in thousands of clauses, and every token
 * kept its own copy of the word, each copied by the collector with the token that held it.
 */
const identifiers = new Map<string, string>();
const identifierMatch: [string] = [""];
/** Texts shorter than this keep a copy per token: the table cost more than it saved (10,000 small files: 40 ms more lexing). */
export const SHARE_IDENTIFIERS_FROM = 64 * 1024;
let sharing = false;

/** How many words the table holds (none between two calls of `tokenize`: a test checks it). */
export function sharedIdentifierCount(): number {
  return identifiers.size;
}

const IDENT_AT = new RegExp(IDENT.source, "y");

/** `IDENT` at `offset`, its word shared (a custom pattern: Chevrotain takes the image it returns). */
function matchIdentifier(text: string, offset: number): [string] | null {
  IDENT_AT.lastIndex = offset;
  if (!IDENT_AT.test(text)) return null;
  const word = text.substring(offset, IDENT_AT.lastIndex);
  let shared = word;
  if (sharing) {
    const known = identifiers.get(word);
    if (known === undefined) identifiers.set(word, word);
    else shared = known;
  }
  identifierMatch[0] = shared;
  return identifierMatch;
}

/** A plain (possibly dotted) identifier: `procurement.strategy`. */
export const Identifier = createToken({
  name: "Identifier",
  pattern: { exec: matchIdentifier },
  categories: [Name],
  start_chars_hint: IDENT_START,
  line_breaks: false,
});

/** Category of quoted strings (terminated or not; the lexer reports unterminated ones). */
export const StringTok = createToken({ name: "StringTok", pattern: Lexer.NA });

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  // U+FEFF: a byte-order mark is treated as whitespace, so offsets stay those of the text given.
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  start_chars_hint: [" ", "\t", "\r", "\n", "\f", "\v", "\uFEFF"],
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments", start_chars_hint: ["/"], line_breaks: false });
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  start_chars_hint: ["/"],
  group: "comments",
  line_breaks: true,
});
/** `/*` with no closing `*\/`: runs to the end of the file; reported by `lex`. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  start_chars_hint: ["/"],
  group: "comments",
  line_breaks: true,
});

export const Prose = createToken({
  name: "Prose",
  pattern: /"""[\s\S]*?"""/,
  start_chars_hint: ['"'],
  categories: [StringTok],
  line_breaks: true,
});
/** `"""` with no closing `"""`: runs to the end of the file; reported by `lex`. */
export const UnterminatedProse = createToken({
  name: "UnterminatedProse",
  pattern: /"""[\s\S]*/,
  start_chars_hint: ['"'],
  categories: [StringTok],
  line_breaks: true,
});
export const StringLit = createToken({
  name: "StringLit",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  start_chars_hint: ['"'],
  categories: [StringTok],
  line_breaks: false,
});
/** A string that reaches the end of its line without a closing quote; reported by `lex`. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  start_chars_hint: ['"'],
  categories: [StringTok],
  line_breaks: false,
});

export const Money = createToken({ name: "Money", pattern: /[£€$][0-9][0-9_]*/, start_chars_hint: ["£", "€", "$"], line_breaks: false });
export const DateTok = createToken({ name: "Date", pattern: /[0-9]{4}-[0-9]{2}-[0-9]{2}/, start_chars_hint: DIGITS, line_breaks: false });
export const ClauseNumberTok = createToken({ name: "ClauseNumber", pattern: /[0-9]+(?:\.[0-9]+)+/, start_chars_hint: DIGITS, line_breaks: false });
export const Integer = createToken({ name: "Integer", pattern: /[0-9][0-9_]*/, start_chars_hint: DIGITS, line_breaks: false });

export const NotEquals = createToken({ name: "NotEquals", label: '"!="', pattern: "!=", line_breaks: false });
export const LessEquals = createToken({ name: "LessEquals", label: '"<="', pattern: "<=", line_breaks: false });
export const GreaterEquals = createToken({ name: "GreaterEquals", label: '">="', pattern: ">=", line_breaks: false });
export const Equals = createToken({ name: "Equals", label: '"="', pattern: "=", line_breaks: false });
export const Less = createToken({ name: "Less", label: '"<"', pattern: "<", line_breaks: false });
export const Greater = createToken({ name: "Greater", label: '">"', pattern: ">", line_breaks: false });
export const LCurly = createToken({ name: "LCurly", label: '"{"', pattern: "{", line_breaks: false });
export const RCurly = createToken({ name: "RCurly", label: '"}"', pattern: "}", line_breaks: false });
export const Comma = createToken({ name: "Comma", label: '","', pattern: ",", line_breaks: false });
export const Colon = createToken({ name: "Colon", label: '":"', pattern: ":", line_breaks: false });

/** Keywords that are never names: they start items or role lines. */
const reservedWords = [
  "import",
  "framework",
  "agreement",
  "clause",
  "assign",
  "delegate",
  "allow",
  "expect",
  "accountable",
  "responsible",
  "consulted",
  "informed",
  "where",
  "overrides",
] as const;

/** Soft keywords: words with a meaning in some places that stay usable as names. */
const softWords = [
  "version",
  "source",
  "extends",
  "levels",
  "kind",
  "role",
  "category",
  "function",
  "functions",
  "in",
  "dimension",
  "money",
  "number",
  "enum",
  "provision",
  "model",
  "rule",
  "step",
  "must",
  "may",
  "be",
  "for",
  "requires",
  "body",
  "should",
  "cite",
  "cover",
  "deliver",
  "at",
  "make",
  "not",
  "provide",
  "review",
  "every",
  "months",
  "last",
  "most",
  "years",
  "have",
  "least",
  "parties",
  "of",
  "establish",
  "use",
  "all",
  "conforms",
  "to",
  "term",
  "party",
  "members",
  "scope",
  "from",
  "until",
  "and",
  "because",
  "test",
  "on",
  "is",
  "nobody",
  "each",
  "member",
] as const;

export type KeywordWord = (typeof reservedWords)[number] | (typeof softWords)[number];

function keywordTokenName(word: string): string {
  return "Kw" + word[0]!.toUpperCase() + word.slice(1);
}

/** Keyword tokens by their word. */
export const Kw: Record<KeywordWord, TokenType> = {} as Record<KeywordWord, TokenType>;
// Plain strings, not regular expressions: the lexer then indexes them by first character
// without analysing a regular expression per keyword at every start.
for (const w of reservedWords) {
  Kw[w] = createToken({ name: keywordTokenName(w), label: `"${w}"`, pattern: w, longer_alt: Identifier, line_breaks: false });
}
for (const w of softWords) {
  // The label is what railroad diagrams show: the word a reader types.
  Kw[w] = createToken({ name: keywordTokenName(w), label: `"${w}"`, pattern: w, longer_alt: Identifier, categories: [Name], line_breaks: false });
}

export const reservedKeywords: ReadonlySet<string> = new Set(reservedWords);
export const softKeywords: ReadonlySet<string> = new Set(softWords);
/** Every keyword word (reserved and soft). */
export const keywords: ReadonlySet<string> = new Set([...reservedWords, ...softWords]);

// Longer words first where one keyword is a prefix of another (`function`/`functions`,
// `member`/`members`, `in`/`informed`…), for a lexer given every token (the definition checks).
const keywordTokens = [...reservedWords, ...softWords]
  .slice()
  .sort((a, b) => b.length - a.length)
  .map((w) => Kw[w as KeywordWord]);

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  Prose,
  UnterminatedProse,
  StringLit,
  UnterminatedString,
  Money,
  DateTok,
  ClauseNumberTok,
  Integer,
  NotEquals,
  LessEquals,
  GreaterEquals,
  Equals,
  Less,
  Greater,
  LCurly,
  RCurly,
  Comma,
  Colon,
  ...keywordTokens,
  Identifier,
  // Categories (pattern NA) are listed so the parser knows them.
  Name,
  StringTok,
];

/** The lexer's options; its definition checks run in test/syntax/grammar.test.ts, not at every start. */
export const lexerOptions = {
  // Offsets only: smaller tokens, made faster; lines and columns come from a LineIndex.
  positionTracking: "onlyOffset",
  ensureOptimizations: false,
  recoveryEnabled: true,
  skipValidations: true,
} as const;

/**
 * What the lexer matches: every token but the keywords. A keyword is an identifier whose
 * whole text is the word (as `longer_alt: Identifier` would decide), so `tokenize` gives it
 * its keyword type after lexing: one pattern tried per word instead of every keyword that
 * starts with its first letter, and a lexer built at every start from 26 patterns, not 101.
 */
export const lexerTokens: TokenType[] = allTokens.filter((t) => !keywordTokens.includes(t));

export const lexer = new Lexer(lexerTokens, lexerOptions);

const keywordByWord: ReadonlyMap<string, TokenType> = new Map(Object.entries(Kw));

/** The tokens of a text, keywords typed as such (see `lexerTokens`). */
export function tokenize(text: string): ReturnType<Lexer["tokenize"]> {
  try {
    return lexPiece(text, 0, text.length >= SHARE_IDENTIFIERS_FROM);
  } finally {
    forgetIdentifiers();
  }
}

/**
 * The tokens of `piece`, a part of a larger text that starts at `base` in it (offsets are the
 * larger text's), keywords typed as such; with `shareIdentifiers`, the words are shared with
 * the pieces lexed before, until `forgetIdentifiers` (see src/syntax/token-stream.ts).
 */
export function lexPiece(piece: string, base: number, shareIdentifiers: boolean): ReturnType<Lexer["tokenize"]> {
  let lexed: ReturnType<Lexer["tokenize"]>;
  sharing = shareIdentifiers;
  try {
    lexed = lexer.tokenize(piece);
  } finally {
    sharing = false;
  }
  const tokens = lexed.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (base !== 0) shift(t, base);
    if (t.tokenType !== Identifier) continue;
    const keyword = keywordByWord.get(t.image);
    if (keyword !== undefined) {
      t.tokenType = keyword;
      t.tokenTypeIdx = keyword.tokenTypeIdx!;
    }
  }
  if (base !== 0) {
    for (const group of Object.values(lexed.groups)) for (const t of group) shift(t, base);
    for (const e of lexed.errors) e.offset += base;
  }
  return lexed;
}

/** A token of a piece, placed in the whole text. */
function shift(t: IToken, base: number): void {
  t.startOffset += base;
  if (t.endOffset !== undefined) t.endOffset += base;
}

/** Empties the table of shared words: the tokens own them now, and it would keep a text's words alive after it. */
export function forgetIdentifiers(): void {
  identifiers.clear();
}
