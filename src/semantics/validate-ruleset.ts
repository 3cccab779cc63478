// Validation of rule sets against schemas/ruleset.schema.json, by the validator that ajv
// compiled at build time (strict, all errors: scripts/generate-validators.mjs), so that
// nothing is compiled when the command line starts.
import type { ValidateFunction } from "ajv";
import type { RuleSet } from "../generated/ruleset.js";
import { validate as generatedValidate } from "../generated/validate-ruleset.js";
import schema from "../../schemas/ruleset.schema.json" with { type: "json" };

const validate = generatedValidate as unknown as ValidateFunction;

export const ruleSetSchema: object = schema;

export function validateRuleSet(value: unknown): { valid: true } | { valid: false; errors: string[] } {
  if (validate(value)) return { valid: true };
  const errors = (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
  return { valid: false, errors };
}

/** Thrown by `serializeRuleSet` when a rule set does not match its schema (a defect, never bad input). */
export class RuleSetValidationError extends Error {
  constructor(readonly errors: string[]) {
    super(`The rule set does not match schemas/ruleset.schema.json:\n${errors.join("\n")}`);
    this.name = "RuleSetValidationError";
  }
}

/** Pretty-printed JSON (2-space indent, trailing newline), validated first. */
export function serializeRuleSet(ruleSet: RuleSet): string {
  const result = validateRuleSet(ruleSet);
  if (!result.valid) throw new RuleSetValidationError(result.errors);
  return `${JSON.stringify(ruleSet, null, 2)}\n`;
}
