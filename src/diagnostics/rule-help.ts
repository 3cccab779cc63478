// What a framework rule or model says, for the help of SARIF rules (code scanning shows it
// beside every alert): its title, its obligations as written in the framework, its cite.
import type { RuleSet } from "../generated/ruleset.js";
import type { RuleHelp, RuleHelpIndex, Sources } from "./report.js";
import { sourceOf } from "./report.js";

interface Spanned {
  span: { file: string; offset: number; endOffset: number };
}

/** The source text of a span on one line (runs of white space as one space), or undefined. */
function written(item: Spanned, sources: Sources | undefined): string | undefined {
  const text = sourceOf(sources, item.span.file);
  if (text === undefined) return undefined;
  const slice = text.slice(item.span.offset, item.span.endOffset).replace(/\s+/g, " ").trim();
  return slice === "" ? undefined : slice;
}

/** `rule/<id>` and `model/<id>` of every framework of the rule set (the first framework declaring an id wins). */
export function ruleHelpIndex(ruleSet: Pick<RuleSet, "frameworks">, sources?: Sources): RuleHelpIndex {
  const index = new Map<string, RuleHelp>();
  for (const framework of ruleSet.frameworks) {
    for (const rule of framework.rules) {
      const key = `rule/${rule.id}`;
      if (index.has(key)) continue;
      const obligations = rule.obligations.map((o) => written(o, sources) ?? `${o.strength} ${o.type.replace(/-/g, " ")}`);
      index.set(key, { kind: "rule", id: rule.id, title: rule.title, cite: rule.cite, obligations, framework: framework.id });
    }
    for (const model of framework.models) {
      const key = `model/${model.id}`;
      if (index.has(key)) continue;
      const obligations = [
        ...model.constraints.map((c) => written(c, sources) ?? `${c.role} ${c.modality} be ${c.roles.map((r) => JSON.stringify(r)).join(", ")}`),
        ...model.requires.map((r) => written(r, sources) ?? `requires ${r.what} ${r.id}`),
      ];
      index.set(key, { kind: "model", id: model.id, title: model.title, cite: model.cite ?? framework.source, obligations, framework: framework.id });
    }
  }
  return index;
}
