// The Chevrotain parser of the concordat language: one CstParser instance, built
// once at module load, with error recovery and messages a lawyer can follow.
// The grammar reference is grammar/concordat.ebnf (kept equal to this file by
// test/syntax/grammar.test.ts); each rule below names its production there.
import {
  CstParser,
  EOF,
  tokenMatcher,
  type IOrAlt,
  type IRecognitionException,
  type IParserErrorMessageProvider,
  type IToken,
  type GastRule,
  type TokenType,
} from "./chevrotain.js";
import { RecoveryFollows } from "./recovery-follows.js";
import type { TokenStream } from "./token-stream.js";
import { restoreGrammar } from "./grammar-snapshot.js";
import { grammarSnapshot, lookaheadSnapshot } from "../generated/grammar.js";
import { SnapshotLookahead } from "./lookahead-snapshot.js";
import {
  allTokens,
  ClauseNumberTok,
  Colon,
  Comma,
  DateTok,
  Equals,
  Greater,
  GreaterEquals,
  Identifier,
  Integer,
  Kw,
  LCurly,
  Less,
  LessEquals,
  Money,
  Name,
  NotEquals,
  RCurly,
  StringTok,
} from "./tokens.js";

/** How many consumed tokens stay in place behind the parser (see releaseTokensBehind). */
const TOKENS_KEPT_BEHIND = 64;
/** Tokens lexed ahead of the parser, at least, while it reads a text as it is lexed (see ConcordParser.readFrom). */
const STREAM_AHEAD = 16;
/** Chevrotain's end-of-input token, which it appends to the token list (see ConcordParser.onBeforeParse). */
const EOF_TOKEN: IToken = (CstParser.prototype as unknown as { LA(this: unknown, n: number): IToken }).LA.call({ currIdx: -1, tokVectorLength: 0, tokVector: [] }, 1);
/** What stands in the token list for a token let go: the end of the input, at no position. */
/** The tokens Chevrotain may look ahead to choose a production (the lookahead snapshot is computed with it). */
export const MAX_LOOKAHEAD = 3;

const RELEASED_TOKEN: IToken = { image: "", startOffset: -1, tokenType: EOF, tokenTypeIdx: EOF.tokenTypeIdx! };

// ------------------------------------------------------------------ parse tree

/**
 * A node of the parse tree, as Chevrotain's CST gives it (the same children, in the same
 * order, and the same partial nodes after recovery) but lighter: Chevrotain keeps a
 * dictionary of arrays per node, which cost more than recognising the text; this keeps
 * the children in one list, and the first and last tokens instead of offsets to look up.
 */
export interface ParseNode {
  readonly name: string;
  /** The children in the order they were parsed, each after its label: label, child, label, child, … */
  readonly kids: (string | IToken | ParseNode | ConvertedItem)[];
  /** The node's first and last tokens that are in the text (recovery inserts tokens that are not). */
  first: IToken | undefined;
  last: IToken | undefined;
  /** Set by Chevrotain's recovery on a node it gave up on part-way. */
  recoveredNode: boolean;
}

/** An agreement or framework item, replaced by what `ConcordParser.onItem` made of it. */
export interface ConvertedItem {
  readonly converted: unknown;
  /** The item's first and last tokens in the text. */
  readonly first: IToken | undefined;
  readonly last: IToken | undefined;
}

function inText(t: IToken): boolean {
  return !t.isInsertedInRecovery && Number.isInteger(t.startOffset) && t.startOffset >= 0;
}

// ------------------------------------------------------------------ messages

/** Words that describe what a name stands for, by rule (and the keyword before it). */
function describeName(ruleStack: string[], previous: IToken | undefined): string {
  const rule = ruleStack[ruleStack.length - 1] ?? "";
  const parent = ruleStack[ruleStack.length - 2] ?? "";
  const prev = previous && !isEof(previous) ? previous.image : "";
  switch (rule) {
    case "framework":
      return "a framework name";
    case "agreement":
      return "an agreement name";
    case "kindDecl":
      return "a name for the kind";
    case "roleDecl":
      return "a name for the role";
    case "categoryDecl":
      return "a name for the category";
    case "functionDecl":
      return prev === "in" ? "a category name" : "a name for the function";
    case "dimensionDecl":
      return "a name for the dimension";
    case "provisionDecl":
      return "a name for the provision";
    case "modelDecl":
      return "a name for the model";
    case "ruleDecl":
      return "a name for the rule";
    case "requiresItem":
      return prev === "role" ? "a role name" : prev === "body" ? "a kind of body" : "a provision name";
    case "roleOrKind":
      return prev === "kind" ? "a kind name" : "a role name";
    case "selector":
      return prev === "category" ? "a category name" : "a function name";
    case "deliverObligation":
      return "a level name";
    case "provideObligation":
      return "a provision name";
    case "establishBodyObligation":
      return "a kind name";
    case "modelUse":
      return "a model name";
    case "partyDecl":
      return prev === "kind" ? "a kind name" : "a name for the party";
    case "bodyDecl":
      return prev === "kind" ? "a kind name" : "a name for the body";
    case "assign":
      return prev === "at" ? "a level name" : "a place name";
    case "places":
      return "a place name";
    case "delegate":
      return "a party name";
    case "allow":
      return "a rule name";
    case "condition":
      return prev === "where" || prev === "and" ? "a dimension name" : "a value";
    case "conditionValue":
    case "expectWhere":
      return prev === "=" ? "a value" : "a dimension name";
    case "expect":
      return prev === "for" ? "a function name" : prev === "at" ? "a level name" : prev === "is" || prev === "," ? "a party name" : "a place name";
    case "roleLine":
      return "a party name";
    case "nameList":
      switch (parent) {
        case "extendsItem":
        case "conformsTo":
          return "a framework name";
        case "levelsItem":
          return "a level name";
        case "partyDecl":
          return "a role name";
        case "bodyDecl":
        case "roleLine":
        case "expect":
          return "a party name";
        case "places":
          return "a place name";
        case "dimensionDecl":
        case "condition":
          return "a value";
        case "useModelObligation":
          return "a model name";
        case "haveAtLeastObligation":
          return "a kind name";
      }
      return "a name";
  }
  return "a name";
}

function isEof(t: IToken | undefined): boolean {
  return !t || tokenMatcher(t, EOF);
}

/** How a found token is shown: `}`, `party`, "the end of the file". */
export function showToken(t: IToken | undefined): string {
  if (isEof(t)) return "the end of the file";
  const image = t!.image.length > 30 ? t!.image.slice(0, 27) + "…" : t!.image;
  if (tokenMatcher(t!, StringTok)) return image.includes("\n") ? "a text" : image;
  return "`" + image.replace(/`/g, "'") + "`";
}

/** The clause number of the `clause N` header just before `previous`, if any. */
function clauseHeaderNumber(previous: IToken | undefined): string | undefined {
  const input = parser.input;
  if (!previous || isEof(previous)) return undefined;
  let i = input.findIndex((t) => t.startOffset === previous.startOffset);
  for (let steps = 0; i >= 1 && steps < 3; i--, steps++) {
    const t = input[i]!;
    if ((tokenMatcher(t, ClauseNumberTok) || tokenMatcher(t, Integer)) && tokenMatcher(input[i - 1]!, Kw.clause)) return t.image;
  }
  return undefined;
}

const openWhat: Record<string, string> = {
  framework: "the framework",
  agreement: "the agreement",
  functionDecl: "the sub-functions",
  modelDecl: "the model",
  ruleDecl: "the rule",
  assign: "the role lines of the assignment",
  testDecl: "the test",
  dimensionDecl: "the enum values",
  condition: "the list of values",
};
const bodyWhat: Record<string, string> = {
  framework: "a framework item (such as `kind`, `function` or `rule`)",
  agreement: "an agreement item (such as `party`, `clause` or `assign`)",
  clause: "an item (such as `assign`, `delegate` or a nested `clause`)",
  functionDecl: "a nested `function`",
  modelDecl: "a model item (`step`, `accountable`, `responsible` or `requires`)",
  ruleDecl: "`must`, `should` or `cite`",
  assign: "a role line (`accountable`, `responsible`, `consulted` or `informed`)",
  testDecl: "`expect`",
};

function describeToken(tokType: TokenType, ruleStack: string[], previous: IToken | undefined): string {
  const rule = ruleStack[ruleStack.length - 1] ?? "";
  if (tokType === Name || tokType === Identifier) return describeName(ruleStack, previous);
  if (tokType === StringTok) {
    switch (rule) {
      case "importDecl":
        return "a quoted path";
      case "allow":
        return "a quoted reason";
      case "testDecl":
        return "a quoted description of the test";
      case "versionItem":
        return "a quoted version";
      case "sourceItem":
      case "citeItem":
        return "a quoted citation";
      default:
        return "a quoted text";
    }
  }
  if (tokType === LCurly) {
    if (rule === "clause") {
      const n = clauseHeaderNumber(previous);
      return n ? `\`{\` to open clause ${n}` : "`{` to open the clause";
    }
    return openWhat[rule] ? `\`{\` to open ${openWhat[rule]}` : "`{`";
  }
  if (tokType === RCurly) return "`}`";
  if (tokType === Integer) return rule === "clause" || rule === "clauseRef" ? "a clause number" : "a whole number";
  if (tokType === ClauseNumberTok) return "a clause number";
  if (tokType === DateTok) return "a date (YYYY-MM-DD)";
  if (tokType === Money) return "an amount (such as £1_000)";
  if (tokType === Comma) return "`,`";
  if (tokType === Colon) return "`:`";
  if (tokType === Equals) return "`=`";
  if (tokType === NotEquals) return "`!=`";
  if (tokType === Less) return "`<`";
  if (tokType === LessEquals) return "`<=`";
  if (tokType === Greater) return "`>`";
  if (tokType === GreaterEquals) return "`>=`";
  if (tokType === EOF) return "the end of the file";
  const word = tokType.name.startsWith("Kw") ? tokType.name.slice(2).toLowerCase() : tokType.name;
  return "`" + word + "`";
}

/** What a choice in a rule stands for, in words (instead of listing its first tokens). */
function choiceSummary(rule: string, previous: IToken | undefined): string | undefined {
  const prev = previous && !isEof(previous) ? previous.image : "";
  switch (rule) {
    case "sourceFile":
      return "`import`, `framework` or `agreement`";
    case "frameworkItem":
      return "a framework item (such as `kind`, `function` or `rule`)";
    case "agreementItem":
      return "an agreement item (such as `party`, `clause` or `assign`)";
    case "modelItem":
      return "a model item (`step`, `accountable`, `responsible`, `requires` or `cite`)";
    case "ruleItem":
      return "`must`, `should` or `cite`";
    case "obligation":
      return prev === "must" || prev === "should"
        ? "an obligation (such as `cover`, `deliver`, `provide` or `make accountable`)"
        : "`must` or `should`";
    case "selector":
      return "a function name, `category NAME` or `all functions`";
    case "roleOrKind":
      return "a role name or `kind NAME`";
    case "modelConstraint":
      return prev === "accountable" || prev === "responsible" ? "`must be` or `may be`" : "`accountable` or `responsible`";
    case "requiresItem":
      return "`provision`, `role` or `body`";
    case "dimensionDecl":
      return "`money`, `number` or `enum { … }`";
    case "clause":
    case "clauseRef":
      return "a clause number (such as 3 or 3.1)";
    case "conditions":
      return "`where`, `from` or `until`";
    case "condition":
      return "`in { … }` or a comparison (`=`, `!=`, `<`, `<=`, `>` or `>=`)";
    case "comparisonOp":
      return "a comparison (`=`, `!=`, `<`, `<=`, `>` or `>=`)";
    case "conditionValue":
      return "a value (an amount such as £1_000, a number or a name)";
    case "roleLine":
      return ["accountable", "responsible", "consulted", "informed"].includes(prev)
        ? "a party name"
        : "a role line (`accountable`, `responsible`, `consulted` or `informed`)";
    case "expect":
      return prev === "is" ? "a party name or `nobody`" : "`accountable` or `responsible`";
  }
  return undefined;
}

function joinAlternatives(parts: string[]): string {
  const unique = [...new Set(parts)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  if (unique.length > 6) return unique.slice(0, 5).join(", ") + " or another item";
  return unique.slice(0, -1).join(", ") + " or " + unique[unique.length - 1];
}

function after(previous: IToken | undefined): string {
  if (isEof(previous) || !previous || previous.image === "" || tokenMatcher(previous, StringTok)) return "";
  return ` after ${showToken(previous)}`;
}

function found(actual: IToken | undefined): string {
  return `, found ${showToken(actual)}`;
}

/**
 * "expected WHAT after X, found Y"; at the end of the file, "the file ends too early: expected
 * WHAT after X", which also points at each `{` left open (pointAtUnclosedBraces).
 */
function expectedMessage(what: string, previous: IToken | undefined, actual: IToken | undefined): string {
  if (isEof(actual)) return `the file ends too early: expected ${what}${after(previous)}`;
  return `expected ${what}${after(previous)}${found(actual)}`;
}

function ruleStackNow(fallback: string): string[] {
  try {
    const stack = (parser as unknown as { getHumanReadableRuleStack(): string[] }).getHumanReadableRuleStack();
    if (Array.isArray(stack) && stack.length > 0) return stack;
  } catch {
    // fall through
  }
  return [fallback];
}

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    const stack = ruleStackNow(ruleName);
    const rule = stack[stack.length - 1] ?? ruleName;
    if (expected === EOF) return `unexpected ${showToken(actual)}`;
    if (expected === RCurly && bodyWhat[rule]) {
      if (isEof(actual)) return `the file ends too early: expected ${bodyWhat[rule]} or \`}\``;
      return `unexpected ${showToken(actual)}: expected ${bodyWhat[rule]} or \`}\``;
    }
    return expectedMessage(describeToken(expected, stack, previous), previous, actual);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${showToken(firstRedundant)}: expected \`import\`, \`framework\` or \`agreement\``;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const stack = ruleStackNow(ruleName);
    const rule = stack[stack.length - 1] ?? ruleName;
    const summary = choiceSummary(rule, previous);
    if (summary) return expectedMessage(summary, previous, actual[0]);
    const firsts = expectedPathsPerAlt.flatMap((alt) => alt.map((path) => path[0]).filter((t): t is TokenType => !!t));
    const parts = firsts.map((t) => describeToken(t, stack, previous));
    return expectedMessage(joinAlternatives(parts), previous, actual[0]);
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, previous, ruleName }) {
    const stack = ruleStackNow(ruleName);
    const rule = stack[stack.length - 1] ?? ruleName;
    const summary = choiceSummary(rule === "selectorList" ? "selector" : rule === "roleOrKindList" ? "roleOrKind" : rule, previous);
    if (summary) return expectedMessage(summary, previous, actual[0]);
    const parts = expectedIterationPaths.map((p) => p[0]).filter((t): t is TokenType => !!t).map((t) => describeToken(t, stack, previous));
    return expectedMessage(joinAlternatives(parts), previous, actual[0]);
  },
};

// ------------------------------------------------------------------ grammar

const compareOps = [Equals, NotEquals, LessEquals, Less, GreaterEquals, Greater];

export interface ConcordParserOptions {
  /**
   * Run Chevrotain's grammar checks (ambiguities, left recursion, …) when the parser is
   * built. Off for the one shared instance, where they only cost start-up time; the test
   * suite builds a parser with them on (test/syntax/grammar.test.ts).
   */
  validate?: boolean;
  /** Compute the follow sets for error recovery when the parser is built (see the constructor), not on first use. */
  eagerFollows?: boolean;
  /**
   * Learn the productions by running the rules in Chevrotain's recording mode, not from
   * src/generated/grammar.ts (see grammar-snapshot.ts): what `npm run generate:grammar` and
   * its drift test compare that data with. Implied by `validate`.
   */
  recordGrammar?: boolean;
}

/**
 * The productions of src/generated/grammar.ts, when they are those of the rules `ruleNames`
 * (the same names, in the same order); undefined otherwise, and the parser records them as
 * Chevrotain does (a stale snapshot costs start-up time, never a wrong parse of a rule that
 * is not in it; the drift test catches a changed rule).
 */
function restoredGrammarFor(ruleNames: readonly string[]): Record<string, GastRule> | undefined {
  if (grammarSnapshot.length !== ruleNames.length || grammarSnapshot.some((r, i) => r.fields.name !== ruleNames[i])) return undefined;
  return restoreGrammar(grammarSnapshot, allTokens);
}

/** Chevrotain's methods that ConcordParser overrides and calls in turn (not in Chevrotain's typings). */
const chevrotainMethods = CstParser.prototype as unknown as {
  enableRecording(this: CstParser): void;
  disableRecording(this: CstParser): void;
  topLevelRuleRecord(this: CstParser, name: string, definition: () => void): GastRule;
  getFollowSetFromFollowKey(this: CstParser, key: unknown): TokenType[];
  SAVE_ERROR(this: CstParser, error: IRecognitionException): IRecognitionException;
  findReSyncTokenType(this: CstParser): TokenType;
  onBeforeParse(this: CstParser, ruleName: string): void;
};

export class ConcordParser extends CstParser {
  /**
   * The alternatives of each `OR`, built on first use and reused (Chevrotain's advice:
   * otherwise every call allocates the array and its closures).
   */
  private readonly alts: Record<string, IOrAlt<unknown>[]> = {};

  /** The productions rebuilt from src/generated/grammar.ts, handed to Chevrotain in place of its recording; undefined to record. */
  private readonly restoredRules: Record<string, GastRule> | undefined;

  constructor(options: ConcordParserOptions = {}) {
    // Outside the grammar checks (which validate with Chevrotain's own strategy): the lookahead
    // paths of src/generated/grammar.ts while its productions are the grammar's, each function
    // otherwise computed the first time its production is reached (a small file reaches a
    // fraction of the grammar, and the parser is built at every start).
    const lookahead = options.validate ? undefined : new SnapshotLookahead(options.recordGrammar ? undefined : lookaheadSnapshot, allTokens, { maxLookahead: MAX_LOOKAHEAD });
    super(allTokens, {
      recoveryEnabled: true,
      maxLookahead: MAX_LOOKAHEAD,
      ...(lookahead ? { lookaheadStrategy: lookahead } : {}),
      errorMessageProvider: messages,
      // Nodes carry their first and last tokens (see ParseNode), not locations.
      nodeLocationTracking: "none",
      skipValidations: !options.validate,
    });
    this.restoredRules = options.validate || options.recordGrammar ? undefined : restoredGrammarFor((this as unknown as { definedRulesNames: string[] }).definedRulesNames);
    // Paths of another grammar's productions would be wrong ones: with the productions recorded afresh, so are they.
    if (this.restoredRules === undefined) lookahead?.forget();
    if (options.validate || options.eagerFollows) {
      this.performSelfAnalysis();
      return;
    }
    // Chevrotain computes the follow sets of every rule reference for error recovery when the
    // parser is built, whether or not a file has an error: a third of building it. Built with
    // recovery off it skips them; they are taken, on the first recovery that reads them, from
    // a parser built the usual way (the sets depend on the grammar alone). Recovery is back on
    // before any parse.
    this.recovery = false;
    this.performSelfAnalysis();
    this.recovery = true;
    this.followsPending = true;
  }

  // ---- the parse tree: Chevrotain's tree-building steps, building ParseNodes. Chevrotain
  // calls these at the start of each rule, after each token and after each sub-rule
  // (including the partial node of one that failed), and pops CST_STACK itself.
  declare private CST_STACK: ParseNode[];

  /**
   * Errors this parse may still recover from; at the last of them recovery is switched off, and
   * the next error ends the parse where it is (the driver sets it after each `input`). Each
   * recovery looks ahead for a token to resume at, often to the end of the file, and re-enters
   * the repetition it was in: thousands of errors cost the square of the file, and the stack.
   */
  recoveryBudget = Number.POSITIVE_INFINITY;
  /** Whether this parse ended at an error it was not allowed to recover from (the budget spent). */
  stoppedEarly = false;

  /** Whether this parse has recorded no error yet (Chevrotain's `errors` is a copy of its list). */
  get clean(): boolean {
    return (this as unknown as { _errors: unknown[] })._errors.length === 0;
  }
  private errorsSaved = 0;

  override reset(): void {
    super.reset();
    this.stream = undefined;
    this.endTokensOwed = false;
    this.errorsSaved = 0;
    this.stoppedEarly = false;
    this.recovery = true;
    this.lastResync = undefined;
  }

  private set recovery(on: boolean) {
    (this as unknown as { recoveryEnabled: boolean }).recoveryEnabled = on;
  }

  private get recovery(): boolean {
    return (this as unknown as { recoveryEnabled: boolean }).recoveryEnabled;
  }

  /**
   * Chevrotain's recording mode, skipped when the rules are rebuilt from the snapshot: leaving
   * it deletes some 90 methods from the instance, about 2.5 ms.
   */
  enableRecording(): void {
    if (this.restoredRules === undefined) chevrotainMethods.enableRecording.call(this);
  }
  disableRecording(): void {
    if (this.restoredRules === undefined) chevrotainMethods.disableRecording.call(this);
  }

  /** Chevrotain's recording of one rule while it analyses the grammar, or the rule rebuilt from the snapshot. */
  topLevelRuleRecord(name: string, definition: () => void): GastRule {
    return this.restoredRules?.[name] ?? chevrotainMethods.topLevelRuleRecord.call(this, name, definition);
  }

  /** Whether the follow sets are still to be taken from a parser built the usual way (see the constructor). */
  private followsPending = false;

  /** Chevrotain's follow set of a rule reference, read when it recovers (not in its typings). */
  getFollowSetFromFollowKey(key: unknown): TokenType[] {
    const self = this as unknown as { resyncFollows: Record<string, TokenType[]> };
    if (this.followsPending) {
      self.resyncFollows = (new ConcordParser({ eagerFollows: true }) as unknown as typeof self).resyncFollows;
      this.followsPending = false;
    }
    return chevrotainMethods.getFollowSetFromFollowKey.call(this, key);
  }

  /** Chevrotain's record of each error (not in its typings), counted against the budget. */
  SAVE_ERROR(error: IRecognitionException): IRecognitionException {
    const saved = chevrotainMethods.SAVE_ERROR.call(this, error);
    // An error while recovery is off ends the parse (Chevrotain stops at the first rule).
    if (!this.recovery) this.stoppedEarly = true;
    else if (++this.errorsSaved >= this.recoveryBudget) this.recovery = false;
    return saved;
  }

  cstInvocationStateUpdate(name: string): void {
    this.CST_STACK.push({ name, kids: [], first: undefined, last: undefined, recoveredNode: false });
    // A rule entered at this level: the follow unions from here up are another stack's.
    if (this.followUnionsValid >= this.RULE_STACK_IDX) this.followUnionsValid = this.RULE_STACK_IDX - 1;
  }

  // ---- resynchronising after an error. Each rule on the stack that an error unwinds looks for
  // a token to resume at in the follow sets of the whole stack: Chevrotain rebuilds that list at
  // every level, so an error under n open clauses cost n² (10,000 clauses opened and never
  // closed ran out of memory). The list is kept level by level instead, and so is the search.
  declare private RULE_STACK: number[];
  declare private RULE_OCCURRENCE_STACK: number[];
  declare private RULE_STACK_IDX: number;
  declare private shortRuleNameToFullName: (shortName: number) => string;
  declare private exportLexerState: () => number;
  /** followUnions[level]: the follow sets of the stack's levels 0 to `level`, each token type once, in Chevrotain's order. */
  private readonly followUnions: TokenType[][] = [];
  /** The levels of followUnions that describe the current stack. */
  private followUnionsValid = -1;
  /** The last resynchronisation search: where it started, the list it searched, what it found. */
  private lastResync: { at: number; among: TokenType[]; found: TokenType } | undefined = undefined;

  /** Chevrotain's list of the token types an error may resume at (not in its typings); see above. */
  flattenFollowSet(): TokenType[] {
    const top = this.RULE_STACK_IDX;
    for (let level = this.followUnionsValid + 1; level <= top; level++) {
      if (level === 0) {
        this.followUnions[0] = [EOF];
        continue;
      }
      const below = this.followUnions[level - 1]!;
      const own = this.getFollowSetFromFollowKey({
        ruleName: this.shortRuleNameToFullName(this.RULE_STACK[level]!),
        idxInCallingRule: this.RULE_OCCURRENCE_STACK[level],
        inRule: this.shortRuleNameToFullName(this.RULE_STACK[level - 1]!),
      });
      let union = below;
      for (const type of own) if (!union.includes(type)) union = union === below ? [...below, type] : (union.push(type), union);
      // Shared with the level below when it adds nothing: n nested clauses keep a few lists.
      this.followUnions[level] = union;
    }
    if (top > this.followUnionsValid) this.followUnionsValid = top;
    return this.followUnions[top]!;
  }

  /** What may follow each token, for in-rule recovery (recovery-follows.ts); built on the first recovery. */
  private inRuleFollows: RecoveryFollows | undefined = undefined;

  /** Chevrotain's tokens that may follow `CONSUME<idx>(type)` where the parse is (not in its typings). */
  getFollowsForInRuleRecovery(type: TokenType, idx: number): TokenType[] {
    this.inRuleFollows ??= new RecoveryFollows(this.getGAstProductions() as Record<string, GastRule>);
    return this.inRuleFollows.afterToken(
      {
        depth: this.RULE_STACK_IDX + 1,
        ruleAt: (level) => this.shortRuleNameToFullName(this.RULE_STACK[level]!),
        occurrenceAt: (level) => this.RULE_OCCURRENCE_STACK[level]!,
      },
      type.name,
      idx,
    );
  }

  /**
   * Chevrotain's search for the next token an error may resume at (not in its typings): the
   * first token ahead in the list. Every level an error unwinds searches again from the same
   * token, mostly in the same list (shared, see flattenFollowSet): that search is done once.
   */
  findReSyncTokenType(): TokenType {
    const among = this.flattenFollowSet();
    const at = this.exportLexerState();
    const last = this.lastResync;
    if (last !== undefined && last.at === at && last.among === among) return last.found;
    const found = chevrotainMethods.findReSyncTokenType.call(this);
    this.lastResync = { at, among, found };
    return found;
  }

  cstPostTerminal(label: string, token: IToken): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    node.kids.push(label, token);
    if (inText(token)) {
      node.first ??= token;
      node.last = token;
    }
  }

  /**
   * Called with each agreement or framework item as soon as it is parsed (a partial one too);
   * what it returns takes the item's place in the tree. The AST builder converts items here,
   * so that an item's parse nodes die young while the file is still being parsed: a whole
   * file's tree kept to the end was more memory than its syntax tree, and collections copied it.
   */
  onItem: ((item: ParseNode) => unknown) | undefined = undefined;

  declare private tokVector: IToken[];
  declare private currIdx: number;

  /**
   * Replaces the tokens from `from` to well behind the last one consumed by one shared stand-in,
   * and says how far it went (the next call's `from`). Only this parse's items need them, and
   * they are converted: the parser reads ahead, and an error's message or recovery looks back
   * a token or three, never further (there is no BACKTRACK in this grammar; it would rewind).
   */
  releaseTokensBehind(from: number): number {
    const upTo = this.currIdx - TOKENS_KEPT_BEHIND;
    const tokens = this.tokVector;
    for (let i = from; i < upTo; i++) tokens[i] = RELEASED_TOKEN;
    return Math.max(from, upTo);
  }

  // ---- reading a text as it is lexed (src/syntax/token-stream.ts). Chevrotain reads up to
  // maxLookahead tokens ahead unchecked (LA_FAST), relying on the end-of-input tokens it appends
  // when a parse starts: the list is kept STREAM_AHEAD tokens ahead of the parser, and those end
  // tokens are appended once the text is all lexed. Recovery looks further ahead through LA,
  // which lexes as far as it reads; a jump to the end lexes the rest.
  private stream: TokenStream | undefined = undefined;
  /** Whether the end-of-input tokens of the parse under way are still to be appended. */
  private endTokensOwed = false;
  declare private tokVectorLength: number;
  declare private maxLookahead: number;

  /** Parse `stream`'s text as it is lexed (the next parse's input: the tokens lexed so far, and the rest as the parser reaches them). */
  readFrom(stream: TokenStream): void {
    this.input = stream.tokens;
    this.stream = stream.done ? undefined : stream;
    this.endTokensOwed = false;
  }

  /** Lexes until the token list reaches `index`, or the end of the text. */
  private readTo(index: number): void {
    const stream = this.stream!;
    while (this.tokVector.length <= index && stream.more());
    this.tokVectorLength = this.tokVector.length;
    if (!stream.done) return;
    this.stream = undefined;
    if (this.endTokensOwed) {
      for (let i = 0; i < this.maxLookahead + 1; i++) this.tokVector.push(EOF_TOKEN);
      this.endTokensOwed = false;
    }
  }

  /** Lexes the rest of the text. */
  readToEnd(): void {
    if (this.stream !== undefined) this.readTo(Number.POSITIVE_INFINITY);
  }

  /** Chevrotain's step to the next token (not in its typings). */
  consumeToken(): void {
    const at = ++this.currIdx;
    if (this.stream !== undefined && at + STREAM_AHEAD >= this.tokVectorLength) this.readTo(at + 2 * STREAM_AHEAD);
  }

  override LA(howMuch: number): IToken {
    const sought = this.currIdx + howMuch;
    if (this.stream !== undefined && sought >= this.tokVectorLength) this.readTo(sought);
    return sought < 0 || sought >= this.tokVectorLength ? EOF_TOKEN : this.tokVector[sought]!;
  }

  /** Chevrotain's jump to the end of the input (not in its typings). */
  moveToTerminatedState(): void {
    this.readToEnd();
    this.currIdx = this.tokVectorLength - 1;
  }

  /** Chevrotain appends its end-of-input tokens here (not in its typings): when the text is all lexed. */
  onBeforeParse(ruleName: string): void {
    if (this.stream === undefined) chevrotainMethods.onBeforeParse.call(this, ruleName);
    else this.endTokensOwed = true;
  }

  cstPostNonTerminal(child: ParseNode, label: string): void {
    const node = this.CST_STACK[this.CST_STACK.length - 1]!;
    if (this.onItem !== undefined && (child.name === "agreementItem" || child.name === "frameworkItem")) {
      const converted: ConvertedItem = { converted: this.onItem(child), first: child.first, last: child.last };
      node.kids.push(label, converted);
    } else node.kids.push(label, child);
    if (child.first) {
      node.first ??= child.first;
      node.last = child.last;
    }
  }

  // ---- top level
  public sourceFile = this.RULE("sourceFile", () => {
    this.MANY(() => {
      this.OR((this.alts.sourceFile ??= [
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.framework) },
        { ALT: () => this.SUBRULE(this.agreement) },
      ]));
    });
  });

  public importDecl = this.RULE("importDecl", () => {
    this.CONSUME(Kw.import);
    this.CONSUME(StringTok, { LABEL: "path" });
  });

  // ---- shared pieces
  public nameList = this.RULE("nameList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Name) });
  });

  public selector = this.RULE("selector", () => {
    this.OR((this.alts.selector ??= [
      { ALT: () => { this.CONSUME(Kw.function); this.CONSUME1(Name, { LABEL: "name" }); }, IGNORE_AMBIGUITIES: true },
      { ALT: () => { this.CONSUME(Kw.category); this.CONSUME2(Name, { LABEL: "name" }); }, IGNORE_AMBIGUITIES: true },
      { ALT: () => { this.CONSUME(Kw.all); this.CONSUME(Kw.functions); }, IGNORE_AMBIGUITIES: true },
      { ALT: () => this.CONSUME3(Name, { LABEL: "name" }) },
    ]));
  });

  public selectorList = this.RULE("selectorList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.selector) });
  });

  public roleOrKind = this.RULE("roleOrKind", () => {
    this.OR((this.alts.roleOrKind ??= [
      { ALT: () => { this.CONSUME(Kw.kind); this.CONSUME1(Name, { LABEL: "name" }); }, IGNORE_AMBIGUITIES: true },
      { ALT: () => this.CONSUME2(Name, { LABEL: "name" }) },
    ]));
  });

  public roleOrKindList = this.RULE("roleOrKindList", () => {
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.roleOrKind) });
  });

  // ---- frameworks
  public framework = this.RULE("framework", () => {
    this.CONSUME(Kw.framework);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.frameworkItem));
    this.CONSUME(RCurly);
  });

  public frameworkItem = this.RULE("frameworkItem", () => {
    this.OR((this.alts.frameworkItem ??= [
      { ALT: () => this.SUBRULE(this.versionItem) },
      { ALT: () => this.SUBRULE(this.sourceItem) },
      { ALT: () => this.SUBRULE(this.extendsItem) },
      { ALT: () => this.SUBRULE(this.levelsItem) },
      { ALT: () => this.SUBRULE(this.kindDecl) },
      { ALT: () => this.SUBRULE(this.roleDecl) },
      { ALT: () => this.SUBRULE(this.categoryDecl) },
      { ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.dimensionDecl) },
      { ALT: () => this.SUBRULE(this.provisionDecl) },
      { ALT: () => this.SUBRULE(this.modelDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]));
  });

  public versionItem = this.RULE("versionItem", () => {
    this.CONSUME(Kw.version);
    this.CONSUME(StringTok, { LABEL: "value" });
  });
  public sourceItem = this.RULE("sourceItem", () => {
    this.CONSUME(Kw.source);
    this.CONSUME(StringTok, { LABEL: "value" });
  });
  public extendsItem = this.RULE("extendsItem", () => {
    this.CONSUME(Kw.extends);
    this.SUBRULE(this.nameList);
  });
  public levelsItem = this.RULE("levelsItem", () => {
    this.CONSUME(Kw.levels);
    this.SUBRULE(this.nameList);
  });
  public kindDecl = this.RULE("kindDecl", () => {
    this.CONSUME(Kw.kind);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
  });
  public roleDecl = this.RULE("roleDecl", () => {
    this.CONSUME(Kw.role);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
  });
  public categoryDecl = this.RULE("categoryDecl", () => {
    this.CONSUME(Kw.category);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
  });
  public functionDecl = this.RULE("functionDecl", () => {
    this.CONSUME(Kw.function);
    this.CONSUME1(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.OPTION1(() => {
      this.CONSUME(Kw.in);
      this.CONSUME2(Name, { LABEL: "category" });
    });
    this.OPTION2(() => {
      this.CONSUME(LCurly);
      this.MANY(() => this.SUBRULE(this.functionDecl));
      this.CONSUME(RCurly);
    });
  });
  public dimensionDecl = this.RULE("dimensionDecl", () => {
    this.CONSUME(Kw.dimension);
    this.CONSUME(Name, { LABEL: "name" });
    this.CONSUME(Colon);
    this.OR((this.alts.dimensionDecl ??= [
      { ALT: () => this.CONSUME(Kw.money) },
      { ALT: () => this.CONSUME(Kw.number) },
      {
        ALT: () => {
          this.CONSUME(Kw.enum);
          this.CONSUME(LCurly);
          this.SUBRULE(this.nameList);
          this.CONSUME(RCurly);
        },
      },
    ]));
  });
  public provisionDecl = this.RULE("provisionDecl", () => {
    this.CONSUME(Kw.provision);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
  });

  public modelDecl = this.RULE("modelDecl", () => {
    this.CONSUME(Kw.model);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.modelItem));
    this.CONSUME(RCurly);
  });
  public modelItem = this.RULE("modelItem", () => {
    this.OR((this.alts.modelItem ??= [
      { ALT: () => this.SUBRULE(this.stepItem) },
      { ALT: () => this.SUBRULE(this.modelConstraint) },
      { ALT: () => this.SUBRULE(this.requiresItem) },
      { ALT: () => this.SUBRULE(this.citeItem) },
    ]));
  });
  public stepItem = this.RULE("stepItem", () => {
    this.CONSUME(Kw.step);
    this.CONSUME(Integer, { LABEL: "value" });
  });
  public modelConstraint = this.RULE("modelConstraint", () => {
    this.OR((this.alts.modelConstraint ??= [{ ALT: () => this.CONSUME(Kw.accountable) }, { ALT: () => this.CONSUME(Kw.responsible) }]));
    this.OR1((this.alts.modelConstraint1 ??= [{ ALT: () => this.CONSUME(Kw.must) }, { ALT: () => this.CONSUME(Kw.may) }]));
    this.CONSUME(Kw.be);
    this.SUBRULE(this.roleOrKindList);
    this.OPTION(() => {
      this.CONSUME(Kw.for);
      this.SUBRULE(this.selectorList);
    });
  });
  public requiresItem = this.RULE("requiresItem", () => {
    this.CONSUME(Kw.requires);
    this.OR((this.alts.requiresItem ??= [
      { ALT: () => this.CONSUME(Kw.provision) },
      { ALT: () => this.CONSUME(Kw.role) },
      { ALT: () => this.CONSUME(Kw.body) },
    ]));
    this.CONSUME(Name, { LABEL: "name" });
  });

  public ruleDecl = this.RULE("ruleDecl", () => {
    this.CONSUME(Kw.rule);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.ruleItem));
    this.CONSUME(RCurly);
  });
  public ruleItem = this.RULE("ruleItem", () => {
    this.OR((this.alts.ruleItem ??= [{ ALT: () => this.SUBRULE(this.obligation) }, { ALT: () => this.SUBRULE(this.citeItem) }]));
  });
  public citeItem = this.RULE("citeItem", () => {
    this.CONSUME(Kw.cite);
    this.CONSUME(StringTok, { LABEL: "value" });
  });
  public obligation = this.RULE("obligation", () => {
    this.OR((this.alts.obligation ??= [{ ALT: () => this.CONSUME(Kw.must) }, { ALT: () => this.CONSUME(Kw.should) }]));
    this.OR1((this.alts.obligation1 ??= [
      { ALT: () => this.SUBRULE(this.coverObligation) },
      { ALT: () => this.SUBRULE(this.assignResponsibleObligation) },
      { ALT: () => this.SUBRULE(this.deliverObligation) },
      { ALT: () => this.SUBRULE(this.makeAccountableObligation) },
      { ALT: () => this.SUBRULE(this.provideObligation) },
      { ALT: () => this.SUBRULE(this.reviewEveryObligation) },
      { ALT: () => this.SUBRULE(this.lastAtMostObligation) },
      { ALT: () => this.SUBRULE(this.haveAtLeastObligation) },
      { ALT: () => this.SUBRULE(this.establishBodyObligation) },
      { ALT: () => this.SUBRULE(this.useModelObligation) },
    ]));
  });
  public coverObligation = this.RULE("coverObligation", () => {
    this.CONSUME(Kw.cover);
    this.SUBRULE(this.selectorList);
  });
  public assignResponsibleObligation = this.RULE("assignResponsibleObligation", () => {
    this.CONSUME(Kw.assign);
    this.CONSUME(Kw.responsible);
    this.CONSUME(Kw.for);
    this.SUBRULE(this.selectorList);
  });
  public deliverObligation = this.RULE("deliverObligation", () => {
    this.CONSUME(Kw.deliver);
    this.SUBRULE(this.selectorList);
    this.CONSUME(Kw.at);
    this.CONSUME(Name, { LABEL: "level" });
  });
  public makeAccountableObligation = this.RULE("makeAccountableObligation", () => {
    this.OPTION(() => this.CONSUME(Kw.not));
    this.CONSUME(Kw.make);
    this.CONSUME(Kw.accountable);
    this.SUBRULE(this.roleOrKindList);
    this.CONSUME(Kw.for);
    this.SUBRULE(this.selectorList);
  });
  public provideObligation = this.RULE("provideObligation", () => {
    this.CONSUME(Kw.provide);
    this.CONSUME(Name, { LABEL: "provision" });
  });
  public reviewEveryObligation = this.RULE("reviewEveryObligation", () => {
    this.CONSUME(Kw.review);
    this.CONSUME(Kw.every);
    this.CONSUME(Integer, { LABEL: "count" });
    this.CONSUME(Kw.months);
  });
  public lastAtMostObligation = this.RULE("lastAtMostObligation", () => {
    this.CONSUME(Kw.last);
    this.CONSUME(Kw.at);
    this.CONSUME(Kw.most);
    this.CONSUME(Integer, { LABEL: "count" });
    this.CONSUME(Kw.years);
  });
  public haveAtLeastObligation = this.RULE("haveAtLeastObligation", () => {
    this.CONSUME(Kw.have);
    this.CONSUME(Kw.at);
    this.CONSUME(Kw.least);
    this.CONSUME(Integer, { LABEL: "count" });
    this.CONSUME(Kw.parties);
    this.OPTION(() => {
      this.CONSUME(Kw.of);
      this.CONSUME(Kw.kind);
      this.SUBRULE(this.nameList);
    });
  });
  public establishBodyObligation = this.RULE("establishBodyObligation", () => {
    this.CONSUME(Kw.establish);
    this.CONSUME(Kw.body);
    this.CONSUME(Kw.of);
    this.CONSUME(Kw.kind);
    this.CONSUME(Name, { LABEL: "kind" });
  });
  public useModelObligation = this.RULE("useModelObligation", () => {
    this.CONSUME(Kw.use);
    this.CONSUME(Kw.model);
    this.SUBRULE(this.nameList);
  });

  // ---- agreements
  public agreement = this.RULE("agreement", () => {
    this.CONSUME(Kw.agreement);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.agreementItem));
    this.CONSUME(RCurly);
  });

  public agreementItem = this.RULE("agreementItem", () => {
    this.OR((this.alts.agreementItem ??= [
      { ALT: () => this.SUBRULE(this.conformsTo) },
      { ALT: () => this.SUBRULE(this.modelUse) },
      { ALT: () => this.SUBRULE(this.termItem) },
      { ALT: () => this.SUBRULE(this.reviewItem) },
      { ALT: () => this.SUBRULE(this.partyDecl) },
      { ALT: () => this.SUBRULE(this.bodyDecl) },
      { ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.scopeItem) },
      { ALT: () => this.SUBRULE(this.provisionDecl) },
      { ALT: () => this.SUBRULE(this.clause) },
      { ALT: () => this.SUBRULE(this.assign) },
      { ALT: () => this.SUBRULE(this.delegate) },
      { ALT: () => this.SUBRULE(this.allow) },
      { ALT: () => this.SUBRULE(this.testDecl) },
    ]));
  });

  public conformsTo = this.RULE("conformsTo", () => {
    this.CONSUME(Kw.conforms);
    this.CONSUME(Kw.to);
    this.SUBRULE(this.nameList);
  });
  public modelUse = this.RULE("modelUse", () => {
    this.CONSUME(Kw.model);
    this.CONSUME(Name, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(Kw.for);
      this.SUBRULE(this.selectorList);
    });
  });
  public termItem = this.RULE("termItem", () => {
    this.CONSUME(Kw.term);
    this.CONSUME1(DateTok, { LABEL: "from" });
    this.CONSUME(Kw.to);
    this.CONSUME2(DateTok, { LABEL: "to" });
  });
  public reviewItem = this.RULE("reviewItem", () => {
    this.CONSUME(Kw.review);
    this.CONSUME(Kw.every);
    this.CONSUME(Integer, { LABEL: "count" });
    this.CONSUME(Kw.months);
  });
  public partyDecl = this.RULE("partyDecl", () => {
    this.CONSUME(Kw.party);
    this.CONSUME1(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(Kw.kind);
    this.CONSUME2(Name, { LABEL: "kind" });
    this.OPTION1(() => {
      this.CONSUME(Kw.role);
      this.SUBRULE(this.nameList);
    });
  });
  public bodyDecl = this.RULE("bodyDecl", () => {
    this.CONSUME(Kw.body);
    this.CONSUME1(Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(Kw.kind);
    this.CONSUME2(Name, { LABEL: "kind" });
    this.CONSUME(Kw.members);
    this.SUBRULE(this.nameList);
  });
  public scopeItem = this.RULE("scopeItem", () => {
    this.CONSUME(Kw.scope);
    this.SUBRULE(this.selectorList);
  });

  public clause = this.RULE("clause", () => {
    this.CONSUME(Kw.clause);
    this.OR((this.alts.clause ??= [
      { ALT: () => this.CONSUME(ClauseNumberTok, { LABEL: "number" }) },
      { ALT: () => this.CONSUME(Integer, { LABEL: "number" }) },
    ]));
    this.OPTION(() => this.CONSUME(StringTok, { LABEL: "title" }));
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.agreementItem));
    this.CONSUME(RCurly);
  });

  public assign = this.RULE("assign", () => {
    this.CONSUME(Kw.assign);
    this.SUBRULE(this.selectorList);
    this.OPTION(() => {
      this.CONSUME(Kw.at);
      this.CONSUME(Name, { LABEL: "level" });
      this.OPTION1({
        // A place list, unless what follows is a condition (`from`, `until`).
        GATE: () => !tokenMatcher(this.LA(1), Kw.from) && !tokenMatcher(this.LA(1), Kw.until),
        DEF: () => this.SUBRULE(this.places),
      });
    });
    this.SUBRULE(this.conditions);
    this.OPTION2(() => {
      this.CONSUME(Kw.overrides);
      this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.clauseRef) });
    });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.roleLine));
    this.CONSUME(RCurly);
  });
  public places = this.RULE("places", () => {
    this.SUBRULE(this.nameList);
  });
  public clauseRef = this.RULE("clauseRef", () => {
    this.CONSUME(Kw.clause);
    this.OR((this.alts.clauseRef ??= [
      { ALT: () => this.CONSUME(ClauseNumberTok, { LABEL: "number" }) },
      { ALT: () => this.CONSUME(Integer, { LABEL: "number" }) },
    ]));
  });

  /** `where …`, `from DATE`, `until DATE`, in any order here; order and repetition are checked after parsing. */
  public conditions = this.RULE("conditions", () => {
    this.MANY(() => {
      this.OR((this.alts.conditions ??= [
        { ALT: () => this.SUBRULE(this.whereClause) },
        { ALT: () => this.SUBRULE(this.fromClause) },
        { ALT: () => this.SUBRULE(this.untilClause) },
      ]));
    });
  });
  public whereClause = this.RULE("whereClause", () => {
    this.CONSUME(Kw.where);
    this.AT_LEAST_ONE_SEP({ SEP: Kw.and, DEF: () => this.SUBRULE(this.condition) });
  });
  public fromClause = this.RULE("fromClause", () => {
    this.CONSUME(Kw.from);
    this.CONSUME(DateTok, { LABEL: "date" });
  });
  public untilClause = this.RULE("untilClause", () => {
    this.CONSUME(Kw.until);
    this.CONSUME(DateTok, { LABEL: "date" });
  });
  public condition = this.RULE("condition", () => {
    this.CONSUME(Name, { LABEL: "dimension" });
    this.OR((this.alts.condition ??= [
      {
        ALT: () => {
          this.CONSUME(Kw.in);
          this.CONSUME(LCurly);
          this.SUBRULE(this.nameList);
          this.CONSUME(RCurly);
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.comparisonOp);
          this.SUBRULE(this.conditionValue);
        },
      },
    ]));
  });
  public comparisonOp = this.RULE("comparisonOp", () => {
    this.OR((this.alts.comparisonOp ??= compareOps.map((t) => ({ ALT: () => this.CONSUME(t, { LABEL: "op" }) }))));
  });
  public conditionValue = this.RULE("conditionValue", () => {
    this.OR((this.alts.conditionValue ??= [
      { ALT: () => this.CONSUME(Money) },
      { ALT: () => this.CONSUME(Integer) },
      { ALT: () => this.CONSUME(Name) },
    ]));
  });

  public roleLine = this.RULE("roleLine", () => {
    this.OR((this.alts.roleLine ??= [
      { ALT: () => this.CONSUME(Kw.accountable, { LABEL: "role" }) },
      { ALT: () => this.CONSUME(Kw.responsible, { LABEL: "role" }) },
      { ALT: () => this.CONSUME(Kw.consulted, { LABEL: "role" }) },
      { ALT: () => this.CONSUME(Kw.informed, { LABEL: "role" }) },
    ]));
    this.OR1((this.alts.roleLine1 ??= [
      {
        ALT: () => {
          this.CONSUME(Kw.each);
          this.CONSUME(Kw.member);
        },
        IGNORE_AMBIGUITIES: true,
      },
      { ALT: () => this.SUBRULE(this.nameList) },
    ]));
  });

  public delegate = this.RULE("delegate", () => {
    this.CONSUME(Kw.delegate);
    this.SUBRULE(this.selectorList);
    this.CONSUME(Kw.from);
    this.CONSUME1(Name, { LABEL: "from" });
    this.CONSUME(Kw.to);
    this.CONSUME2(Name, { LABEL: "to" });
    this.SUBRULE(this.conditions);
  });

  public allow = this.RULE("allow", () => {
    this.CONSUME(Kw.allow);
    this.CONSUME(Name, { LABEL: "rule" });
    this.CONSUME(Kw.because);
    this.CONSUME(StringTok, { LABEL: "reason" });
  });

  public testDecl = this.RULE("testDecl", () => {
    this.CONSUME(Kw.test);
    this.CONSUME(StringTok, { LABEL: "title" });
    this.CONSUME(LCurly);
    this.MANY(() => this.SUBRULE(this.expect));
    this.CONSUME(RCurly);
  });
  public expect = this.RULE("expect", () => {
    this.CONSUME(Kw.expect);
    this.OR((this.alts.expect ??= [
      { ALT: () => this.CONSUME(Kw.accountable, { LABEL: "subject" }) },
      { ALT: () => this.CONSUME(Kw.responsible, { LABEL: "subject" }) },
    ]));
    this.CONSUME(Kw.for);
    this.CONSUME1(Name, { LABEL: "activity" });
    this.OPTION(() => {
      this.CONSUME(Kw.at);
      this.CONSUME2(Name, { LABEL: "level" });
      this.CONSUME3(Name, { LABEL: "place" });
    });
    this.OPTION1(() => {
      this.CONSUME(Kw.on);
      this.CONSUME(DateTok, { LABEL: "date" });
    });
    this.OPTION2(() => {
      this.CONSUME(Kw.where);
      this.AT_LEAST_ONE_SEP({ SEP: Kw.and, DEF: () => this.SUBRULE(this.expectWhere) });
    });
    this.CONSUME(Kw.is);
    this.OR1((this.alts.expect1 ??= [
      { ALT: () => this.CONSUME(Kw.nobody), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.SUBRULE(this.nameList) },
    ]));
  });
  public expectWhere = this.RULE("expectWhere", () => {
    this.CONSUME(Name, { LABEL: "dimension" });
    this.CONSUME(Equals);
    this.SUBRULE(this.conditionValue);
  });
}

/** The one parser instance (self-analysis runs once, at module load). */
export const parser = new ConcordParser();

/** The grammar as Chevrotain serialises it (for the EBNF and the diagrams). */
export function serializedGrammar() {
  return parser.getSerializedGastProductions();
}
