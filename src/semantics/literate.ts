// `.concord.md`: the source is the contents of its ```concord fenced blocks. Every other
// character (fences included) is replaced by a space, line breaks kept, so lines, columns
// and offsets of the extracted source are those of the Markdown file.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*concord\b[^`]*$/;

export function extractLiterate(text: string): string {
  const lines = text.split(/(?<=\n)/); // keep the line breaks
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const body = line.replace(/\r?\n$/, "");
    const eol = line.slice(body.length);
    if (fence === undefined) {
      const m = FENCE_OPEN.exec(body);
      if (m) fence = m[1];
      out.push(blank(body) + eol);
    } else {
      const trimmed = body.trim();
      if (trimmed.startsWith(fence) && /^[`~]+$/.test(trimmed) && trimmed[0] === fence[0]) {
        fence = undefined;
        out.push(blank(body) + eol);
      } else {
        out.push(line);
      }
    }
  }
  return out.join("");
}

function blank(s: string): string {
  // One space per UTF-16 unit keeps offsets equal to the original's.
  return " ".repeat(s.length);
}

export function isLiterate(file: string): boolean {
  return file.endsWith(".concord.md");
}
