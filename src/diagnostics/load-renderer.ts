// The renderer of one format, loaded alone: `check` imports the one it prints with, not the
// six others (SARIF's fingerprints, JSON's compiled schema validator, JUnit's XML…).
import type { Diagnostic } from "./diagnostic.js";
import type { Format } from "./formats.js";
import type { RenderOptions } from "./report.js";

export type Renderer = (diagnostics: readonly Diagnostic[], options?: RenderOptions) => string;

export async function loadRenderer(format: Format): Promise<Renderer> {
  switch (format) {
    case "pretty":
      return (await import("./pretty.js")).renderPretty;
    case "brief":
      return (await import("./brief.js")).renderBrief;
    case "json":
      return (await import("./json.js")).renderJson;
    case "sarif":
      return (await import("./sarif.js")).renderSarif;
    case "github":
      return (await import("./github.js")).renderGithub;
    case "junit":
      return (await import("./junit.js")).renderJunit;
    case "plain":
      return (await import("./plain.js")).renderPlain;
  }
}
