// The grammar's LL(k) lookahead paths as data, like its productions (grammar-snapshot.ts).
// Chevrotain's lookahead strategy works out, for each OR, OPTION and repetition, the token
// sequences that choose it, by walking the grammar; at every start that walk was about 4 ms of
// checking one small file (its code run cold), for paths that depend on the grammar alone. They
// are computed once by Chevrotain's own `getLookaheadPaths`, when the grammar changes (`npm run
// generate:grammar`, into src/generated/grammar.ts), and the parser's lookahead functions are
// built from them through Chevrotain's documented extension point for lookahead strategies.
// test/syntax/grammar-snapshot.test.ts fails when the data is not what Chevrotain computes today.
import { Alternation, EOF, getLookaheadPaths, LLkLookaheadStrategy, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, tokenMatcher } from "./chevrotain.js";
import type { GastProduction, GastRule, IOrAlt, TokenType } from "./chevrotain.js";

type Strategy = InstanceType<typeof LLkLookaheadStrategy>;
type AlternationOptions = Parameters<Strategy["buildLookaheadForAlternation"]>[0];
type OptionalOptions = Parameters<Strategy["buildLookaheadForOptional"]>[0];
type AlternationLookahead = ReturnType<Strategy["buildLookaheadForAlternation"]>;
type OptionalLookahead = ReturnType<Strategy["buildLookaheadForOptional"]>;
type ProductionKind = "Alternation" | OptionalOptions["prodType"];

/**
 * Lookahead paths by production (`lookaheadKey`): for an OR, per alternative, the token sequences
 * that choose it; for an OPTION or a repetition, one entry, the sequences that enter it. Tokens by name.
 */
export type LookaheadSnapshot = Record<string, string[][][]>;

export function lookaheadKey(rule: string, kind: ProductionKind, occurrence: number, maxLookahead: number): string {
  return `${rule} ${kind} ${occurrence} ${maxLookahead}`;
}

/** The kind of a production that has a lookahead function, by its class (never by the class's name: a bundler may rename it). */
function kindOf(p: GastProduction): ProductionKind | undefined {
  if (p instanceof Alternation) return "Alternation";
  if (p instanceof Option) return "Option";
  if (p instanceof Repetition) return "Repetition";
  if (p instanceof RepetitionMandatory) return "RepetitionMandatory";
  if (p instanceof RepetitionMandatoryWithSeparator) return "RepetitionMandatoryWithSeparator";
  if (p instanceof RepetitionWithSeparator) return "RepetitionWithSeparator";
  return undefined;
}

/** Every production of `rule` that has a lookahead function (not those of the rules it refers to). */
function lookaheadProductions(rule: GastRule): { kind: ProductionKind; idx: number; maxLookahead?: number }[] {
  const out: { kind: ProductionKind; idx: number; maxLookahead?: number }[] = [];
  const stack: GastProduction[] = [...(rule.definition as GastProduction[])].reverse();
  while (stack.length > 0) {
    const p = stack.pop()!;
    const kind = kindOf(p);
    if (kind !== undefined) {
      const q = p as unknown as { idx: number; maxLookahead?: number };
      out.push({ kind, idx: q.idx, ...(q.maxLookahead !== undefined ? { maxLookahead: q.maxLookahead } : {}) });
    }
    const parts = (p as { definition?: GastProduction[] }).definition;
    if (parts && !(p instanceof NonTerminal)) for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i]!);
  }
  return out;
}

/** The lookahead paths of every production of `rules`, as Chevrotain computes them with `maxLookahead` (a production's own overrides it). */
export function snapshotLookahead(rules: readonly GastRule[], maxLookahead: number): LookaheadSnapshot {
  const out: LookaheadSnapshot = {};
  for (const rule of rules)
    for (const { kind, idx, maxLookahead: own } of lookaheadProductions(rule)) {
      const k = own || maxLookahead;
      const paths = getLookaheadPaths({ occurrence: idx, rule, prodType: kind, maxLookahead: k });
      // An optional production's paths are [into it, past it]: its function reads the first.
      const kept = kind === "Alternation" ? paths : paths.slice(0, 1);
      out[lookaheadKey(rule.name, kind, idx, k)] = kept.map((alt) => alt.map((path) => path.map((t) => t.name)));
    }
  return out;
}

/** Whether any token of the paths has categories (then a token matches through them, as Chevrotain's matcher does). */
function usesCategories(alts: readonly (readonly (readonly TokenType[])[])[]): boolean {
  for (const alt of alts) for (const path of alt) for (const t of path) if (t.categoryMatches !== undefined && t.categoryMatches.length > 0) return true;
  return false;
}

function onlyOneToken(alts: readonly (readonly (readonly TokenType[])[])[]): boolean {
  return alts.every((alt) => alt.every((path) => path.length === 1));
}

interface Reader {
  LA_FAST(howMuch: number): { tokenTypeIdx: number };
}

type Matcher = (token: { tokenTypeIdx: number }, type: TokenType) => boolean;

function sameType(token: { tokenTypeIdx: number }, type: TokenType): boolean {
  return token.tokenTypeIdx === type.tokenTypeIdx;
}

/** Chevrotain's choice of matcher: through categories only where a token of the paths has some. */
function matcherFor(alts: readonly (readonly (readonly TokenType[])[])[]): Matcher {
  return usesCategories(alts) ? (tokenMatcher as unknown as Matcher) : sameType;
}

/** Whether the tokens ahead of `reader` follow one of `paths`. */
function followsOne(reader: Reader, paths: readonly (readonly TokenType[])[], matches: Matcher): boolean {
  next: for (let j = 0; j < paths.length; j++) {
    const path = paths[j]!;
    for (let i = 0; i < path.length; i++) if (!matches(reader.LA_FAST(i + 1), path[i]!)) continue next;
    return true;
  }
  return false;
}

/** Chevrotain's LL(k) choice among alternatives from their paths: the first alternative one of whose paths the next tokens follow. */
export function alternativesLookahead(alts: TokenType[][][], hasPredicates: boolean, dynamicTokensEnabled: boolean): AlternationLookahead {
  const matches = matcherFor(alts);
  if (!hasPredicates && !dynamicTokensEnabled && onlyOneToken(alts)) {
    // One token decides: a table from its type (and the types of its categories) to the first alternative.
    const choice: Record<number, number> = Object.create(null) as Record<number, number>;
    alts.forEach((alt, idx) => {
      for (const [type] of alt) {
        if (!(type!.tokenTypeIdx! in choice)) choice[type!.tokenTypeIdx!] = idx;
        for (const sub of type!.categoryMatches ?? []) if (!(sub in choice)) choice[sub] = idx;
      }
    });
    return function (this: Reader) {
      return choice[this.LA_FAST(1).tokenTypeIdx];
    };
  }
  return function (this: Reader, orAlts?: IOrAlt<unknown>[]) {
    for (let t = 0; t < alts.length; t++) {
      if (hasPredicates) {
        const gate = orAlts?.[t]?.GATE;
        if (gate !== undefined && gate.call(this) === false) continue;
      }
      if (followsOne(this, alts[t]!, matches)) return t;
    }
    return undefined;
  };
}

/** Chevrotain's LL(k) test for entering an OPTION or a repetition: whether the next tokens follow one of its paths. */
export function optionalLookahead(paths: TokenType[][], dynamicTokensEnabled: boolean): OptionalLookahead {
  const matches = matcherFor([paths]);
  if (!dynamicTokensEnabled && onlyOneToken([paths])) {
    const types = paths.map((p) => p[0]!);
    if (types.length === 1 && matches === sameType) {
      const expected = types[0]!.tokenTypeIdx!;
      return function (this: Reader) {
        return this.LA_FAST(1).tokenTypeIdx === expected;
      };
    }
    const entering: boolean[] = [];
    for (const type of types) {
      entering[type.tokenTypeIdx!] = true;
      for (const sub of type.categoryMatches ?? []) entering[sub] = true;
    }
    return function (this: Reader) {
      return entering[this.LA_FAST(1).tokenTypeIdx] === true;
    };
  }
  return function (this: Reader) {
    return followsOne(this, paths, matches);
  };
}

/**
 * Chevrotain's LL(k) strategy, its paths read from a snapshot. A production the snapshot does
 * not have (stale data), or one naming a token the grammar lacks, is computed as Chevrotain does,
 * the first time it is reached: a stale snapshot costs time, never a wrong parse.
 */
export class SnapshotLookahead extends LLkLookaheadStrategy {
  private tokenByName: Map<string, TokenType> | undefined;

  constructor(
    private snapshot: LookaheadSnapshot | undefined,
    private readonly tokens: readonly TokenType[],
    options: { maxLookahead: number },
  ) {
    super(options);
  }

  /** From now on every function is computed as Chevrotain does (the parser found its productions stale). */
  forget(): void {
    this.snapshot = undefined;
  }

  /** The paths of a production as token types; undefined when the snapshot cannot give them. */
  paths(rule: string, kind: ProductionKind, occurrence: number, maxLookahead: number): TokenType[][][] | undefined {
    const names = this.snapshot?.[lookaheadKey(rule, kind, occurrence, maxLookahead)];
    if (names === undefined) return undefined;
    const byName = (this.tokenByName ??= new Map([...this.tokens, EOF].map((t) => [t.name, t])));
    const out: TokenType[][][] = [];
    for (const alt of names) {
      const paths: TokenType[][] = [];
      for (const path of alt) {
        const types: TokenType[] = [];
        for (const name of path) {
          const type = byName.get(name);
          if (type === undefined) return undefined;
          types.push(type);
        }
        paths.push(types);
      }
      out.push(paths);
    }
    return out;
  }

  override buildLookaheadForAlternation(options: AlternationOptions): AlternationLookahead {
    const alts = this.paths(options.rule.name, "Alternation", options.prodOccurrence, options.maxLookahead);
    if (alts !== undefined) return alternativesLookahead(alts, options.hasPredicates, options.dynamicTokensEnabled);
    let built: AlternationLookahead | undefined;
    const build = () => super.buildLookaheadForAlternation(options);
    return function (this: unknown, ...args: Parameters<AlternationLookahead>) {
      return (built ??= build()).apply(this, args);
    };
  }

  override buildLookaheadForOptional(options: OptionalOptions): OptionalLookahead {
    const alts = this.paths(options.rule.name, options.prodType, options.prodOccurrence, options.maxLookahead);
    if (alts !== undefined && alts.length === 1) return optionalLookahead(alts[0]!, options.dynamicTokensEnabled);
    let built: OptionalLookahead | undefined;
    const build = () => super.buildLookaheadForOptional(options);
    return function (this: unknown) {
      return (built ??= build()).call(this);
    };
  }
}
