// `requires provision ID`, `requires role ID`, `requires body KIND`: each applies to the whole
// agreement, once per model in use. One module per requirement, registered here.
import type { Agreement, Model, RuleSet } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { agreementHeader } from "../finding.js";
import { modelFinding } from "./common.js";
import { requiresProvision } from "./requires-provision.js";
import { requiresRole } from "./requires-role.js";
import { requiresBody } from "./requires-body.js";

export interface RequirementCheck {
  what: Model["requires"][number]["what"];
  holds(agreement: Agreement, id: string): boolean;
  message(model: Model, id: string, ruleSet: RuleSet, agreement: Agreement): string;
  /** The item to add (see `fixes.ts`). */
  help(id: string): string;
}

export const requirementChecks: readonly RequirementCheck[] = [requiresProvision, requiresRole, requiresBody];

/** Agreement-level findings sit on the agreement's header. */
export function requirementDiagnostics(ruleSet: RuleSet, agreement: Agreement, model: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of model.requires) {
    const check = requirementChecks.find((c) => c.what === r.what);
    if (!check || check.holds(agreement, r.id)) continue;
    out.push(modelFinding(model, agreementHeader(agreement), check.message(model, r.id, ruleSet, agreement), { help: check.help(r.id) }));
  }
  return out;
}
