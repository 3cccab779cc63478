// `--format sarif`: SARIF 2.1.0, for GitHub code scanning.
//
// ruleId: the diagnostic code (`gap`, `conflict`, `delegation-cycle`, …), except that a
// framework rule finding is `rule/<id>` (`rule/B3`) and a model finding `model/<id>`
// (`model/federated`): code scanning groups and dismisses alerts by rule, and "B3: support
// services at system level" is one thing a reviewer decides on, "rule" is not. The code is
// always in `properties.code`; the framework rule behind a gap or conflict in
// `properties.rule`. Output is deterministic: rules sorted by id, results in report order.
import type { Diagnostic, Severity } from "./diagnostic.js";
import { codeInfo } from "./codes.js";
import { packageVersion } from "./package-root.js";
import { shownFile, sorted, witnessInWords, type RenderOptions } from "./report.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const INFORMATION_URI = "https://concordat.dev";

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

function ruleDescriptor(id: string, sample: Diagnostic): { [k: string]: Json } {
  const info = codeInfo[sample.code];
  if (sample.code === "rule" || sample.code === "model") {
    const what = sample.code === "rule" ? "Framework rule" : "Collaboration model";
    const short = `${what} ${sample.rule}`;
    return {
      id,
      name: id.replace(/[^A-Za-z0-9]+/g, "_"),
      shortDescription: { text: short },
      fullDescription: { text: sample.cite ? `${short}: ${sample.cite}` : `${short}. ${info.description}` },
      defaultConfiguration: { level: level(sample.severity) },
      properties: { code: sample.code, tags: ["concordat", sample.code] },
    };
  }
  return {
    id,
    name: info.title.replace(/[^A-Za-z0-9]+/g, " ").trim().replace(/ (\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: info.title },
    fullDescription: { text: info.description },
    defaultConfiguration: { level: level(info.defaultSeverity) },
    properties: { code: sample.code, tags: ["concordat", sample.code] },
  };
}

export interface SarifOptions extends RenderOptions {}

/** The SARIF log as an object. */
export function sarifLog(diagnostics: readonly Diagnostic[], options: SarifOptions = {}): { [k: string]: Json } {
  const ds = sorted(diagnostics);
  const samples = new Map<string, Diagnostic>();
  for (const d of ds) if (!samples.has(sarifRuleId(d))) samples.set(sarifRuleId(d), d);
  const ruleIds = [...samples.keys()].sort();
  const rules = ruleIds.map((id) => ruleDescriptor(id, samples.get(id)!));
  const index = new Map(ruleIds.map((id, i) => [id, i]));

  const results = ds.map((d) => {
    const file = shownFile(d.span.file, options);
    const props: { [k: string]: Json } = { code: d.code };
    if (d.clause !== undefined) props.clause = d.clause;
    if (d.rule !== undefined) props.rule = d.rule;
    if (d.cite !== undefined) props.cite = d.cite;
    if (d.witness !== undefined) {
      props.witness = JSON.parse(JSON.stringify(d.witness)) as Json;
      props.witnessText = witnessInWords(d.witness, options.currencies);
    }
    if (d.reason !== undefined) props.reason = d.reason;
    const result: { [k: string]: Json } = {
      ruleId: sarifRuleId(d),
      ruleIndex: index.get(sarifRuleId(d))!,
      level: level(d.severity),
      message: { text: d.message },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: pathToUri(file) }, region: region(d.span) },
          ...(d.clause !== undefined ? { logicalLocations: [{ name: `clause ${d.clause}`, kind: "clause" }] } : {}),
        },
      ],
    };
    if (d.related && d.related.length > 0) {
      result.relatedLocations = d.related.map((r, i) => ({
        id: i + 1,
        physicalLocation: { artifactLocation: { uri: pathToUri(shownFile(r.span.file, options)) }, region: region(r.span) },
        message: { text: r.message },
      }));
    }
    if (d.code === "suppressed") result.suppressions = [{ kind: "inSource", justification: d.reason ?? "" }];
    result.properties = props;
    return result;
  });

  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "concordat",
            version: options.version ?? packageVersion(),
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
