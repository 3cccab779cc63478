// `render`: the literate northvale agreement as HTML and DOCX (read back from word/document.xml).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { concordat, ensureBuilt, tempDir } from "../cli/helpers.js";

const LITERATE = "policies/agreements/northvale-group.concord.md";
const EASTMOOR = "test/fixtures/examples/agreements/eastmoor-mou.concord";

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file("word/document.xml")!.async("string");
}

/** The paragraphs of a document.xml with their style: [style, text]. */
function paragraphs(xml: string): [string, string][] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1]!)?.[1] ?? "";
    const text = [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    return [style, text.replace(/&apos;/g, "'").replace(/&amp;/g, "&").replace(/&quot;/g, '"')];
  });
}

describe("concordat render", () => {
  beforeAll(() => ensureBuilt());

  it("the literate agreement checks clean, like its normative .concord twin", () => {
    const r = concordat(["check", LITERATE]);
    expect(r.code).toBe(0);
    expect(concordat(["test", LITERATE]).stdout).toContain("2 tests passed");
  });

  it("HTML: the prose, the clauses in words (clause 3.2 where its fence is, inside the list), the Responsibilities schedule, no Open findings", () => {
    const r = concordat(["render", LITERATE]);
    expect(r.code).toBe(0);
    const html = r.stdout;
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toContain("<h1>Northvale Hospital Group collaboration agreement</h1>");
    expect(html).toContain("<h2>3. Corporate services</h2>");
    // clause 3.1 opens in the first list item, 3.2 is written in the second one.
    const list = html.slice(html.indexOf("<ol>"), html.indexOf("</ol>"));
    const marks = ["<li><p>Procurement of £1,000,000 or more", "<li><p>Procurement under £1,000,000: Northvale proceeds alone.", "<li><p>Human resources, information systems and estates: the other trusts"];
    const at = marks.map((m) => list.indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    const items = [list.slice(at[0], at[1]), list.slice(at[1], at[2]), list.slice(at[2])];
    expect(items[0]).toContain('<span class="number">3</span> Corporate services');
    expect(items[0]).toContain('<span class="number">3.1</span> Procurement over the threshold');
    expect(items[0]).toContain("Consulted: Eastmoor NHS Foundation Trust (eastmoor) and Westbridge NHS Foundation Trust (westbridge).");
    expect(items[1]).toContain('<span class="number">3.2</span> Procurement under the threshold');
    expect(items[1]).toContain("<strong>Procurement (procurement), delivered at system level, where value is under £1,000,000.</strong>");
    expect(items[2]).toContain("Informed: Eastmoor NHS Foundation Trust (eastmoor) and Westbridge NHS Foundation Trust (westbridge).");
    // the provision inside the block quote
    expect(html).toMatch(/<blockquote>[\s\S]*<strong>Provision exit: <\/strong>A party may leave on 12 months&#39; notice to the others\.[\s\S]*<\/blockquote>/);
    // indented code in the prose stays code, not a clause
    expect(html).toContain("<pre><code>concordat render policies/agreements/northvale-group.concord.md -o northvale.html</code></pre>");
    expect(html).toContain('<h2 id="schedule-responsibilities">Schedule: Responsibilities</h2>');
    expect(html).not.toContain("Schedule: Open findings");
    expect(html).not.toMatch(/<script|src="http/);
  });

  it("HTML of a draft with findings has the Open findings schedule, linked from the matrix", () => {
    const html = concordat(["render", EASTMOOR]).stdout;
    expect(html).toContain('<h2 id="schedule-findings">Schedule: Open findings</h2>');
    expect(html).toMatch(/<a class="mark" href="#F\d+">F\d+ conflict, clause 4<\/a>/);
  });

  it("DOCX: a title, real headings, clauses as numbered headings, the schedules as tables", async () => {
    const dir = tempDir();
    const out = path.join(dir, "northvale.docx");
    const r = concordat(["render", LITERATE, "--format", "docx", "-o", out]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const xml = await documentXml(out);
    const ps = paragraphs(xml);
    expect(ps[0]).toEqual(["Title", "Northvale Hospital Group collaboration agreement"]);
    const headings = ps.filter(([s]) => /^Heading\d$/.test(s));
    expect(headings).toEqual([
      ["Heading2", "1. The parties"],
      ["Heading2", "2. Disputes and exit"],
      ["Heading2", "3. Corporate services"],
      ["Heading3", "3 Corporate services"],
      ["Heading4", "3.1 Procurement over the threshold"],
      ["Heading4", "3.2 Procurement under the threshold"],
      ["Heading4", "3.3 HR, information systems and estates"],
      ["Heading2", "4. Engagement, education and training"],
      ["Heading3", "4 Engagement, education and training"],
      ["Heading2", "5. Clinical services"],
      ["Heading3", "5 Clinical services stay with each trust"],
      ["Heading2", "Checks the parties rely on"],
      ["Heading1", "Schedule: Responsibilities"],
      ["Heading3", "Support services"],
      ["Heading3", "Other functions"],
      ["Heading3", "Challenging services (low volumes, hard to sustain)"],
      ["Heading3", "Core clinical and patient-facing services"],
    ]);
    // The matrix is a real table with a repeated header row.
    expect(xml).toContain("<w:tblHeader/>");
    const cells = [...xml.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
    expect(cells).toContain("Procurement strategy (procurement.strategy)");
    expect(cells).toContain("where value is at least £1,000,000");
    expect(fs.readdirSync(dir)).toEqual(["northvale.docx"]);
  });

  it("DOCX without -o is a usage error", () => {
    const r = concordat(["render", LITERATE, "-f", "docx"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("concordat: --format docx writes a binary file: name it with -o, e.g. -o agreement.docx\n");
  });
});

describe("render --format docx on its worker thread (the built modules: the worker is dist's)", () => {
  beforeAll(() => ensureBuilt());

  it("a document that does not fit in the worker's memory is a DocumentTooLarge, not a crash; one that fits is a .docx", async () => {
    const { pathToFileURL } = await import("node:url");
    const { repo } = await import("../cli/helpers.js");
    const thread = (await import(pathToFileURL(path.join(repo, "dist/src/report/document/docx-thread.js")).href)) as typeof import("../../src/report/document/docx-thread.js");
    const document = (paragraphs: number) => ({
      title: "Large",
      blocks: Array.from({ length: paragraphs }, (_, i) => ({ type: "paragraph" as const, inlines: [{ text: `Paragraph ${i} of the agreement. `.repeat(8) }] })),
      matrix: { agreement: "large", title: null, file: "large.concord", columns: [], groups: [], findings: [] },
      hasFindings: false,
    });
    const small = await thread.renderDocxOnThread(document(10));
    expect(Buffer.from(small.subarray(0, 2)).toString("latin1")).toBe("PK");
    // 100,000 paragraphs in a 32 MB heap: the worker runs out of memory, this process does not.
    await expect(thread.renderDocxOnThread(document(100_000), { maxOldGenerationSizeMb: 32 })).rejects.toBeInstanceOf(thread.DocumentTooLarge);
  });
});
