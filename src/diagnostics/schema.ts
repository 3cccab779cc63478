// The JSON Schema of `check --format json` (schemas/diagnostics.schema.json) and its
// validator: one Ajv instance, strict, the schema compiled once at module load.
import { Ajv, type ErrorObject } from "ajv";
import * as ajvFormats from "ajv-formats";
import { readPackageFile } from "./package-root.js";

export const diagnosticsSchemaText: string = readPackageFile("schemas/diagnostics.schema.json");
export const diagnosticsSchema: Record<string, unknown> = JSON.parse(diagnosticsSchemaText) as Record<string, unknown>;

// ajv-formats is CommonJS; under NodeNext its default export is the module object's `default`.
type FormatsPlugin = (ajv: Ajv) => Ajv;
const addFormats = ((ajvFormats as unknown as { default: FormatsPlugin }).default ?? (ajvFormats as unknown as FormatsPlugin)) as FormatsPlugin;

const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(diagnosticsSchema);

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
