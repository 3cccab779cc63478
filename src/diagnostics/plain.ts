// `--format plain`: one line per finding, as compilers and editors' problem matchers read them:
//
//   policies/agreements/eastmoor-mou.concord:30:7: error gap: Nobody is accountable for …
//
// No colour, no code frame, no summary. The code is one word (`rule/B3`, as in SARIF), so
// that `file:line:col: severity code: message` splits on the first `: ` after the severity.
import type { Diagnostic } from "./diagnostic.js";
import { sarifRuleId } from "./sarif.js";
import { shownFile, sorted, type RenderOptions } from "./report.js";

/** One line: newlines and other control characters of the message shown escaped. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\r?\n/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function plainLine(d: Diagnostic, options: RenderOptions = {}): string {
  return `${oneLine(shownFile(d.span.file, options))}:${d.span.line}:${d.span.column}: ${d.severity} ${sarifRuleId(d)}: ${oneLine(d.message)}`;
}

export function renderPlain(diagnostics: readonly Diagnostic[], options: RenderOptions = {}): string {
  return sorted(diagnostics).map((d) => plainLine(d, options) + "\n").join("");
}
