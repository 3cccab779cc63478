// File names as reports show them: relative to the current directory, with `/`.
import { isAbsolute, relative, sep } from "node:path";

/** `file` as a report shows it: relative to `cwd` when absolute, always with `/` separators. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  let shown = isAbsolute(file) ? relative(cwd, file) : file;
  if (shown === "") shown = ".";
  if (sep === "\\") shown = shown.split(sep).join("/");
  return shown.replace(/^\.\//, "");
}
