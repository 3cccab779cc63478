// Chevrotain, loaded from its single-file build. The package's entry point (`lib/src/api.js`)
// imports lodash-es as some 640 separate modules, which costs half a second at every start;
// the same release ships `lib/chevrotain.mjs`, one file with the same exports. Its "exports"
// map only exposes ".", so the file is found next to the resolved entry point (this works
// wherever chevrotain is installed: here, or as a dependency of a dependant's project).
// Types still come from the package's declarations.
type Chevrotain = typeof import("chevrotain");

const bundleUrl = new URL("../chevrotain.mjs", import.meta.resolve("chevrotain")).href;
const chevrotain = (await import(bundleUrl)) as Chevrotain;

export const { CstParser, EOF, Lexer, LLkLookaheadStrategy, createToken, getLookaheadPaths, tokenMatcher } = chevrotain;
export type CstParser = import("chevrotain").CstParser;
export type Lexer = import("chevrotain").Lexer;

// The grammar's productions (GAST), read to compute what may follow a token (recovery-follows.ts)
// and rebuilt from data at start-up (grammar-snapshot.ts).
export const { Alternation, Alternative, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Rule, Terminal } = chevrotain;
export type GastRule = import("chevrotain").Rule;
export type GastProduction =
  | import("chevrotain").Alternation
  | import("chevrotain").Alternative
  | import("chevrotain").NonTerminal
  | import("chevrotain").Option
  | import("chevrotain").Repetition
  | import("chevrotain").RepetitionMandatory
  | import("chevrotain").RepetitionMandatoryWithSeparator
  | import("chevrotain").RepetitionWithSeparator
  | import("chevrotain").Terminal;
export type {
  CstElement,
  CstNode,
  IOrAlt,
  IParserErrorMessageProvider,
  ILexingError,
  IRecognitionException,
  ISerializedGast,
  IToken,
  TokenType,
} from "chevrotain";
