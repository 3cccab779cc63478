// The diagnostics stage: the Diagnostic type and one renderer per output format.
import { renderPretty } from "./pretty.js";
import { renderJson } from "./json.js";
import { renderSarif } from "./sarif.js";
import { renderGithub } from "./github.js";
import { renderJunit } from "./junit.js";
import { renderPlain } from "./plain.js";
import { renderBrief } from "./brief.js";
import type { Format } from "./formats.js";

export * from "./diagnostic.js";
export type { RenderOptions, Sources, Summary, RuleHelp, RuleHelpIndex } from "./report.js";
export { summarize, summaryLine, witnessInWords, formatValue } from "./report.js";
export { displayPath } from "./paths.js";
export { codeFrame } from "./frame.js";
export { renderPretty, prettyDiagnostic } from "./pretty.js";
export { renderJson, jsonReport, InvalidReportError } from "./json.js";
export { checkDiagnosticsReport, diagnosticsSchema, diagnosticsSchemaText } from "./schema.js";
export { renderSarif, sarifLog, sarifRuleId } from "./sarif.js";
export { renderGithub, renderGithubSummary, escapeData, escapeProperty } from "./github.js";
export { renderPlain, plainLine } from "./plain.js";
export { renderBrief, citeReference } from "./brief.js";
export { ruleHelpIndex } from "./rule-help.js";
export { renderJunit, renderTestsJunit, type TestResult } from "./junit.js";
export { codeInfo } from "./codes.js";

export { formats, type Format } from "./formats.js";

export type { Renderer } from "./load-renderer.js";
export { loadRenderer } from "./load-renderer.js";
import type { Renderer } from "./load-renderer.js";

/** `check --format`: one renderer per format. */
export const renderers: Record<Format, Renderer> = {
  pretty: renderPretty,
  brief: renderBrief,
  json: renderJson,
  sarif: renderSarif,
  github: renderGithub,
  junit: renderJunit,
  plain: renderPlain,
};
