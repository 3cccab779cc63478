// The Prettier printer of the concordat AST (src/syntax/ast.ts): one canonical layout.
//
// - Items one to a line, indented by `tabWidth` (or a tab) per block; blank lines between
//   items kept, at most one; none after `{` or before `}`.
// - Only role lines and selector lists wrap, at `printWidth` (continuation indented one
//   level); every other item stays on one line, however long, as the examples are written.
// - Strings are printed as written (their escapes kept); triple-quoted prose is re-indented
//   one level inside its item and never rewrapped; numbers, money and dates as written.
// - Comments are attached by Prettier to the items around them (see `canAttachComment`);
//   the few that fall inside an item with nothing to attach to are printed by the item.
// - `// prettier-ignore` before an item keeps it as written.
import { doc, util, type AstPath, type Doc, type ParserOptions, type Printer } from "prettier";
import type * as A from "../syntax/ast.js";

const { group, indent, fill, join, line, hardline, literalline, lineSuffix, breakParent } = doc.builders;

/** A node Prettier sees: an AST node, or a comment (with the fields Prettier adds when attaching). */
export type Node = (A.AnyNode | A.RoleLine | A.Expect | A.Comment) & {
  comments?: CommentNode[];
};
export type CommentNode = A.Comment & { leading?: boolean; trailing?: boolean; printed?: boolean };

type Print = (selector?: string | number | (string | number)[]) => Doc;
type Options = ParserOptions<Node>;

/** The child lists that hold nodes comments may attach to, by node kind. */
const childKeys: Record<string, string[]> = {
  SourceFile: ["imports", "declarations"],
  Framework: ["items"],
  Agreement: ["items"],
  Clause: ["items"],
  ModelDecl: ["items"],
  RuleDecl: ["items"],
  FunctionDecl: ["children"],
  Assign: ["roleLines"],
  TestDecl: ["expects"],
};

/** Nodes whose contents are indented one level (for the indentation of prose inside them). */
const blockKinds = new Set(["Framework", "Agreement", "Clause", "ModelDecl", "RuleDecl", "FunctionDecl", "Assign", "TestDecl"]);

export function locStart(node: { span: A.Span }): number {
  return node.span.offset;
}
export function locEnd(node: { span: A.Span }): number {
  return node.span.endOffset;
}

export const printer: Printer<Node> = {
  print(path, options, print) {
    return printNode(path as AstPath<Node>, options as Options, print as Print);
  },
  printComment(path) {
    return commentDoc(path.node as CommentNode);
  },
  canAttachComment(node: Node) {
    return typeof node === "object" && node !== null && typeof node.kind === "string" && node.kind !== "Comment" && node.kind !== "SourceFile";
  },
  isBlockComment(node: Node) {
    return node.kind === "Comment" && node.block;
  },
  getVisitorKeys(node: Node) {
    return childKeys[node.kind] ?? [];
  },
  // `// prettier-ignore` before an item keeps that item exactly as written (a hand-aligned table, say).
  hasPrettierIgnore(path) {
    const node = path.node as Node;
    return (node.comments ?? []).some((c) => c.leading && /^(\/\/|\/\*)\s*prettier-ignore\s*(\*\/)?$/.test(c.text.trim()));
  },
};

// ---------------------------------------------------------------- comments

function commentDoc(c: A.Comment): Doc {
  if (!c.block) return c.text.trimEnd();
  // A block comment is kept exactly as written, continuation lines included.
  return join(literalline, c.text.split(/\r\n?|\n/));
}

/** The comments attached to this node that are neither leading nor trailing (Prettier leaves them to us). */
function danglingComments(node: Node): CommentNode[] {
  return (node.comments ?? []).filter((c) => !c.leading && !c.trailing);
}

/** Dangling comments inside a block (or a file of comments only): one per line, a blank line kept where there was one. */
function printDanglingInBlock(node: Node, options: Options): Doc[] {
  const comments = danglingComments(node);
  const parts: Doc[] = [];
  comments.forEach((c, i) => {
    c.printed = true;
    parts.push(commentDoc(c));
    if (i < comments.length - 1) {
      parts.push(hardline);
      if (isFollowedByBlankLine(c as Node, options)) parts.push(hardline);
    }
  });
  return parts.length > 0 ? [parts] : [];
}

/** Dangling comments of a one-line item: after it, on the same line. */
function printDanglingAfter(node: Node): Doc {
  return danglingComments(node).map((c) => {
    c.printed = true;
    return c.block ? [" ", commentDoc(c)] : [lineSuffix([" ", commentDoc(c)]), breakParent];
  });
}

// ---------------------------------------------------------------- pieces

function names(ns: A.Name[]): string {
  return ns.map((n) => n.text).join(", ");
}

/** A comma-separated list that fills lines up to the print width, continuation indented. */
function wrappingList(items: string[]): Doc {
  const parts: Doc[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push(line);
    parts.push(i < items.length - 1 ? item + "," : item);
  });
  return indent(fill(parts));
}

function selectorText(s: A.Selector): string {
  switch (s.kind) {
    case "AllFunctionsSelector":
      return "all functions";
    case "CategorySelector":
      return `category ${s.name.text}`;
    case "FunctionSelector":
      return s.explicit ? `function ${s.name.text}` : s.name.text;
  }
}

function selectorList(ss: A.Selector[]): Doc {
  return wrappingList(ss.map(selectorText));
}

function roleOrKinds(rs: A.RoleOrKind[]): string {
  return rs.map((r) => (r.of === "kind" ? `kind ${r.name.text}` : r.name.text)).join(", ");
}

function valueText(v: A.Value): string {
  return v.text;
}

/** How many blocks enclose the current node (its own indentation, in levels). */
function depth(path: AstPath<Node>): number {
  let n = 0;
  for (const a of path.stack) {
    if (a && typeof a === "object" && !Array.isArray(a) && a !== path.node && blockKinds.has((a as Node).kind)) n++;
  }
  return n;
}

function indentUnit(options: Options): string {
  return options.useTabs ? "\t" : " ".repeat(options.tabWidth);
}

/** A string literal: as written when the source says so, else JSON-quoted; prose re-indented. */
function str(s: A.StringLiteral, path: AstPath<Node>, options: Options): Doc {
  if (s.triple) return prose(s.value, path, options);
  const raw = options.originalText.slice(s.span.offset, s.span.endOffset);
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 && !raw.startsWith('"""')) {
    try {
      if (JSON.parse(raw) === s.value) return raw;
    } catch {
      // fall through: not this literal's text
    }
  }
  return JSON.stringify(s.value);
}

/**
 * Triple-quoted prose: its lines one level deeper than the item that holds it, the closing
 * quotes at the item's level. The words and line breaks are the author's and stay as they are;
 * literal line breaks keep any trailing spaces, which are part of the value.
 */
function prose(value: string, path: AstPath<Node>, options: Options): Doc {
  if (value === "") return '""""""';
  const unit = indentUnit(options);
  const own = unit.repeat(depth(path));
  const inner = own + unit;
  const parts: Doc[] = ['"""'];
  for (const l of value.split("\n")) parts.push(literalline, l === "" ? "" : inner + l);
  parts.push(literalline, own + '"""');
  return parts;
}

function title(s: A.StringLiteral | undefined, path: AstPath<Node>, options: Options): Doc {
  return s ? [" ", str(s, path, options)] : "";
}

function conditions(c: A.Conditions): Doc[] {
  const out: Doc[] = [];
  if (c.where.length > 0) {
    const conds = c.where.map((w) => (w.kind === "In" ? `${w.dimension.text} in { ${names(w.values)} }` : `${w.dimension.text} ${w.op} ${valueText(w.value)}`));
    out.push(["where ", conds.join(" and ")]);
  }
  if (c.from) out.push(`from ${c.from.text}`);
  if (c.until) out.push(`until ${c.until.text}`);
  return out;
}

/** The items of `key`, one per line, a blank line kept where the source had one. */
function sequence(path: AstPath<Node>, options: Options, print: Print, key: string): Doc[] {
  const parts: Doc[] = [];
  const items = (path.node as unknown as Record<string, Node[]>)[key] ?? [];
  (path as AstPath<any>).each((p: AstPath<any>, i: number) => {
    parts.push(print());
    if (i < items.length - 1) {
      parts.push(hardline);
      if (isFollowedByBlankLine(p.node, options)) parts.push(hardline);
    }
  }, key);
  return parts;
}

function isFollowedByBlankLine(node: Node, options: Options): boolean {
  const end = node.span?.endOffset;
  if (!Number.isInteger(end) || end <= 0 || end > options.originalText.length) return false;
  return util.isNextLineEmpty(options.originalText, end);
}

/** `head { items }`, or `head {}` when empty. */
function block(path: AstPath<Node>, options: Options, print: Print, head: Doc, key: string): Doc {
  const node = path.node;
  const items = ((node as unknown as Record<string, Node[]>)[key] ?? []).length;
  const inner: Doc[] = [];
  if (items > 0) for (const item of sequence(path, options, print, key)) inner.push(item);
  const dangling = printDanglingInBlock(node, options);
  if (dangling.length > 0) {
    if (inner.length > 0) inner.push(hardline);
    inner.push(join(hardline, dangling));
  }
  if (inner.length === 0) return [head, " {}"];
  return [head, " {", indent([hardline, ...inner]), hardline, "}"];
}

/** A one-line item, followed by any comment that fell inside it. */
function oneLine(node: Node, d: Doc): Doc {
  return [d, printDanglingAfter(node)];
}

// ---------------------------------------------------------------- nodes

function printNode(path: AstPath<Node>, options: Options, print: Print): Doc {
  const node = path.node;
  switch (node.kind) {
    case "SourceFile":
      return sourceFile(path as AstPath<A.SourceFile & Node>, options, print);
    case "Import":
      return oneLine(node, ["import ", str(node.path, path, options)]);
    case "Framework":
      return block(path, options, print, ["framework ", node.name.text, title(node.title, path, options)], "items");
    case "Agreement":
      return block(path, options, print, ["agreement ", node.name.text, title(node.title, path, options)], "items");

    case "Version":
      return oneLine(node, ["version ", str(node.value, path, options)]);
    case "Source":
      return oneLine(node, ["source ", str(node.value, path, options)]);
    case "Extends":
      return oneLine(node, ["extends ", names(node.frameworks)]);
    case "Levels":
      return oneLine(node, ["levels ", names(node.levels)]);
    case "KindDecl":
      return oneLine(node, ["kind ", node.name.text, title(node.title, path, options)]);
    case "RoleDecl":
      return oneLine(node, ["role ", node.name.text, title(node.title, path, options)]);
    case "CategoryDecl":
      return oneLine(node, ["category ", node.name.text, title(node.title, path, options)]);
    case "FunctionDecl": {
      const head: Doc = ["function ", node.name.text, title(node.title, path, options), node.category ? ` in ${node.category.text}` : ""];
      if (node.children.length === 0 && danglingComments(node).length === 0) return head;
      return block(path, options, print, head, "children");
    }
    case "DimensionDecl": {
      const t = node.type.kind === "enum" ? `enum { ${names(node.type.values)} }` : node.type.kind;
      return oneLine(node, ["dimension ", node.name.text, ": ", t]);
    }
    case "ProvisionDecl":
      return oneLine(node, ["provision ", node.name.text, title(node.title, path, options)]);
    case "ModelDecl":
      return block(path, options, print, ["model ", node.name.text, title(node.title, path, options)], "items");
    case "Step":
      return oneLine(node, ["step ", node.step.text]);
    case "ModelConstraint":
      return oneLine(
        node,
        group([node.role, " ", node.modality, " be ", roleOrKinds(node.roles), node.for.length > 0 ? [" for ", selectorList(node.for)] : ""]),
      );
    case "Requires":
      return oneLine(node, ["requires ", node.what, " ", node.name.text]);
    case "RuleDecl":
      return block(path, options, print, ["rule ", node.name.text, title(node.title, path, options)], "items");
    case "Cite":
      return oneLine(node, ["cite ", str(node.value, path, options)]);
    case "Obligation":
      return oneLine(node, group([node.strength, " ", obligation(node.body)]));

    case "ConformsTo":
      return oneLine(node, ["conforms to ", names(node.frameworks)]);
    case "ModelUse":
      return oneLine(node, group(["model ", node.model.text, node.for.length > 0 ? [" for ", selectorList(node.for)] : ""]));
    case "Term":
      return oneLine(node, ["term ", node.from.text, " to ", node.to.text]);
    case "Review":
      return oneLine(node, ["review every ", node.months.text, " months"]);
    case "PartyDecl":
      return oneLine(node, [
        "party ",
        node.name.text,
        title(node.title, path, options),
        " kind ",
        node.partyKind.text,
        node.roles.length > 0 ? ` role ${names(node.roles)}` : "",
      ]);
    case "BodyDecl":
      return oneLine(node, ["body ", node.name.text, title(node.title, path, options), " kind ", node.bodyKind.text, " members ", names(node.members)]);
    case "Scope":
      return oneLine(node, group(["scope ", selectorList(node.selectors)]));
    case "Clause":
      return block(path, options, print, ["clause ", node.number.text, title(node.title, path, options)], "items");
    case "Assign":
      return block(path, options, print, assignHead(node), "roleLines");
    case "RoleLine":
      return oneLine(node, group([node.role, " ", node.eachMember ? "each member" : wrappingList(node.parties.map((p) => p.text))]));
    case "Delegate":
      return oneLine(node, group(["delegate ", selectorList(node.selectors), indent([line, "from ", node.from.text, " to ", node.to.text, ...conditions(node.conditions).flatMap((c) => [line, c])])]));
    case "Allow":
      return oneLine(node, ["allow ", node.rule.text, " because ", str(node.reason, path, options)]);
    case "TestDecl":
      return block(path, options, print, ["test ", str(node.title, path, options)], "expects");
    case "Expect":
      return oneLine(node, expect(node));
    case "Comment":
      return commentDoc(node);
  }
}

function sourceFile(path: AstPath<A.SourceFile & Node>, options: Options, print: Print): Doc {
  const file = path.node;
  const entries: { key: "imports" | "declarations"; index: number; offset: number; node: Node }[] = [];
  file.imports.forEach((n, index) => entries.push({ key: "imports", index, offset: n.span.offset, node: n }));
  file.declarations.forEach((n, index) => entries.push({ key: "declarations", index, offset: n.span.offset, node: n }));
  // Source order (stable, so nodes without real spans keep imports first).
  entries.sort((a, b) => a.offset - b.offset);
  const parts: Doc[] = [];
  entries.forEach((e, i) => {
    if (i > 0) {
      const prev = entries[i - 1]!;
      parts.push(hardline);
      // A framework or agreement is set apart by a blank line; between imports, blank lines are kept.
      if (e.key === "declarations" || prev.key === "declarations" || isFollowedByBlankLine(prev.node, options)) parts.push(hardline);
    }
    parts.push((path as AstPath<any>).call(() => print(), e.key, e.index));
  });
  const dangling = printDanglingInBlock(file, options);
  if (dangling.length > 0) {
    if (parts.length > 0) parts.push(hardline, hardline);
    parts.push(join(hardline, dangling));
  }
  if (parts.length === 0) return "";
  return [...parts, hardline];
}

function obligation(b: A.ObligationBody): Doc {
  switch (b.kind) {
    case "Cover":
      return ["cover ", selectorList(b.selectors)];
    case "AssignResponsible":
      return ["assign responsible for ", selectorList(b.selectors)];
    case "Deliver":
      return ["deliver ", selectorList(b.selectors), indent([line, "at ", b.level.text])];
    case "MakeAccountable":
      return [b.negated ? "not " : "", "make accountable ", roleOrKinds(b.roles), " for ", selectorList(b.selectors)];
    case "Provide":
      return `provide ${b.provision.text}`;
    case "ReviewEvery":
      return `review every ${b.months.text} months`;
    case "LastAtMost":
      return `last at most ${b.years.text} years`;
    case "HaveAtLeast":
      return `have at least ${b.count.text} parties${b.kinds.length > 0 ? ` of kind ${names(b.kinds)}` : ""}`;
    case "EstablishBody":
      return `establish body of kind ${b.bodyKind.text}`;
    case "UseModel":
      return `use model ${names(b.models)}`;
  }
}

/** `assign SELECTORS at LEVEL PLACES where … from … until … overrides clause N, …`: when too long, the selectors fill lines and each later part takes its own. */
function assignHead(a: A.Assign): Doc {
  const rest: Doc[] = [];
  if (a.at) rest.push(["at ", a.at.level.text, a.at.places.length > 0 ? ` ${names(a.at.places)}` : ""]);
  for (const item of conditions(a.conditions)) rest.push(item);
  if (a.overrides.length > 0) rest.push(["overrides ", a.overrides.map((o) => `clause ${o.text}`).join(", ")]);
  // Continuation lines are indented two levels, so they stand apart from the role lines below.
  return group(["assign ", indent(selectorList(a.selectors)), indent(indent(rest.map((r) => [line, r])))]);
}

function expect(e: A.Expect): string {
  let s = `expect ${e.subject} for ${e.activity.text}`;
  if (e.at) s += ` at ${e.at.level.text} ${e.at.place.text}`;
  if (e.on) s += ` on ${e.on.text}`;
  if (e.where.length > 0) s += " where " + e.where.map((w) => `${w.dimension.text} = ${valueText(w.value)}`).join(" and ");
  s += ` is ${e.expected.length > 0 ? names(e.expected) : "nobody"}`;
  return s;
}
