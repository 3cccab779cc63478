// Terminal safety (DESIGN.md section 7): text taken from a file (titles, test names, prose,
// file names) is printed with control characters escaped, so that a file cannot clear the
// screen, move the cursor or fake a "passed" line. Newlines and tabs stay; C0, DEL, C1
// (0x9B is a one-byte CSI) and bidirectional controls are shown as `\u001b`.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

function escapeOne(c: string): string {
  return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
}

/** `s` with every control character but newline and tab written as `\uXXXX`. */
export function escapeControls(s: string): string {
  return typeof s === "string" ? s.replace(CONTROLS, escapeOne) : String(s);
}

/** The same, newlines and tabs included (for one-line places: titles, names, locations). */
export function escapeControlsOneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeControls(s).replace(/[\n\t]/g, escapeOne);
}
