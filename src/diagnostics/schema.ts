// The JSON Schema of `check --format json` (schemas/diagnostics.schema.json) and its
// validator, compiled by ajv at build time (strict: scripts/generate-validators.mjs).
import type { ErrorObject, ValidateFunction } from "ajv";
import { validate as generatedValidate } from "../generated/validate-diagnostics.js";
import { readPackageFile } from "./package-root.js";

export const diagnosticsSchemaText: string = readPackageFile("schemas/diagnostics.schema.json");
export const diagnosticsSchema: Record<string, unknown> = JSON.parse(diagnosticsSchemaText) as Record<string, unknown>;

const validate = generatedValidate as unknown as ValidateFunction;

export interface SchemaCheck {
  valid: boolean;
  errors: string[];
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || "/"} ${e.message ?? "is invalid"}`;
}

/** Checks a report object against schemas/diagnostics.schema.json. */
export function checkDiagnosticsReport(value: unknown): SchemaCheck {
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}
