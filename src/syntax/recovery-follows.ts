// The tokens that may follow a token where the parser is, for Chevrotain's in-rule recovery
// (inserting a missing token, deleting a stray one). Chevrotain computes them by walking the
// grammar down the whole rule stack, concatenating at every level what is left of each rule:
// under n open clauses that is n² work and memory at each missing token, and 10,000 clauses
// left open ran out of memory. The same set is taken here from the innermost rule outwards,
// climbing to the calling rule only while what is left of the inner one can be empty, and
// each rule's answer is kept (it depends on the grammar alone).
import {
  Alternation,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  type GastProduction,
  type GastRule,
  type TokenType,
} from "./chevrotain.js";

/** What may come first in what is left of a rule after one of its elements, and whether that can be empty. */
export interface RestFirst {
  readonly tokens: readonly TokenType[];
  readonly nullable: boolean;
}

const NOT_FOUND: RestFirst = { tokens: [], nullable: false };

/** Where a parse stands: the rules open, outermost first, and at each level the index of the `SUBRULE` that called it. */
export interface RuleStack {
  readonly depth: number;
  ruleAt(level: number): string;
  occurrenceAt(level: number): number;
}

export class RecoveryFollows {
  private readonly kept = new Map<string, RestFirst>();

  constructor(private readonly rules: Record<string, GastRule>) {}

  /**
   * The token types that may follow the `CONSUME<idx>` of `tokenName` in the innermost rule of
   * the stack: Chevrotain's `getFollowsForInRuleRecovery`, as a set (it is only searched).
   */
  afterToken(stack: RuleStack, tokenName: string, idx: number): TokenType[] {
    let level = stack.depth - 1;
    let rest = this.restFirst(stack.ruleAt(level), "token", tokenName, idx);
    const tokens = new Set(rest.tokens);
    while (rest.nullable && level > 0) {
      rest = this.restFirst(stack.ruleAt(level - 1), "rule", stack.ruleAt(level), stack.occurrenceAt(level));
      for (const type of rest.tokens) tokens.add(type);
      level--;
    }
    return [...tokens];
  }

  private restFirst(ruleName: string, kind: "token" | "rule", name: string, idx: number): RestFirst {
    const key = `${ruleName} ${kind} ${name} ${idx}`;
    let found = this.kept.get(key);
    if (found === undefined) {
      const rule = this.rules[ruleName];
      const rest = rule === undefined ? undefined : restAfter(body(rule), (p) => isElement(p, kind, name, idx));
      found = rest === undefined ? NOT_FOUND : firstOfSequence(rest);
      this.kept.set(key, found);
    }
    return found;
  }
}

function isElement(p: GastProduction, kind: "token" | "rule", name: string, idx: number): boolean {
  if (kind === "token") return p instanceof Terminal && p.terminalType.name === name && p.idx === idx;
  return p instanceof NonTerminal && p.referencedRule.name === name && p.idx === idx;
}

/**
 * What is left of a sequence after the element that `is` picks (searched depth first, as
 * Chevrotain's rest walker does), or undefined if it is not there. A repetition the element is
 * in may go round again (with its separator first), so its body is left too, as optional.
 */
function restAfter(sequence: readonly GastProduction[], is: (p: GastProduction) => boolean): GastProduction[] | undefined {
  for (let i = 0; i < sequence.length; i++) {
    const p = sequence[i]!;
    const after = sequence.slice(i + 1);
    if (is(p)) return after;
    if (p instanceof Terminal || p instanceof NonTerminal) continue;
    const branches = p instanceof Alternation ? body(p).map((alt) => body(alt as { definition: unknown[] })) : [body(p)];
    for (const branch of branches) {
      const inner = restAfter(branch, is);
      if (inner !== undefined) return [...inner, ...again(p), ...after];
    }
  }
  return undefined;
}

/** What a repetition may do after one more round: another (its separator first), as an optional element. */
function again(p: GastProduction): GastProduction[] {
  if (p instanceof RepetitionMandatoryWithSeparator || p instanceof RepetitionWithSeparator) {
    return [optional([new Terminal({ terminalType: p.separator }), ...body(p)])];
  }
  if (p instanceof Repetition || p instanceof RepetitionMandatory) return [optional(body(p))];
  return [];
}

function optional(definition: GastProduction[]): GastProduction {
  return new Option({ definition });
}

function firstOfSequence(sequence: readonly GastProduction[]): RestFirst {
  const tokens = new Set<TokenType>();
  for (const p of sequence) {
    for (const type of first(p)) tokens.add(type);
    if (!isOptional(p, new Set())) return { tokens: [...tokens], nullable: false };
  }
  return { tokens: [...tokens], nullable: true };
}

/** Chevrotain's `first` (not exported): the token types a production may begin with. */
function first(p: GastProduction): TokenType[] {
  if (p instanceof Terminal) return [p.terminalType];
  if (p instanceof Alternation) return [...new Set(body(p).flatMap(first))];
  return firstOfSequence(body(p)).tokens.slice();
}

/** Chevrotain's `isOptionalProd` (not exported): whether a production may match nothing. */
function isOptional(p: GastProduction, visiting: Set<GastProduction>): boolean {
  if (p instanceof Repetition || p instanceof RepetitionWithSeparator || p instanceof Option) return true;
  if (p instanceof Terminal) return false;
  if (p instanceof Alternation) return body(p).some((alt) => isOptional(alt, visiting));
  if (p instanceof NonTerminal) {
    if (visiting.has(p)) return false;
    visiting.add(p);
  }
  return body(p).every((inner) => isOptional(inner, visiting));
}

/** What a production holds (a rule reference: the rule's body). Chevrotain types it as IProduction[]. */
function body(p: { definition: unknown[] }): GastProduction[] {
  return p.definition as GastProduction[];
}
