// The HTML matrix and the rendered agreement in a real browser: Debian's Chromium, driven by
// playwright-core. Asserts on the rendered page (cells, marks, links both ways), runs axe-core
// (no serious or critical violations), checks the phone and print layouts, and keeps a
// screenshot of each page in artifacts/ (gitignored) for a person to look at.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { buildMatrix, renderMatrixHtml } from "../../src/report/matrix/index.js";
import { analysedExample, EASTMOOR, repo } from "./helpers.js";
import { concordat, ensureBuilt } from "../cli/helpers.js";

const CHROMIUM = process.env.CONCORDAT_CHROMIUM ?? "/usr/bin/chromium";
const available = fs.existsSync(CHROMIUM);
const skipReason = `skipped: no Chromium at ${CHROMIUM} (install Debian's package: apt-get install -y chromium, as .ci/run does, or set CONCORDAT_CHROMIUM)`;
if (!available) console.warn(`browser tests ${skipReason}`);

const artifacts = path.join(repo, "artifacts");
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own policy (no scripts at all) stays in force.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as AxeResult;
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`);
}

describe.skipIf(!available)(available ? `in Chromium (${CHROMIUM})` : `in Chromium: ${skipReason}`, () => {
  let context: BrowserContext;
  let dir: string;
  const requests: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    fs.mkdirSync(artifacts, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "concordat-browser-"));
    context = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    // The pages are self-contained: anything but the file itself is recorded and refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:")) return route.continue();
      requests.push(url);
      return route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
    const file = path.join(dir, name);
    fs.writeFileSync(file, html);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`file://${file}`);
    return page;
  }

  it("the matrix page: R/A/C/I in the cells, the gap and the conflict marked and linked to their findings, and back", async () => {
    const a = analysedExample(EASTMOOR);
    const m = buildMatrix(a.ruleSet, a.agreement, a.findings);
    const gap = m.findings.find((f) => f.code === "gap" && f.clause === "2.2")!;
    const conflict = m.findings.find((f) => f.code === "conflict")!;
    const page = await open(renderMatrixHtml(m), "matrix.html");
    expect(await page.title()).toBe("Responsibilities: Eastmoor and Westbridge memorandum of understanding");

    // procurement.strategy over £1,000,000: the alliance accountable, eastmoor responsible (clause 2.1).
    const over = page.locator('[id="row-procurement.strategy-3"]');
    await expect.poll(() => over.locator('td[data-party="alliance"]').innerText()).toBe("A");
    expect(await over.locator('td[data-party="eastmoor"]').innerText()).toBe("R");
    expect(await over.locator("th").innerText()).toContain("where value is over £1,000,000");

    // the gap at exactly £1,000,000: its findings cell says so and links to the finding.
    const gapRow = page.locator('[id="row-procurement.strategy-2"]');
    expect(await gapRow.getAttribute("class")).toBe("gap");
    const gapLink = gapRow.locator("td.findings a");
    expect(await gapLink.innerText()).toBe(`${gap.id} gap, clause 2.2`);
    await gapLink.click();
    expect(new URL(page.url()).hash).toBe(`#${gap.id}`);
    expect(await page.locator(":target").innerText()).toContain("Nobody is accountable for procurement");
    // … and the finding links back to both rows it is about.
    const back = page.locator(`[id="${gap.id}"] a`);
    expect(await back.allInnerTexts()).toEqual(["procurement.strategy-2", "procurement.operations-2"]);
    await back.first().click();
    expect(new URL(page.url()).hash).toBe("#row-procurement.strategy-2");

    // hr: the conflicting accountable cells are marked (two per place) and coloured as errors.
    const marked = page.locator('tr[data-activity="hr"] td.raci.error');
    expect(await marked.count()).toBe(4);
    expect(await marked.first().innerText()).toBe(`A/R ${conflict.id} conflict, clause 4`);
    const bg = await marked.first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe("rgb(251, 233, 231)");

    expect(await page.locator("dl.legend dt").allInnerTexts()).toEqual(["R", "A", "C", "I"]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, "matrix-eastmoor.png"), fullPage: true });

    // Print: headers repeat per page rather than stick to the screen.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("table.matrix thead th").first().evaluate((el) => getComputedStyle(el).position)).toBe("static");
    await page.close();
  });

  it("the matrix page on a phone: the page does not scroll sideways, the table does", async () => {
    const a = analysedExample(EASTMOOR);
    const page = await open(renderMatrixHtml(buildMatrix(a.ruleSet, a.agreement, a.findings)), "phone.html", { width: 375, height: 812 });
    const { page: pageWidth, viewport } = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(pageWidth).toBeLessThanOrEqual(viewport);
    const scroller = page.locator(".scroll").first();
    expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: path.join(artifacts, "matrix-eastmoor-phone.png"), fullPage: true });
    await page.close();
  });

  it("the rendered literate agreement: clauses and schedules, accessible", async () => {
    const r = concordat(["render", "policies/agreements/northvale-group.concord.md"]);
    expect(r.code).toBe(0);
    const page = await open(r.stdout, "northvale.html");
    expect(await page.locator("h1").allInnerTexts()).toEqual(["Northvale Hospital Group collaboration agreement"]);
    expect(await page.locator('[id="clause-3.2-h"]').innerText()).toBe("3.2 Procurement under the threshold");
    expect(await page.locator("#schedule-responsibilities").innerText()).toBe("Schedule: Responsibilities");
    expect(await page.locator('[id="row-hr"] td[data-party="group_board"]').innerText()).toBe("A");
    expect(await page.locator('[id="row-hr"] td[data-party="eastmoor"]').innerText()).toBe("I");
    expect(await page.locator("#schedule-findings").count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(artifacts, "render-northvale.png"), fullPage: true });
    await page.close();
  });

  it("asked for nothing from the network", () => {
    expect(requests).toEqual([]);
  });
});
