// One module per obligation type, registered here (graphql-js style: a list of checks,
// each a small object). A new obligation adds one module and one line below.
import type { Obligation, Rule } from "../../generated/ruleset.js";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import type { CheckContext } from "./common.js";
import { cover } from "./cover.js";
import { assignResponsible } from "./assign-responsible.js";
import { deliver } from "./deliver.js";
import { makeAccountable, notMakeAccountable } from "./make-accountable.js";
import { provide } from "./provide.js";
import { reviewEvery } from "./review-every.js";
import { lastAtMost } from "./last-at-most.js";
import { haveAtLeast } from "./have-at-least.js";
import { establishBody } from "./establish-body.js";
import { useModel } from "./use-model.js";

export type ObligationType = Obligation["type"];

export interface ObligationCheck {
  type: ObligationType;
  check(ctx: CheckContext, rule: Rule, obligation: Obligation): Diagnostic[];
  /**
   * Whether the check reads the engine's cells (`partition`, `regionWhere`, the holdings), not
   * only the coverage scan: then the scan keeps them for it (src/analysis/index.ts). Forgetting it
   * costs time, never a finding: a partition let go is made again.
   */
  readsCells?: boolean;
}

export const obligationChecks: readonly ObligationCheck[] = [
  cover,
  assignResponsible,
  deliver,
  makeAccountable,
  notMakeAccountable,
  provide,
  reviewEvery,
  lastAtMost,
  haveAtLeast,
  establishBody,
  useModel,
];

const byType = new Map<ObligationType, ObligationCheck>(obligationChecks.map((c) => [c.type, c]));

export function obligationCheck(type: ObligationType): ObligationCheck | undefined {
  return byType.get(type);
}

/** Every finding of the agreement's framework rules, in rule and obligation order. */
export function ruleDiagnostics(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of ctx.agreement.rules) {
    for (const obligation of rule.obligations) {
      const check = byType.get(obligation.type);
      if (check) for (const x of check.check(ctx, rule, obligation)) out.push(x);
    }
  }
  return out;
}
