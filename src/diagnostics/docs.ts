// Where concordat's documentation lives: SARIF's helpUri and the package's links point here.
import type { DiagnosticCode } from "./diagnostic.js";

export const REPOSITORY_URL = "https://github.com/concordat-dev/concordat";
/** The README's "Diagnostic codes" section has one heading per code (`### gap`), so each has an anchor. */
export const CODES_DOCS_URL = `${REPOSITORY_URL}/blob/main/README.md`;

/** The README section of a code (`…/README.md#no-responsible`). */
export function codeHelpUri(code: DiagnosticCode): string {
  return `${CODES_DOCS_URL}#${code}`;
}
