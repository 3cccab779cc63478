// Text taken from files, made safe for the formats reports are written in.

/** Control characters (other than line breaks and tabs) escaped as `\u001b`, so a terminal shows them rather than obeys them. */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const htmlEntities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML text and attribute values: what `printable` escapes, and the five HTML specials, in one pass (a matrix escapes millions of strings). */
export function escapeHtml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"'\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => htmlEntities[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A Markdown table cell: pipes escaped, line breaks as spaces. */
export function markdownCell(s: string): string {
  return printable(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(s: string): string {
  let t = printable(s);
  if (/^[=+\-@\t\r]/.test(t)) t = `'${t}`;
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
