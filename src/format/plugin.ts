// The Prettier plugin object: the concordat language, its parser and its printer.
// `prettier --plugin concordat/prettier --write "**/*.concord"` loads this module.
import type { Plugin, SupportLanguage } from "prettier";
import { astFormat, parser } from "./parser.js";
import { printer, type Node } from "./printer.js";

export const languages: SupportLanguage[] = [
  {
    name: "concordat",
    parsers: ["concordat"],
    extensions: [".concord"],
    // ```concord fences in Markdown are formatted through Prettier's embedded formatting.
    aliases: ["concord"],
    vscodeLanguageIds: ["concordat"],
  },
];

export const parsers = { concordat: parser };
export const printers = { [astFormat]: printer };

/**
 * The house style: lines up to 100 columns before a role line or selector list wraps (the
 * examples are written so), and each file's line endings kept (CRLF stays CRLF).
 * `.prettierrc` overrides both.
 */
export const defaultOptions = { printWidth: 100, endOfLine: "auto" as const };

export const plugin: Plugin<Node> = { languages, parsers, printers, defaultOptions };
