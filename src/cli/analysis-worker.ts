// One worker thread of `check --jobs N`: the findings of a share of a rule set's agreements.
// It imports the analysis only (no parser, no renderers), so that a worker starts fast.
import type { Agreement, RuleSet } from "../generated/ruleset.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { analyzeAgreement, runTests, type TestOutcome } from "../analysis/index.js";

export interface AnalysisTask {
  /** The rule set without its agreements: frameworks and models, which every agreement's checks read. */
  context: RuleSet;
  /**
   * The agreements of this task, in rule-set order, as JSON: a rule set is plain JSON data, and
   * a worker parses JSON text several times faster than it takes a structured clone of the same
   * objects (32,000 assignments: 0.4 s against 1.3 s, which cost more than the analysis saved).
   */
  agreements: string;
}

function ruleSetOf(task: AnalysisTask): RuleSet {
  return { ...task.context, agreements: JSON.parse(task.agreements) as Agreement[] };
}

/** Each agreement's findings (suppression applied), concatenated in the order given. */
export default function analyzeShare(task: AnalysisTask): Diagnostic[] {
  const ruleSet = ruleSetOf(task);
  const out: Diagnostic[] = [];
  for (const agreement of ruleSet.agreements) for (const d of analyzeAgreement(ruleSet, agreement, { keepCells: false })) out.push(d);
  return out;
}

/** `concordat test --jobs N`: the outcomes of these agreements' own tests, in the order given. */
export function testShare(task: AnalysisTask): TestOutcome[] {
  return runTests(ruleSetOf(task));
}
