// Parse tree (ParseNode, parser.ts) → AST (ast.ts). Defensive: recovered parses leave partial
// nodes; a node missing a required part is dropped, never a throw. Every node gets its span.
import type { IToken } from "./chevrotain.js";
import type { ConvertedItem, ParseNode } from "./parser.js";
import { LineIndex } from "./lines.js";
import { exactList } from "./exact-list.js";
import { plainSpan } from "./plain-span.js";
import type * as A from "./ast.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";

type Element = IToken | ParseNode | ConvertedItem;

function isNode(e: Element | string | undefined): e is ParseNode {
  return !!e && typeof e === "object" && Array.isArray((e as ParseNode).kids);
}

/** An item the builder converted while the file was being parsed (see `convertItem`). */
function isConverted(e: Element | string | undefined): e is ConvertedItem {
  return !!e && typeof e === "object" && "converted" in e;
}

function validPos(x: unknown): x is number {
  return Number.isInteger(x) && (x as number) >= 0;
}

/** A token that really is in the text (not one inserted by error recovery). */
function realToken(e: Element | string | undefined): e is IToken {
  if (!e || typeof e !== "object" || isNode(e)) return false;
  const t = e as IToken;
  return !t.isInsertedInRecovery && validPos(t.startOffset) && typeof t.image === "string";
}

/** A node's first and last real tokens, found when it had `kids` children (see AstBuilder.firstLast). */
interface Searched {
  kids: number;
  first?: IToken;
  last?: IToken;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  /** Lines and columns of the text's offsets (tokens carry offsets only). */
  readonly lines: LineIndex;
  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  // ---------------------------------------------------------------- spans

  tokenSpan(t: IToken): A.Span {
    return this.spanOfTokens(t, t);
  }

  /** From the start of `first` to the end of `last`, in one span (no span made per token). */
  private spanOfTokens(first: IToken, last: IToken): A.Span {
    // Tokens carry their start only (the lexer's "onlyOffset" tracking): the end is the image's.
    return this.spanAt(first.startOffset, last.startOffset + last.image.length);
  }

  /** The span of the text from `offset` to `endOffset`. */
  spanAt(offset: number, endOffset: number): A.Span {
    return rangeSpan(this.file, this.lines, offset, endOffset);
  }

  spanBetween(a: A.Span, b: A.Span): A.Span {
    return rangeSpan(this.file, this.lines, a.offset, b.endOffset);
  }

  /**
   * The first and last real tokens under each node searched, and how many children it had then
   * (a declaration may be given more items after it is parsed): nested nodes that recovery gave
   * up on are each searched, and 10,000 functions left open searched their subtrees 10,000 times.
   */
  private readonly searched = new WeakMap<ParseNode, Searched>();

  private firstLast(n: ParseNode, acc: { first?: IToken; last?: IToken }): void {
    const kids = n.kids;
    const kept = this.searched.get(n);
    if (kept !== undefined && kept.kids === kids.length) {
      widen(acc, kept.first, kept.last);
      return;
    }
    const own: Searched = { kids: kids.length };
    for (let i = 1; i < kids.length; i += 2) {
      const e = kids[i] as Element;
      if (isNode(e)) this.firstLast(e, own);
      else if (isConverted(e)) widen(own, e.first, e.last);
      else if (realToken(e)) widen(own, e, e);
    }
    this.searched.set(n, own);
    widen(acc, own.first, own.last);
  }

  /**
   * The span of a node: from its first real token to its last; undefined when it has none.
   * A node recovery gave up on, or one items were added to after parsing, is searched.
   */
  nodeSpan(n: ParseNode): A.Span | undefined {
    let first = n.first;
    let last = n.last;
    if (n.recoveredNode || !first || !last) {
      const acc: { first?: IToken; last?: IToken } = {};
      this.firstLast(n, acc);
      first = acc.first;
      last = acc.last;
    }
    if (!first || !last) return undefined;
    return this.spanOfTokens(first, last);
  }

  // ---------------------------------------------------------------- child access

  tok(n: ParseNode | undefined, key: string): IToken | undefined {
    return firstChild(n, key, realToken);
  }
  toks(n: ParseNode | undefined, key: string): IToken[] {
    return children(n, key, realToken);
  }
  sub(n: ParseNode | undefined, key: string): ParseNode | undefined {
    return firstChild(n, key, isNode);
  }
  subs(n: ParseNode | undefined, key: string): ParseNode[] {
    return children(n, key, isNode);
  }
  /** The only sub-node of an item-choice node (frameworkItem, agreementItem, …). */
  only(n: ParseNode): ParseNode | undefined {
    return firstSubNode(n);
  }

  // ---------------------------------------------------------------- literals

  name(t: IToken | undefined): A.Name | undefined {
    return t ? { kind: "Name", text: t.image, span: this.tokenSpan(t) } : undefined;
  }
  names(n: ParseNode | undefined): A.Name[] {
    return this.toks(n, "Name").map((t) => this.name(t)!);
  }

  string(t: IToken | undefined): A.StringLiteral | undefined {
    if (!t) return undefined;
    const span = this.tokenSpan(t);
    const image = t.image;
    if (image.startsWith('"""')) {
      const closed = t.tokenType?.name === "Prose";
      const raw = closed ? image.slice(3, -3) : image.slice(3);
      return { kind: "String", value: dedentProse(raw), triple: true, span };
    }
    const closed = t.tokenType?.name === "StringLit";
    const quoted = closed ? image : image + '"';
    let value: string;
    try {
      value = JSON.parse(quoted) as string;
      if (typeof value !== "string") value = lenientUnescape(quoted.slice(1, -1));
    } catch {
      value = lenientUnescape(quoted.slice(1, -1));
      if (closed) {
        this.diagnostics.push({
          code: "syntax",
          severity: "error",
          message: controlCharacterMessage(quoted) ?? "invalid escape in a string: use \\\", \\\\, \\n, \\t or \\uXXXX",
          span,
        });
      }
    }
    return { kind: "String", value, triple: false, span };
  }

  date(t: IToken | undefined): A.DateLiteral | undefined {
    return t ? { kind: "Date", text: t.image, span: this.tokenSpan(t) } : undefined;
  }
  integer(t: IToken | undefined): A.IntegerLiteral | undefined {
    return t ? { kind: "Integer", value: Number(withoutSeparators(t.image)), text: t.image, span: this.tokenSpan(t) } : undefined;
  }
  money(t: IToken): A.MoneyLiteral {
    const currency = t.image[0] as "£" | "€" | "$";
    return { kind: "Money", currency, amount: Number(withoutSeparators(t.image.slice(1))), text: t.image, span: this.tokenSpan(t) };
  }
  value(n: ParseNode | undefined): A.Value | undefined {
    if (!n) return undefined;
    const m = this.tok(n, "Money");
    if (m) return this.money(m);
    const i = this.tok(n, "Integer");
    if (i) return this.integer(i);
    return this.name(this.tok(n, "Name"));
  }
  clauseNumber(t: IToken | undefined): A.ClauseNumber | undefined {
    if (!t) return undefined;
    const span = this.tokenSpan(t);
    // A clause number is digits and dots only (DESIGN.md §7); `1_0` lexes as an integer with separators.
    if (t.image.includes("_")) {
      this.diagnostics.push({
        code: "syntax",
        severity: "error",
        message: `\`${t.image}\` is not a clause number: clause numbers are digits and dots only (such as \`${t.image.replace(/_/g, "")}\` or \`1.2\`), without \`_\``,
        span,
      });
    }
    return { kind: "ClauseNumber", text: withoutSeparators(t.image), span };
  }

  // ---------------------------------------------------------------- shared

  selector(n: ParseNode): A.Selector | undefined {
    const span = this.nodeSpan(n);
    if (!span) return undefined;
    if (this.tok(n, "KwAll")) return this.tok(n, "KwFunctions") ? { kind: "AllFunctionsSelector", span } : undefined;
    const name = this.name(this.tok(n, "name"));
    if (!name) return undefined;
    if (this.tok(n, "KwCategory")) return { kind: "CategorySelector", name, span };
    return { kind: "FunctionSelector", name, explicit: !!this.tok(n, "KwFunction"), span };
  }
  selectors(n: ParseNode | undefined): A.Selector[] {
    return exactList(this.subs(n, "selector").map((s) => this.selector(s)).filter((s): s is A.Selector => !!s));
  }
  roleOrKinds(n: ParseNode | undefined): A.RoleOrKind[] {
    const out: A.RoleOrKind[] = [];
    for (const r of this.subs(n, "roleOrKind")) {
      const span = this.nodeSpan(r);
      const name = this.name(this.tok(r, "name"));
      if (!span || !name) continue;
      out.push({ kind: "RoleOrKind", of: this.tok(r, "KwKind") ? "kind" : "role", name, span });
    }
    return exactList(out);
  }

  // ---------------------------------------------------------------- top level

  sourceFile(roots: ParseNode[], comments: IToken[]): A.SourceFile {
    const imports: A.Import[] = [];
    const declarations: (A.Framework | A.Agreement)[] = [];
    const all: { offset: number; node: ParseNode }[] = [];
    for (const root of roots) {
      for (const key of ["importDecl", "framework", "agreement"]) for (const n of this.subs(root, key)) all.push({ offset: this.nodeSpan(n)?.offset ?? -1, node: n });
    }
    all.sort((a, b) => a.offset - b.offset);
    for (const { node } of all) {
      if (node.name === "importDecl") {
        const span = this.nodeSpan(node);
        const path = this.string(this.tok(node, "path"));
        if (span && path) imports.push({ kind: "Import", path, span });
      } else if (node.name === "framework") {
        const f = this.framework(node);
        if (f) declarations.push(f);
      } else if (node.name === "agreement") {
        const a = this.agreement(node);
        if (a) declarations.push(a);
      }
    }
    const commentNodes: A.Comment[] = comments
      .filter(realToken)
      .sort((a, b) => a.startOffset - b.startOffset)
      .map((t) => ({ kind: "Comment", text: t.image, block: t.image.startsWith("/*"), span: this.tokenSpan(t) }));
    return { kind: "SourceFile", imports, declarations, comments: commentNodes, span: this.spanAt(0, this.text.length) };
  }

  // ---------------------------------------------------------------- frameworks

  framework(n: ParseNode): A.Framework | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    return { kind: "Framework", name, title: this.string(this.tok(n, "title")), items: this.items(n, "frameworkItem") as A.FrameworkItem[], span };
  }

  frameworkItem(n: ParseNode): A.FrameworkItem | undefined {
    const span = this.nodeSpan(n);
    if (!span) return undefined;
    switch (n.name) {
      case "versionItem":
      case "sourceItem": {
        const value = this.string(this.tok(n, "value"));
        if (!value) return undefined;
        return n.name === "versionItem" ? { kind: "Version", value, span } : { kind: "Source", value, span };
      }
      case "extendsItem": {
        const frameworks = this.names(this.sub(n, "nameList"));
        return frameworks.length ? { kind: "Extends", frameworks, span } : undefined;
      }
      case "levelsItem": {
        const levels = this.names(this.sub(n, "nameList"));
        return levels.length ? { kind: "Levels", levels, span } : undefined;
      }
      case "kindDecl":
      case "roleDecl":
      case "categoryDecl": {
        const name = this.name(this.tok(n, "name"));
        if (!name) return undefined;
        const kind = n.name === "kindDecl" ? "KindDecl" : n.name === "roleDecl" ? "RoleDecl" : "CategoryDecl";
        return { kind, name, title: this.string(this.tok(n, "title")), span } as A.KindDecl | A.RoleDecl | A.CategoryDecl;
      }
      case "functionDecl":
        return this.functionDecl(n);
      case "dimensionDecl": {
        const name = this.name(this.tok(n, "name"));
        if (!name) return undefined;
        const money = this.tok(n, "KwMoney");
        const number = this.tok(n, "KwNumber");
        const en = this.tok(n, "KwEnum");
        let type: A.DimensionDecl["type"] | undefined;
        if (money) type = { kind: "money", span: this.tokenSpan(money) };
        else if (number) type = { kind: "number", span: this.tokenSpan(number) };
        else if (en) {
          const values = this.names(this.sub(n, "nameList"));
          const last = this.tok(n, "RCurly");
          const endSpan = last ? this.tokenSpan(last) : values.length ? values[values.length - 1]!.span : this.tokenSpan(en);
          type = { kind: "enum", values, span: this.spanBetween(this.tokenSpan(en), endSpan) };
        }
        return type ? { kind: "DimensionDecl", name, type, span } : undefined;
      }
      case "provisionDecl":
        return this.provisionDecl(n);
      case "modelDecl":
        return this.modelDecl(n);
      case "ruleDecl":
        return this.ruleDecl(n);
    }
    return undefined;
  }

  functionDecl(n: ParseNode): A.FunctionDecl | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    const children = this.subs(n, "functionDecl")
      .map((c) => this.functionDecl(c))
      .filter((c): c is A.FunctionDecl => !!c);
    const category = this.name(this.tok(n, "category"));
    const fn: A.FunctionDecl = { kind: "FunctionDecl", name, title: this.string(this.tok(n, "title")), children, span };
    if (category) fn.category = category;
    if (!fn.title) delete fn.title;
    return fn;
  }

  provisionDecl(n: ParseNode): A.ProvisionDecl | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    return { kind: "ProvisionDecl", name, title: this.string(this.tok(n, "title")), span };
  }

  modelDecl(n: ParseNode): A.ModelDecl | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    const items: A.ModelItem[] = [];
    for (const it of this.subs(n, "modelItem")) {
      const inner = this.only(it);
      const ispan = inner && this.nodeSpan(inner);
      if (!inner || !ispan) continue;
      if (inner.name === "stepItem") {
        const step = this.integer(this.tok(inner, "value"));
        if (step) items.push({ kind: "Step", step, span: ispan });
      } else if (inner.name === "modelConstraint") {
        const role = this.tok(inner, "KwAccountable") ? "accountable" : this.tok(inner, "KwResponsible") ? "responsible" : undefined;
        const modality = this.tok(inner, "KwMust") ? "must" : this.tok(inner, "KwMay") ? "may" : undefined;
        const roles = this.roleOrKinds(this.sub(inner, "roleOrKindList"));
        if (!role || !modality || roles.length === 0) continue;
        items.push({ kind: "ModelConstraint", role, modality, roles, for: this.selectors(this.sub(inner, "selectorList")), span: ispan });
      } else if (inner.name === "requiresItem") {
        const what = this.tok(inner, "KwProvision") ? "provision" : this.tok(inner, "KwRole") ? "role" : this.tok(inner, "KwBody") ? "body" : undefined;
        const name = this.name(this.tok(inner, "name"));
        if (what && name) items.push({ kind: "Requires", what, name, span: ispan });
      } else if (inner.name === "citeItem") {
        const value = this.string(this.tok(inner, "value"));
        if (value) items.push({ kind: "Cite", value, span: ispan });
      }
    }
    return { kind: "ModelDecl", name, title: this.string(this.tok(n, "title")), items, span };
  }

  ruleDecl(n: ParseNode): A.RuleDecl | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    const items: A.RuleItem[] = [];
    for (const it of this.subs(n, "ruleItem")) {
      const inner = this.only(it);
      const ispan = inner && this.nodeSpan(inner);
      if (!inner || !ispan) continue;
      if (inner.name === "citeItem") {
        const value = this.string(this.tok(inner, "value"));
        if (value) items.push({ kind: "Cite", value, span: ispan });
      } else if (inner.name === "obligation") {
        const strength = this.tok(inner, "KwMust") ? "must" : this.tok(inner, "KwShould") ? "should" : undefined;
        const bodyNode = firstSubNode(inner);
        const body = bodyNode && this.obligationBody(bodyNode);
        if (strength && body) items.push({ kind: "Obligation", strength, body, span: ispan });
      }
    }
    return { kind: "RuleDecl", name, title: this.string(this.tok(n, "title")), items, span };
  }

  obligationBody(n: ParseNode): A.ObligationBody | undefined {
    const span = this.nodeSpan(n);
    if (!span) return undefined;
    const selectors = this.selectors(this.sub(n, "selectorList"));
    switch (n.name) {
      case "coverObligation":
        return selectors.length ? { kind: "Cover", selectors, span } : undefined;
      case "assignResponsibleObligation":
        return selectors.length ? { kind: "AssignResponsible", selectors, span } : undefined;
      case "deliverObligation": {
        const level = this.name(this.tok(n, "level"));
        return selectors.length && level ? { kind: "Deliver", selectors, level, span } : undefined;
      }
      case "makeAccountableObligation": {
        const roles = this.roleOrKinds(this.sub(n, "roleOrKindList"));
        return selectors.length && roles.length ? { kind: "MakeAccountable", negated: !!this.tok(n, "KwNot"), roles, selectors, span } : undefined;
      }
      case "provideObligation": {
        const provision = this.name(this.tok(n, "provision"));
        return provision ? { kind: "Provide", provision, span } : undefined;
      }
      case "reviewEveryObligation": {
        const months = this.integer(this.tok(n, "count"));
        return months ? { kind: "ReviewEvery", months, span } : undefined;
      }
      case "lastAtMostObligation": {
        const years = this.integer(this.tok(n, "count"));
        return years ? { kind: "LastAtMost", years, span } : undefined;
      }
      case "haveAtLeastObligation": {
        const count = this.integer(this.tok(n, "count"));
        return count ? { kind: "HaveAtLeast", count, kinds: this.names(this.sub(n, "nameList")), span } : undefined;
      }
      case "establishBodyObligation": {
        const bodyKind = this.name(this.tok(n, "kind"));
        return bodyKind ? { kind: "EstablishBody", bodyKind, span } : undefined;
      }
      case "useModelObligation": {
        const models = this.names(this.sub(n, "nameList"));
        return models.length ? { kind: "UseModel", models, span } : undefined;
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------- agreements

  agreement(n: ParseNode): A.Agreement | undefined {
    const span = this.nodeSpan(n);
    const name = this.name(this.tok(n, "name"));
    if (!span || !name) return undefined;
    return { kind: "Agreement", name, title: this.string(this.tok(n, "title")), items: this.agreementItems(n), span };
  }

  agreementItems(n: ParseNode): A.AgreementItem[] {
    return this.items(n, "agreementItem") as A.AgreementItem[];
  }

  /**
   * An agreement or framework item as its syntax tree. The parser calls this as soon as it
   * has parsed each item (ConcordParser.onItem); items parsed otherwise are converted when
   * their declaration is.
   */
  convertItem(it: ParseNode): A.AgreementItem | A.FrameworkItem | undefined {
    const inner = this.only(it);
    if (!inner) return undefined;
    return it.name === "agreementItem" ? this.agreementItem(inner) : this.frameworkItem(inner);
  }

  /** The items of a declaration or clause, in order: converted during parsing or now. */
  private items(n: ParseNode, key: "agreementItem" | "frameworkItem"): (A.AgreementItem | A.FrameworkItem)[] {
    const out: (A.AgreementItem | A.FrameworkItem)[] = [];
    const kids = n.kids;
    for (let i = 0; i < kids.length; i += 2) {
      if (kids[i] !== key) continue;
      const e = kids[i + 1];
      const item = isConverted(e) ? (e.converted as A.AgreementItem | A.FrameworkItem | undefined) : isNode(e) ? this.convertItem(e) : undefined;
      if (item) out.push(item);
    }
    return exactList(out);
  }

  agreementItem(n: ParseNode): A.AgreementItem | undefined {
    const span = this.nodeSpan(n);
    if (!span) return undefined;
    switch (n.name) {
      case "conformsTo": {
        const frameworks = this.names(this.sub(n, "nameList"));
        return frameworks.length ? { kind: "ConformsTo", frameworks, span } : undefined;
      }
      case "modelUse": {
        const model = this.name(this.tok(n, "name"));
        return model ? { kind: "ModelUse", model, for: this.selectors(this.sub(n, "selectorList")), span } : undefined;
      }
      case "termItem": {
        const from = this.date(this.tok(n, "from"));
        const to = this.date(this.tok(n, "to"));
        return from && to ? { kind: "Term", from, to, span } : undefined;
      }
      case "reviewItem": {
        const months = this.integer(this.tok(n, "count"));
        return months ? { kind: "Review", months, span } : undefined;
      }
      case "partyDecl": {
        const name = this.name(this.tok(n, "name"));
        const partyKind = this.name(this.tok(n, "kind"));
        if (!name || !partyKind) return undefined;
        return { kind: "PartyDecl", name, title: this.string(this.tok(n, "title")), partyKind, roles: this.names(this.sub(n, "nameList")), span };
      }
      case "bodyDecl": {
        const name = this.name(this.tok(n, "name"));
        const bodyKind = this.name(this.tok(n, "kind"));
        if (!name || !bodyKind) return undefined;
        return { kind: "BodyDecl", name, title: this.string(this.tok(n, "title")), bodyKind, members: this.names(this.sub(n, "nameList")), span };
      }
      case "functionDecl":
        return this.functionDecl(n);
      case "scopeItem": {
        const selectors = this.selectors(this.sub(n, "selectorList"));
        return selectors.length ? { kind: "Scope", selectors, span } : undefined;
      }
      case "provisionDecl":
        return this.provisionDecl(n);
      case "clause": {
        const number = this.clauseNumber(this.tok(n, "number"));
        if (!number) return undefined;
        return { kind: "Clause", number, title: this.string(this.tok(n, "title")), items: this.agreementItems(n), span };
      }
      case "assign":
        return this.assign(n, span);
      case "delegate": {
        const selectors = this.selectors(this.sub(n, "selectorList"));
        const from = this.name(this.tok(n, "from"));
        const to = this.name(this.tok(n, "to"));
        if (!selectors.length || !from || !to) return undefined;
        return { kind: "Delegate", selectors, from, to, conditions: this.conditions(this.sub(n, "conditions")), span };
      }
      case "allow": {
        const rule = this.name(this.tok(n, "rule"));
        const reason = this.string(this.tok(n, "reason"));
        return rule && reason ? { kind: "Allow", rule, reason, span } : undefined;
      }
      case "testDecl": {
        const title = this.string(this.tok(n, "title"));
        if (!title) return undefined;
        const expects = this.subs(n, "expect")
          .map((e) => this.expect(e))
          .filter((e): e is A.Expect => !!e);
        return { kind: "TestDecl", title, expects, span };
      }
    }
    return undefined;
  }

  assign(n: ParseNode, span: A.Span): A.Assign | undefined {
    const selectors = this.selectors(this.sub(n, "selectorList"));
    if (!selectors.length) return undefined;
    // Every part first (in text order, as their diagnostics come), then one literal: a property
    // added to an object after it is made (`at`) goes to a second array, one per assignment.
    const conditions = this.conditions(this.sub(n, "conditions"));
    const overrides = exactList(
      this.subs(n, "clauseRef")
        .map((c) => this.clauseNumber(this.tok(c, "number")))
        .filter((c): c is A.ClauseNumber => !!c),
    );
    let at: A.Assign["at"];
    const atTok = this.tok(n, "KwAt");
    const level = this.name(this.tok(n, "level"));
    if (atTok && level) {
      const places = this.names(this.sub(this.sub(n, "places"), "nameList"));
      const end = places.length ? places[places.length - 1]!.span : level.span;
      at = { level, places, span: this.spanBetween(this.tokenSpan(atTok), end) };
    }
    const lines: A.RoleLine[] = [];
    for (const rl of this.subs(n, "roleLine")) {
      const rspan = this.nodeSpan(rl);
      const roleTok = this.tok(rl, "role");
      if (!rspan || !roleTok) continue;
      const role = roleTok.image as A.RaciRole;
      const eachMember = !!this.tok(rl, "KwEach") && !!this.tok(rl, "KwMember");
      const parties = eachMember ? [] : this.names(this.sub(rl, "nameList"));
      if (!eachMember && parties.length === 0) continue;
      lines.push({ kind: "RoleLine", role, parties, eachMember, span: rspan });
    }
    const roleLines = exactList(lines);
    return at
      ? { kind: "Assign", selectors, conditions, overrides, roleLines, span, at }
      : { kind: "Assign", selectors, conditions, overrides, roleLines, span };
  }

  conditions(n: ParseNode | undefined): A.Conditions {
    const out: A.Conditions = { where: [] };
    if (!n) return out;
    // The children come in text order: where, from and until as written.
    let seen = 0;
    let maxOrder = -1;
    let maxWord = "";
    const kids = n.kids;
    for (let i = 0; i < kids.length; i += 2) {
      const node = kids[i + 1];
      if (!isNode(node)) continue;
      const key = kids[i];
      const order = key === "whereClause" ? 0 : key === "fromClause" ? 1 : key === "untilClause" ? 2 : -1;
      if (order < 0 || !hasTokens(node)) continue;
      const word = order === 0 ? "where" : order === 1 ? "from" : "until";
      const kwTok = this.tok(node, order === 0 ? "KwWhere" : order === 1 ? "KwFrom" : "KwUntil");
      const kwSpan = () => (kwTok ? this.tokenSpan(kwTok) : this.nodeSpan(node)!);
      if (seen & (1 << order)) {
        this.diagnostics.push({ code: "syntax", severity: "error", message: `\`${word}\` is given twice: write one \`${word}\` (join conditions with \`and\`)`, span: kwSpan() });
        continue;
      }
      if (order < maxOrder) {
        this.diagnostics.push({ code: "syntax", severity: "error", message: `\`${word}\` must come before \`${maxWord}\`: conditions go in the order \`where\`, \`from\`, \`until\``, span: kwSpan() });
      }
      seen |= 1 << order;
      if (order > maxOrder) {
        maxOrder = order;
        maxWord = word;
      }
      if (order === 0) {
        for (const c of this.subs(node, "condition")) {
          const cond = this.condition(c);
          if (cond) out.where.push(cond);
        }
        out.where = exactList(out.where);
      } else {
        const d = this.date(this.tok(node, "date"));
        if (d) out[order === 1 ? "from" : "until"] = d;
      }
    }
    return out;
  }

  condition(n: ParseNode): A.Condition | undefined {
    const span = this.nodeSpan(n);
    const dimension = this.name(this.tok(n, "dimension"));
    if (!span || !dimension) return undefined;
    if (this.tok(n, "KwIn")) {
      const values = this.names(this.sub(n, "nameList"));
      return values.length ? { kind: "In", dimension, values, span } : undefined;
    }
    const opTok = this.tok(this.sub(n, "comparisonOp"), "op");
    const value = this.value(this.sub(n, "conditionValue"));
    if (!opTok || !value) return undefined;
    return { kind: "Compare", dimension, op: opTok.image as A.ComparisonOp, value, span };
  }

  expect(n: ParseNode): A.Expect | undefined {
    const span = this.nodeSpan(n);
    const subjectTok = this.tok(n, "subject");
    const activity = this.name(this.tok(n, "activity"));
    if (!span || !subjectTok || !activity) return undefined;
    const nobody = !!this.tok(n, "KwNobody");
    const expected = nobody ? [] : this.names(this.sub(n, "nameList"));
    if (!nobody && expected.length === 0) return undefined;
    const result: A.Expect = { kind: "Expect", subject: subjectTok.image as A.Expect["subject"], activity, where: [], expected, span };
    const atTok = this.tok(n, "KwAt");
    const level = this.name(this.tok(n, "level"));
    const place = this.name(this.tok(n, "place"));
    if (atTok && level && place) result.at = { level, place, span: this.spanBetween(this.tokenSpan(atTok), place.span) };
    const on = this.date(this.tok(n, "date"));
    if (on) result.on = on;
    for (const w of this.subs(n, "expectWhere")) {
      const wspan = this.nodeSpan(w);
      const dimension = this.name(this.tok(w, "dimension"));
      const value = this.value(this.sub(w, "conditionValue"));
      if (wspan && dimension && value) result.where.push({ dimension, value, span: wspan });
    }
    result.where = exactList(result.where);
    return result;
  }
}

/** The first child under `key` that is what `is` accepts (a real token, a node). */
function firstChild<T extends Element>(n: ParseNode | undefined, key: string, is: (e: Element | string | undefined) => e is T): T | undefined {
  if (!n) return undefined;
  const kids = n.kids;
  for (let i = 0; i < kids.length; i += 2) {
    const e = kids[i + 1];
    if (kids[i] === key && is(e)) return e;
  }
  return undefined;
}

/** Every child under `key` that `is` accepts, in order. */
function children<T extends Element>(n: ParseNode | undefined, key: string, is: (e: Element | string | undefined) => e is T): T[] {
  const out: T[] = [];
  if (!n) return out;
  const kids = n.kids;
  for (let i = 0; i < kids.length; i += 2) {
    const e = kids[i + 1];
    if (kids[i] === key && is(e)) out.push(e);
  }
  return out;
}

/** Whether a node holds a token of the text (else it has no span). */
function hasTokens(n: ParseNode): boolean {
  if (n.first) return true;
  const kids = n.kids;
  for (let i = 1; i < kids.length; i += 2) {
    const e = kids[i] as Element;
    if (isNode(e) ? hasTokens(e) : isConverted(e) ? e.first !== undefined : realToken(e)) return true;
  }
  return false;
}

/** The first sub-node, in the order the children were parsed. */
function firstSubNode(n: ParseNode): ParseNode | undefined {
  const kids = n.kids;
  for (let i = 1; i < kids.length; i += 2) {
    const e = kids[i];
    if (isNode(e)) return e;
  }
  return undefined;
}

/** Digits without their `_` separators (most literals have none: no new string then). */
function withoutSeparators(digits: string): string {
  return digits.includes("_") ? digits.replace(/_/g, "") : digits;
}

/** Decode a string body whose escapes are not all valid JSON: keep what cannot be decoded. */
function lenientUnescape(body: string): string {
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (m, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    const map: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
    return map[e] ?? m;
  });
}

/**
 * The text of `"""` prose: line endings normalised to LF, a blank first and a blank
 * last line dropped, the indentation common to every non-blank line removed, and
 * blank lines emptied. `raw` is what lies between the triple quotes.
 */
export function dedentProse(raw: string): string {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 0 && lines[0]!.trim() === "") lines.shift();
  if (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  let indent = Infinity;
  for (const l of lines) {
    if (l.trim() === "") continue;
    const m = /^[ \t]*/.exec(l)![0].length;
    if (m < indent) indent = m;
  }
  if (!Number.isFinite(indent)) indent = 0;
  return lines.map((l) => (l.trim() === "" ? "" : l.slice(indent))).join("\n");
}

/** The span of a whole text. */
export function wholeSpan(file: string, text: string): A.Span {
  return rangeSpan(file, new LineIndex(text), 0, text.length);
}

/**
 * A span whose line and column are worked out from its offsets when read: most spans of a large
 * file are never shown, and 7 fields each (18 spans an assignment) were half of its syntax tree.
 * Reads as an `A.Span`; `plainSpan` (plain-span.ts) or JSON gives the plain object.
 */
class OffsetSpan implements A.Span {
  constructor(
    private readonly lines: LineIndex,
    readonly file: string,
    readonly offset: number,
    readonly endOffset: number,
  ) {}
  get line(): number {
    return this.lines.line(this.offset);
  }
  get column(): number {
    return this.lines.column(this.offset, this.line);
  }
  get endLine(): number {
    return this.lines.line(this.endOffset);
  }
  get endColumn(): number {
    return this.lines.column(this.endOffset, this.endLine);
  }
  toJSON(): A.Span {
    return plainSpan(this);
  }
}

/** The span from `offset` to `endOffset`; its end is the position of the end offset (the next line's start after a line break). */
function rangeSpan(file: string, lines: LineIndex, offset: number, endOffset: number): A.Span {
  return new OffsetSpan(lines, file, offset, endOffset);
}

/** Stretches `acc` to take in the tokens `first` … `last` (either may be missing). */
function widen(acc: { first?: IToken; last?: IToken }, first: IToken | undefined, last: IToken | undefined): void {
  if (first && (!acc.first || first.startOffset < acc.first.startOffset)) acc.first = first;
  if (last && (!acc.last || last.startOffset > acc.last.startOffset)) acc.last = last;
}

/** A raw control character in a string is not a bad escape: name it and how to write it. */
function controlCharacterMessage(quoted: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const m = /[\u0000-\u001f\u007f]/.exec(quoted);
  if (!m) return undefined;
  const hex = m[0].charCodeAt(0).toString(16).padStart(4, "0");
  return `a control character (U+${hex.toUpperCase()}) in a string: delete it, or write it as \\u${hex}`;
}
