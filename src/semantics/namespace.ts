// A namespace of declared names: duplicate declarations and unresolved references,
// each reported once, with a "did you mean" suggestion from the same namespace.
import type { Name, Span } from "../syntax/ast.js";
import { Reporter, where } from "./report.js";
import { suggest } from "./suggest.js";

export interface Entry<T> {
  name: string;
  span: Span;
  value: T;
}

export interface NamespaceWording {
  /** "kind", "party or body", "clause number". */
  what: string;
  /** How a name reads in a message: "`x`" by default, "clause 3" for clauses. */
  quote?: (name: string) => string;
  /** The whole `unresolved` message, when the default reads badly. */
  unresolved?: (name: string, suggestion: string | undefined) => string;
  /** The whole `duplicate-declaration` message; `first` says where the first one is. */
  duplicate?: (name: string, first: string) => string;
}

export class Namespace<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly wording: NamespaceWording) {}

  private q(name: string): string {
    return this.wording.quote ? this.wording.quote(name) : `\`${name}\``;
  }

  /** Declare `name`; a second declaration is `duplicate-declaration` and is dropped (returns false). */
  declare(name: string, span: Span, value: T, r: Reporter, clause?: string): boolean {
    const first = this.entries.get(name);
    if (first) {
      r.error(
        "duplicate-declaration",
        this.wording.duplicate
          ? this.wording.duplicate(name, where(first.span, span))
          : `The ${this.wording.what} ${this.q(name)} is declared twice; the first declaration is on ${where(first.span, span)}.`,
        span,
        { clause, related: [{ span: first.span, message: `${this.q(name)} is first declared here` }] },
      );
      return false;
    }
    this.entries.set(name, { name, span, value });
    return true;
  }

  /** Look a reference up; report `unresolved` (with a suggestion for a near miss) when it names nothing. */
  resolve(ref: Name, r: Reporter, clause?: string): T | undefined {
    const e = this.entries.get(ref.text);
    if (e) return e.value;
    const s = suggest(ref.text, this.entries.keys());
    const help = s === undefined ? undefined : `Did you mean ${this.q(s)}?`;
    r.error("unresolved", this.unresolvedMessage(ref.text, s), ref.span, help === undefined ? { clause } : { clause, help });
    return undefined;
  }

  unresolvedMessage(name: string, s: string | undefined = suggest(name, this.entries.keys())): string {
    if (this.wording.unresolved) return this.wording.unresolved(name, s);
    return `There is no ${this.wording.what} named ${this.q(name)}.` + (s === undefined ? "" : ` Did you mean ${this.q(s)}?`);
  }

  get(name: string): T | undefined {
    return this.entries.get(name)?.value;
  }
  has(name: string): boolean {
    return this.entries.has(name);
  }
  names(): string[] {
    return [...this.entries.keys()];
  }
  values(): T[] {
    return [...this.entries.values()].map((e) => e.value);
  }
}
