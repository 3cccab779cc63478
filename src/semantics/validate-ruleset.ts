// ajv validation of rule sets against schemas/ruleset.schema.json: one Ajv instance,
// strict mode, the schema compiled once at module load.
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import type { RuleSet } from "../generated/ruleset.js";
import schema from "../../schemas/ruleset.schema.json" with { type: "json" };

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ?? addFormatsModule) as unknown as AddFormats;

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

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
