// The grammar as EBNF text, derived from the parser Chevrotain serialises, and the
// reading/writing of grammar/concordat.ebnf (whose comments are written by hand).
// Notation (ISO-14977 flavoured): `a b` sequence, `a | b` choice, `[ a ]` optional,
// `{ a }` zero or more, `( … )` grouping, "word" a keyword or punctuation,
// UPPER_CASE a token class, `? /regex/ ?` the pattern of a token class.
import type { ISerializedGast } from "./chevrotain.js";
import { serializedGrammar } from "./parser.js";
import { ClauseNumberTok, DateTok, IDENTIFIER_PATTERN, Integer, Money, Prose, StringLit } from "./tokens.js";

export interface EbnfProduction {
  name: string;
  body: string;
}

const terminalText: Record<string, string> = {
  Name: "NAME",
  Identifier: "NAME",
  StringTok: "STRING",
  Integer: "INTEGER",
  Date: "DATE",
  Money: "MONEY",
  ClauseNumber: "CLAUSE_NUMBER",
  LCurly: '"{"',
  RCurly: '"}"',
  Comma: '","',
  Colon: '":"',
  Equals: '"="',
  NotEquals: '"!="',
  Less: '"<"',
  LessEquals: '"<="',
  Greater: '">"',
  GreaterEquals: '">="',
};

function terminal(name: string): string {
  if (terminalText[name]) return terminalText[name]!;
  if (name.startsWith("Kw")) return `"${name.slice(2).toLowerCase()}"`;
  return name.toUpperCase();
}

type Gast = ISerializedGast & {
  name?: string;
  terminalName?: string;
  nonTerminalName?: string;
  separator?: { terminalName?: string; name?: string };
  definition?: Gast[];
};

function seq(defs: Gast[] | undefined): string {
  return (defs ?? []).map(node).filter((s) => s.length > 0).join(" ");
}

function group(s: string): string {
  return /\s/.test(s) ? `( ${s} )` : s;
}

function node(g: Gast): string {
  switch (g.type) {
    case "NonTerminal":
      return g.nonTerminalName ?? g.name ?? "?";
    case "Terminal":
      return terminal(g.terminalName ?? g.name ?? "?");
    case "Alternative":
      return seq(g.definition);
    case "Alternation":
      return "( " + (g.definition ?? []).map(node).join(" | ") + " )";
    case "Option":
      return `[ ${seq(g.definition)} ]`;
    case "Repetition":
      return `{ ${seq(g.definition)} }`;
    case "RepetitionMandatory": {
      const d = seq(g.definition);
      return `${group(d)} { ${d} }`;
    }
    case "RepetitionMandatoryWithSeparator": {
      const d = seq(g.definition);
      const sep = terminal(g.separator?.terminalName ?? g.separator?.name ?? "?");
      return `${group(d)} { ${sep} ${d} }`;
    }
    case "RepetitionWithSeparator": {
      const d = seq(g.definition);
      const sep = terminal(g.separator?.terminalName ?? g.separator?.name ?? "?");
      return `[ ${group(d)} { ${sep} ${d} } ]`;
    }
    default:
      return seq(g.definition);
  }
}

/** The parser's rules as EBNF productions, in the parser's order. */
export function grammarToEbnf(productions: ISerializedGast[] = serializedGrammar()): EbnfProduction[] {
  return (productions as Gast[]).map((rule) => {
    const defs = rule.definition ?? [];
    let body: string;
    if (defs.length === 1 && defs[0]!.type === "Alternation") {
      body = (defs[0]!.definition ?? []).map(node).join("\n    | ");
    } else {
      body = seq(defs);
    }
    return { name: rule.name ?? "?", body };
  });
}

/** The token classes as EBNF productions (their regular expressions). */
export function tokenProductions(): EbnfProduction[] {
  const special = (r: RegExp | string | unknown) => `? /${r instanceof RegExp ? r.source : String(r)}/ ?`;
  return [
    { name: "NAME", body: `${special(IDENTIFIER_PATTERN)} (* minus the reserved words *)` },
    { name: "STRING", body: `${special(StringLit.PATTERN)} | ${special(Prose.PATTERN)}` },
    { name: "INTEGER", body: special(Integer.PATTERN) },
    { name: "MONEY", body: special(Money.PATTERN) },
    { name: "DATE", body: special(DateTok.PATTERN) },
    { name: "CLAUSE_NUMBER", body: special(ClauseNumberTok.PATTERN) },
  ];
}

/** Whitespace and comments do not matter when productions are compared. */
export function normaliseEbnf(body: string): string {
  return stripComments(body).replace(/\s+/g, " ").trim();
}

function stripComments(text: string): string {
  return text.replace(/\(\*[\s\S]*?\*\)/g, " ");
}

export interface EbnfEntry {
  name: string;
  /** The comment lines written above the production (without delimiters' meaning changed). */
  comment: string;
  body: string;
}

/**
 * Read an EBNF file: a sequence of `(* comment *)` blocks and `name = body ;`
 * productions. Returns the productions in file order, each with the comment just above it.
 */
export function readEbnf(text: string): EbnfEntry[] {
  const out: EbnfEntry[] = [];
  let i = 0;
  let pendingComment = "";
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (text.startsWith("(*", i)) {
      const end = text.indexOf("*)", i + 2);
      const stop = end < 0 ? n : end + 2;
      // Only the comment block just above a production belongs to it.
      pendingComment = text.slice(i, stop);
      i = stop;
      continue;
    }
    // A production: name = … ; (a `;` inside quotes, a special sequence or a comment does not end it)
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(text.slice(i));
    if (!m) {
      // Skip an unreadable line.
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? n : nl + 1;
      continue;
    }
    let j = i + m[0].length;
    let body = "";
    while (j < n) {
      const c = text[j]!;
      if (c === '"') {
        const e = text.indexOf('"', j + 1);
        const stop = e < 0 ? n : e + 1;
        body += text.slice(j, stop);
        j = stop;
      } else if (c === "?" && text[j + 1] === " ") {
        const e = text.indexOf(" ?", j + 1);
        const stop = e < 0 ? n : e + 2;
        body += text.slice(j, stop);
        j = stop;
      } else if (text.startsWith("(*", j)) {
        const e = text.indexOf("*)", j + 2);
        const stop = e < 0 ? n : e + 2;
        body += text.slice(j, stop);
        j = stop;
      } else if (c === ";") {
        j++;
        break;
      } else {
        body += c;
        j++;
      }
    }
    out.push({ name: m[1]!, comment: pendingComment, body: body.trim() });
    pendingComment = "";
    i = j;
  }
  return out;
}

const HEADER = `(* concordat grammar — the language reference (DESIGN.md section 1).

   The productions are generated from the parser (src/syntax/parser.ts) by
   \`npm run grammar\`; the comments are written by hand and kept when the file
   is regenerated. test/syntax/grammar.test.ts fails when the two disagree.

   Notation: a b = sequence; a | b = choice; [ a ] = optional; { a } = zero or
   more; ( … ) = grouping; "word" = a keyword or punctuation; UPPER_CASE = a
   token class (see "Tokens" at the end); ? /…/ ? = a regular expression.

   Keywords are soft: any keyword may be used as a NAME, except the reserved
   words import framework agreement clause assign delegate allow expect
   accountable responsible consulted informed where overrides.
   Comments (// to the end of the line, and /* … */) and whitespace may appear
   between any two tokens. *)`;

/** The full text of grammar/concordat.ebnf: generated productions with the comments of `existing`. */
export function renderEbnfFile(existing = ""): string {
  const old = new Map(readEbnf(existing).map((e) => [e.name, e.comment]));
  const parts: string[] = [HEADER, ""];
  const emit = (p: EbnfProduction) => {
    const comment = old.get(p.name) || `(* ${p.name}: to be described. *)`;
    parts.push(comment, `${p.name} =\n    ${p.body}\n    ;`, "");
  };
  parts.push("(* ==================================================================== Rules *)", "");
  for (const p of grammarToEbnf()) emit(p);
  parts.push("(* =================================================================== Tokens *)", "");
  for (const p of tokenProductions()) emit(p);
  return parts.join("\n");
}
