// `--format plain`: one line per finding, `file:line:col: severity code: message`.
import { describe, expect, it } from "vitest";
import { renderPlain } from "../../../src/diagnostics/plain.js";
import type { Diagnostic } from "../../../src/diagnostics/diagnostic.js";
import { unresolved } from "../fixtures.js";
import { checkProject, EASTMOOR, exampleProject, NORTHVALE } from "./examples.js";

const F = "agreements/eastmoor-mou.concord";

describe("plain", () => {
  it("eastmoor: DESIGN.md section 3's findings, one line each, in report order", () => {
    const c = checkProject(exampleProject(), [EASTMOOR]);
    const lines = renderPlain(c.diagnostics, c.options).split("\n");
    expect(lines.pop()).toBe("");
    // file:line:col: severity code — positions read off the example's source.
    expect(lines.map((l) => l.slice(0, l.indexOf(": ", l.indexOf(": ") + 2)))).toEqual([
      `${F}:6:1: error model/direct_outsourcing`, // requires a service_level_agreement provision
      `${F}:6:1: error rule/B6`, // no exit provision
      `${F}:10:3: warning rule/B8`, // term of 6 years
      `${F}:11:3: error rule/B7`, // review every 24 months
      `${F}:18:3: error gap`, // engagement in scope, never assigned
      `${F}:30:7: error gap`, // procurement at £1,000,000
      `${F}:45:5: error conflict`, // hr: clause 4 against clause 3
      `${F}:45:5: error rule/B3`, // hr at place
      `${F}:52:5: error gap`, // estates after 2026-03-31
      `${F}:59:5: error model/direct_outsourcing`, // medica accountable
      `${F}:66:5: warning no-responsible`, // education
      `${F}:72:5: error model/federated`, // medica is a supplier
      `${F}:72:5: error rule/B9`, // independent provider for paediatrics
      `${F}:84:7: warning redundant`, // clause 9.1 repeats clause 9
      `${F}:92:5: error delegation-cycle`, // hr: eastmoor → westbridge → eastmoor
      `${F}:97:5: error test-failed`, // nobody at £1,000,000
    ]);
    for (const l of lines) expect(l).toMatch(/^[^:\n]+:\d+:\d+: (error|warning|info) [a-z-]+(\/\w+)?: \S.*$/);
  });

  it("northvale: nothing", () => {
    const c = checkProject(exampleProject(), [NORTHVALE]);
    expect(renderPlain(c.diagnostics, c.options)).toBe("");
  });

  it("no colour, no frame: a message over several lines stays on one, control characters escaped", () => {
    const d: Diagnostic = { ...unresolved, message: "first\nsecond \u001b[31mred" };
    expect(renderPlain([d])).toBe("agreements/demo.concord:8:9: error unresolved: first second \\u001b[31mred\n");
  });
});
