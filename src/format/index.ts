// `concordat/prettier`: the Prettier plugin (languages, parsers, printers, defaultOptions),
// plus the functions `concordat fmt` formats files with.
export { languages, parsers, printers, defaultOptions, plugin as default } from "./plugin.js";
export { formatConcordat, formatLiterate, formatText, type FormatOptions } from "./format.js";
export { ConcordatSyntaxError } from "./parser.js";
export { sameMeaning } from "./same-tree.js";
