import { describe, expect, it } from "vitest";
import { renderJunit, renderTestsJunit, xmlAttr, xmlText } from "../../src/diagnostics/junit.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { all, FILE, gap, span } from "./fixtures.js";

/** A small well-formedness check: balanced tags, no raw `&` or `<` in text or attributes. */
function assertWellFormed(xml: string): void {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.replace(/^<\?xml[^>]*\?>\n/, "");
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const text = body.slice(last, m.index);
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    for (const [, v] of m[3]!.matchAll(/="([^"]*)"/g)) expect(v).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    last = tag.lastIndex;
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else if (!m[4]) stack.push(m[2]!);
  }
  expect(body.slice(last).trim()).toBe("");
  expect(stack).toEqual([]);
}

describe("junit", () => {
  it("one testsuite per file, one testcase per finding; errors fail", () => {
    const xml = renderJunit(all, { files: [FILE, "clean.concord"] });
    assertWellFormed(xml);
    expect(xml).toContain(`<testsuites name="concordat check" tests="5" failures="2" errors="0" time="0">`);
    expect(xml).toContain(`<testsuite name="${FILE}" tests="4" failures="2" errors="0" skipped="1" time="0">`);
    expect(xml).toContain(`<testsuite name="clean.concord" tests="1" failures="0" errors="0" skipped="0" time="0">`);
    expect(xml).toContain(`<testcase name="gap, clause 2, procurement.operations" classname="${FILE}" file="${FILE}" line="4" time="0">`);
    expect(xml).toContain(`<failure message="${gap.message}" type="gap">`);
  });

  it("--fail-on warning makes warnings failures", () => {
    const xml = renderJunit(all, { failOn: "warning" });
    expect(xml).toContain(`failures="3"`);
  });

  it("escapes text and attributes", () => {
    expect(xmlText(`a < b & c > d`)).toBe("a &lt; b &amp; c &gt; d");
    expect(xmlAttr(`"x" & 'y'\n<z>`)).toBe("&quot;x&quot; &amp; &apos;y&apos;&#10;&lt;z&gt;");
    expect(xmlText("bell\u0007 esc\u001b[2J")).toBe("bell\\u0007 esc\\u001b[2J");
    const nasty: Diagnostic = { ...gap, message: `Party "A&B" <ltd> isn't ]]> here\u0001` };
    const xml = renderJunit([nasty]);
    assertWellFormed(xml);
    expect(xml).toContain("Party &quot;A&amp;B&quot; &lt;ltd&gt; isn&apos;t ]]&gt; here\\u0001");
  });

  it("test results: one testcase per test block, failures with the witness", () => {
    const xml = renderTestsJunit([
      { agreement: "demo", title: "large <procurements>", span: span(2, 3, 2, 10), passed: true, failures: [] },
      {
        agreement: "demo",
        title: "one million & up",
        span: span(4, 5, 4, 10),
        passed: false,
        failures: [{ span: span(5, 7, 5, 20), message: "Expected a, but nobody is accountable.", witness: { activity: "p", dimensions: { value: 1000000 } } }],
      },
    ]);
    assertWellFormed(xml);
    expect(xml).toContain(`<testsuite name="${FILE}" tests="2" failures="1" errors="0" skipped="0" time="0">`);
    expect(xml).toContain(`<testcase name="large &lt;procurements&gt;" classname="${FILE}.demo" file="${FILE}" line="2" time="0"/>`);
    expect(xml).toContain("witness: p where value = 1,000,000");
  });
});
