// Model scope resolution and helpers shared by the model constraint modules.
import type { Agreement, Model, Span } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { allActivities, lowerFirst } from "../messages.js";
import { agreementHeader, finding } from "../finding.js";

/**
 * Which activities each model in use applies to: a `model … for SELECTOR` applies to those
 * activities; an agreement-wide `model` to every activity that no `model … for` selects.
 * When two models apply to one activity, both constrain it.
 */
export function modelScopes(agreement: Agreement): Map<string, Set<string>> {
  const selected = new Set<string>();
  for (const m of agreement.models) if (m.activities) for (const a of m.activities) selected.add(a);
  const wide = allActivities(agreement).filter((a) => !selected.has(a));
  const out = new Map<string, Set<string>>();
  for (const m of agreement.models) {
    const set = out.get(m.model) ?? new Set<string>();
    for (const a of m.activities ?? wide) set.add(a);
    out.set(m.model, set);
  }
  return out;
}

/** "the federated model", "the direct outsourcing model". */
export function modelName(model: Model): string {
  const t = lowerFirst(model.title ?? model.id.replace(/_/g, " "));
  return /\bmodel$/i.test(t) ? `the ${t}` : `the ${t} model`;
}

/** Where an agreement-level model finding sits: the `model` item that brings the model in. */
export function modelItem(agreement: Agreement, modelId: string): { span: Span; clause?: string | undefined } {
  const item = agreement.models.find((m) => m.model === modelId);
  return item ? { span: item.span, clause: item.clause } : agreementHeader(agreement);
}

/** A finding of a model constraint: an error, with the model's id as its `rule`. */
export function modelFinding(
  model: Model,
  at: { span: Span; clause?: string | undefined },
  message: string,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  return finding("model", "error", at, message, { ...extra, rule: model.id });
}
