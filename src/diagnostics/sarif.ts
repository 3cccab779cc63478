// `--format sarif`: SARIF 2.1.0, for GitHub code scanning.
//
// ruleId: the diagnostic code (`gap`, `conflict`, `delegation-cycle`, …), except that a
// framework rule finding is `rule/<id>` (`rule/B3`) and a model finding `model/<id>`
// (`model/federated`): code scanning groups and dismisses alerts by rule, and "B3: support
// services at system level" is one thing a reviewer decides on, "rule" is not. The code is
// always in `properties.code`; the framework rule behind a gap or conflict in
// `properties.rule`. Output is deterministic: rules sorted by id, results in report order.
// Alerts are tracked across commits by `partialFingerprints`, computed from what a finding is
// (file, code, rule, clause, activity) and never from where it sits, so moving a clause down
// the file keeps its alert.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Diagnostic, Severity } from "./diagnostic.js";
import { codeInfo } from "./codes.js";
import { codeHelpUri } from "./docs.js";
import { displayPath } from "./paths.js";
import { packageVersion } from "./package-root.js";
import { sorted, witnessInWords, type RenderOptions } from "./report.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://concordat.dev";
/** Every URI is relative to the project root, which a consumer (code scanning: the checkout) supplies. */
export const SRCROOT = "%SRCROOT%";
/** The key of concordat's own partial fingerprint; `/v1` changes only if its inputs do. */
export const FINGERPRINT = "concordatFinding/v1";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json | undefined };

export function sarifRuleId(d: Diagnostic): string {
  if ((d.code === "rule" || d.code === "model") && d.rule) return `${d.code}/${d.rule}`;
  return d.code;
}

function level(s: Severity): "error" | "warning" | "note" {
  return s === "error" ? "error" : s === "warning" ? "warning" : "note";
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function pathToUri(path: string): string {
  return path
    .split("/")
    .map((seg) => (seg === ".." || seg === "." ? seg : encodeURIComponent(seg)))
    .join("/");
}

interface SarifRegionInput {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

function region(s: SarifRegionInput): Record<string, number> {
  const r: Record<string, number> = { startLine: s.line, startColumn: s.column };
  if (s.endLine !== undefined && Number.isInteger(s.endLine) && s.endLine >= s.line) r.endLine = s.endLine;
  if (s.endColumn !== undefined && Number.isInteger(s.endColumn) && s.endColumn >= 1) {
    // SARIF's endColumn is exclusive, like ours; an empty span still needs endColumn > startColumn on one line.
    r.endColumn = (r.endLine ?? s.line) === s.line && s.endColumn <= s.column ? s.column + 1 : s.endColumn;
  }
  return r;
}

/** Escapes text for a SARIF message that has embedded links: `\\`, `[` and `]` are literal. */
function escapeLinkText(s: string): string {
  return s.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

/** Markdown-safe text for help.markdown (no HTML, no emphasis by accident). */
function md(s: string): string {
  return s.replace(/([\\`*_{}[\]<>|#])/g, "\\$1");
}

function help(id: string, sample: Diagnostic, options: SarifOptions): { text: string; markdown: string; short: string; full: string } {
  const info = codeInfo[sample.code];
  const known = options.ruleHelp?.get(id);
  if ((sample.code === "rule" || sample.code === "model") && sample.rule) {
    const what = sample.code === "rule" ? "Framework rule" : "Collaboration model";
    const title = known?.title;
    const cite = known?.cite ?? sample.cite;
    const short = title ? `${what} ${sample.rule}: ${title}` : `${what} ${sample.rule}`;
    const obligations = known?.obligations ?? [];
    const verb = sample.code === "rule" ? "An agreement that conforms to the framework" : "An agreement that uses the model";
    const textLines = [short + "."];
    if (obligations.length > 0) textLines.push("", `${verb}:`);
    for (const o of obligations) textLines.push(`- ${o}`);
    if (cite) textLines.push("", `Source: ${cite}`);
    textLines.push("", info.description);
    const mdLines = [`**${md(short)}**`];
    if (obligations.length > 0) mdLines.push("", `${verb}:`, "");
    for (const o of obligations) mdLines.push(`- \`${o.replace(/`/g, "'")}\``);
    if (cite) mdLines.push("", `Source: ${md(cite)}`);
    mdLines.push("", md(info.description), "", `See [${sample.code} in the README](${codeHelpUri(sample.code)}).`);
    return { text: textLines.join("\n"), markdown: mdLines.join("\n"), short, full: cite ? `${short}. Source: ${cite}` : `${short}. ${info.description}` };
  }
  return {
    short: info.title,
    full: info.description,
    text: `${info.title}: ${info.description}`,
    markdown: `**${md(info.title)}**\n\n${md(info.description)}\n\nSee [\`${sample.code}\` in the README](${codeHelpUri(sample.code)}).`,
  };
}

function ruleDescriptor(id: string, sample: Diagnostic, options: SarifOptions): { [k: string]: Json } {
  const info = codeInfo[sample.code];
  const h = help(id, sample, options);
  const framework = sample.code === "rule" || sample.code === "model";
  return {
    id,
    name: framework
      ? id.replace(/[^A-Za-z0-9]+/g, "_")
      : info.title.replace(/[^A-Za-z0-9]+/g, " ").trim().replace(/ (\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: h.short },
    fullDescription: { text: h.full },
    help: { text: h.text, markdown: h.markdown },
    helpUri: codeHelpUri(sample.code),
    defaultConfiguration: { level: level(framework ? sample.severity : info.defaultSeverity) },
    properties: { code: sample.code, tags: ["concordat", sample.code] },
  };
}

export interface SarifOptions extends RenderOptions {}

/** The activity a finding is about: its witness's, or the first of several. */
function activityOf(d: Diagnostic): string {
  return d.witness?.activity ?? d.witness?.activities?.[0] ?? "";
}

/** The fingerprint's identity: file, code, rule, clause and activity; never the line, so it survives unrelated edits. */
function identity(d: Diagnostic, file: string): string {
  return [file, d.code, d.rule ?? "", d.clause ?? "", activityOf(d)].join("\u0000");
}

/**
 * The message with links to its related locations (SARIF 3.11.6): the first mention of a
 * related clause becomes `[clause 2.1](1)`; related locations it does not mention are listed
 * at the end, so that a viewer can reach every one of them from the message.
 */
export function linkedMessage(d: Diagnostic): string {
  let text = escapeLinkText(d.message);
  const unlinked: string[] = [];
  (d.related ?? []).forEach((r, i) => {
    const id = i + 1;
    const clause = /\bclause (\d+(?:\.\d+)*)\b/.exec(r.message)?.[1];
    if (clause !== undefined) {
      const mention = new RegExp(`(^|[^\\[\\w.])(clause ${clause.replace(/\./g, "\\.")})(?![\\w.]*\\])(?![.\\d]*\\d)`);
      if (mention.test(text)) {
        text = text.replace(mention, (_m, before: string, words: string) => `${before}[${words}](${id})`);
        return;
      }
      unlinked.push(`[clause ${clause}](${id})`);
      return;
    }
    unlinked.push(`[related location ${id}](${id})`);
  });
  if (unlinked.length > 0) text += ` (see ${unlinked.join(", ")})`;
  return text;
}

/** The SARIF log as an object. */
export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions = {}): { [k: string]: Json } {
  const ds = sorted(diagnostics);
  const samples = new Map<string, Diagnostic>();
  for (const d of ds) if (!samples.has(sarifRuleId(d))) samples.set(sarifRuleId(d), d);
  const ruleIds = [...samples.keys()].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, samples.get(id)!, options));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const root = options.root ?? options.cwd ?? process.cwd();
  const uriOf = (file: string): string => pathToUri(displayPath(resolve(options.cwd ?? process.cwd(), file), root));
  const occurrences = new Map<string, number>();

  const results = ds.map((d) => {
    const file = uriOf(d.span.file);
    const props: { [k: string]: Json } = { code: d.code };
    if (d.clause !== undefined) props.clause = d.clause;
    if (d.rule !== undefined) props.rule = d.rule;
    if (d.cite !== undefined) props.cite = d.cite;
    if (d.witness !== undefined) {
      props.witness = JSON.parse(JSON.stringify(d.witness)) as Json;
      props.witnessText = witnessInWords(d.witness, options.currencies);
    }
    if (d.reason !== undefined) props.reason = d.reason;
    if (d.help !== undefined) props.help = d.help;
    if (d.relatedOmitted !== undefined) props.relatedOmitted = d.relatedOmitted;
    const key = identity(d, file);
    const occurrence = (occurrences.get(key) ?? 0) + 1;
    occurrences.set(key, occurrence);
    const hash = createHash("sha256").update(key).digest("hex").slice(0, 32);
    const result: { [k: string]: Json } = {
      ruleId: sarifRuleId(d),
      ruleIndex: index.get(sarifRuleId(d))!,
      level: level(d.severity),
      message: { text: linkedMessage(d) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: file, uriBaseId: SRCROOT }, region: region(d.span) },
          ...(d.clause !== undefined ? { logicalLocations: [{ name: `clause ${d.clause}`, kind: "clause" }] } : {}),
        },
      ],
      partialFingerprints: { [FINGERPRINT]: `${hash}:${occurrence}` },
    };
    if (d.related && d.related.length > 0) {
      result.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: { uri: uriOf(r.span.file), uriBaseId: SRCROOT }, region: region(r.span) },
        message: { text: r.message },
      }));
    }
    if (d.code === "suppressed") result.suppressions = [{ kind: "inSource", justification: d.reason ?? "" }];
    result.properties = props;
    return result;
  });

  const version = options.version ?? packageVersion();
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "concordat",
            version,
            semanticVersion: version,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        columnKind: "utf16CodeUnits",
        results,
      },
    ],
  };
}

export function renderSarif(diagnostics: readonly Diagnostic[], options: SarifOptions = {}): string {
  return JSON.stringify(sarifLog(diagnostics, options), null, 2) + "\n";
}
