// The semantics stage: imports, name resolution, type checks, and the compiled rule set.
export { loadProgram, listSourceFiles, projectRoot, MAX_NESTING, MAX_SYNTAX_DIAGNOSTICS, type LoadOptions } from "./load.js";
export { DeepNestingError, InputError, type LoadedFile, type Program } from "./program.js";
export { compileProgram, hasErrors, type CompileOptions, type CompileResult } from "./compile.js";
export { validateRuleSet, serializeRuleSet, ruleSetSchema, RuleSetValidationError } from "./validate-ruleset.js";
export { extractLiterate, loadMarkdownParser } from "./literate.js";
import { loadMarkdownParser } from "./literate.js";

// Library users (and the tests) get every file type without a second call; the command line
// imports the stages' own modules and loads the parser only for a literate file.
await loadMarkdownParser({ tree: true });
export type { RuleSet } from "../generated/ruleset.js";
