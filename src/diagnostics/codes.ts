// What each diagnostic code means, in one line: SARIF rule descriptions and `--help`.
import type { DiagnosticCode, Severity } from "./diagnostic.js";

export interface CodeInfo {
  title: string;
  description: string;
  /** The severity it usually has (rules and `no-responsible` follow `must`/`should`). */
  defaultSeverity: Severity;
}

export const codeInfo: Record<DiagnosticCode, CodeInfo> = {
  syntax: { title: "Syntax error", description: "The text does not follow the concordat language.", defaultSeverity: "error" },
  unresolved: { title: "Unknown name", description: "A name refers to nothing declared (a party, function, rule, clause, …).", defaultSeverity: "error" },
  "duplicate-declaration": { title: "Declared twice", description: "The same name is declared twice in one namespace.", defaultSeverity: "error" },
  import: { title: "Import problem", description: "An import cannot be read, forms a cycle, or leaves the project root.", defaultSeverity: "error" },
  type: { title: "Wrong kind of value", description: "A value of the wrong kind: money against an enum, an impossible date, a term that ends before it starts, …", defaultSeverity: "error" },
  gap: { title: "Nobody accountable", description: "Somewhere in the agreement's scope no party is accountable.", defaultSeverity: "error" },
  conflict: { title: "Two parties accountable", description: "Somewhere two or more different parties are accountable for the same thing.", defaultSeverity: "error" },
  redundant: { title: "Accountable twice", description: "Two assignments make the same party accountable for the same thing.", defaultSeverity: "warning" },
  shadowed: { title: "Assignment applies nowhere", description: "An assignment is overridden everywhere, dated outside the term, has an empty condition, or is outside the scope.", defaultSeverity: "warning" },
  "no-responsible": { title: "Nobody responsible", description: "A party is accountable but nobody is responsible, where a framework rule requires one.", defaultSeverity: "error" },
  rule: { title: "Framework rule not met", description: "The agreement does not meet a rule of a framework it conforms to.", defaultSeverity: "error" },
  model: { title: "Collaboration model constraint not met", description: "The agreement does not meet a constraint of a collaboration model it uses.", defaultSeverity: "error" },
  "override-cycle": { title: "Overrides form a cycle", description: "Clauses override each other in a cycle.", defaultSeverity: "error" },
  delegation: { title: "Delegation has no effect", description: "A party delegates work it is never responsible for.", defaultSeverity: "warning" },
  "delegation-cycle": { title: "Delegations form a cycle", description: "Delegations of one activity lead back to where they started.", defaultSeverity: "error" },
  "test-failed": { title: "Agreement test failed", description: "An `expect` in one of the agreement's own tests does not hold.", defaultSeverity: "error" },
  suppressed: { title: "Rule suppressed", description: "An `allow … because` hides a rule's findings in this agreement.", defaultSeverity: "info" },
  "unused-allow": { title: "Allow hides nothing", description: "An `allow` hides no finding of its rule, or repeats an earlier `allow` of the same rule.", defaultSeverity: "warning" },
};
