// Plain ANSI styling; every function is the identity when colour is off.
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  blue(s: string): string;
  green(s: string): string;
}

const wrap = (open: string, close: string) => (s: string) => (s.length === 0 ? s : `\u001b[${open}m${s}\u001b[${close}m`);

export const colours: Palette = {
  bold: wrap("1", "22"),
  dim: wrap("2", "22"),
  red: wrap("31", "39"),
  yellow: wrap("33", "39"),
  cyan: wrap("36", "39"),
  blue: wrap("34", "39"),
  green: wrap("32", "39"),
};

const id = (s: string) => s;
export const noColours: Palette = { bold: id, dim: id, red: id, yellow: id, cyan: id, blue: id, green: id };

export function palette(color: boolean | undefined): Palette {
  return color ? colours : noColours;
}

/** Removes ANSI escape sequences (for tests and widths). */
export function stripAnsi(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, "");
}
