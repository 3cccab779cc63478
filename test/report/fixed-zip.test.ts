// The Word and Excel reports are the same bytes for the same agreement: every ZIP entry and the
// document's created/modified properties carry one fixed date (SOURCE_DATE_EPOCH, else 1980-01-01).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { reportDate } from "../../src/report/fixed-zip.js";
import { concordat, ensureBuilt, repo, tempDir } from "../cli/helpers.js";

beforeAll(() => ensureBuilt());

const EASTMOOR = path.join(repo, "policies/agreements/eastmoor-mou.concord");

/** Every entry's date, and the created/modified properties of docProps/core.xml. */
async function dates(file: string): Promise<{ entries: string[]; properties: string[] }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entries = [...new Set(Object.values(zip.files).map((f) => f.date.toISOString()))];
  const core = await zip.file("docProps/core.xml")!.async("string");
  const properties = [...core.matchAll(/<dcterms:(?:created|modified)\b[^>]*>([^<]*)</g)].map((m) => m[1]!);
  return { entries, properties };
}

describe("the date of a report", () => {
  it("is 1980-01-01 unless SOURCE_DATE_EPOCH gives one a ZIP entry can hold", () => {
    expect(reportDate({}).toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(reportDate({ SOURCE_DATE_EPOCH: "1767225600" }).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    for (const bad of ["", "soon", "-5", "1.5", "0", "99999999999"]) expect(reportDate({ SOURCE_DATE_EPOCH: bad }).toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });
});

describe("render --format docx and matrix --format xlsx", () => {
  for (const [command, format] of [
    ["render", "docx"],
    ["matrix", "xlsx"],
  ] as const) {
    it(`${command} --format ${format}: every entry and property at the fixed date, the same bytes in any time zone`, async () => {
      const dir = tempDir();
      const a = path.join(dir, `a.${format}`);
      const b = path.join(dir, `b.${format}`);
      const c = path.join(dir, `c.${format}`);
      expect(concordat([command, EASTMOOR, "--format", format, "-o", a], { env: { TZ: "UTC" } }).code).toBe(0);
      expect(concordat([command, EASTMOOR, "--format", format, "-o", b], { env: { TZ: "Pacific/Kiritimati" } }).code).toBe(0);
      expect(concordat([command, EASTMOOR, "--format", format, "-o", c], { env: { SOURCE_DATE_EPOCH: "1767225600" } }).code).toBe(0);
      expect(fs.readFileSync(b).equals(fs.readFileSync(a))).toBe(true);
      const fixed = await dates(a);
      expect(fixed.entries).toEqual(["1980-01-01T00:00:00.000Z"]);
      expect(fixed.properties.length).toBe(2);
      for (const p of fixed.properties) expect(new Date(p).toISOString()).toBe("1980-01-01T00:00:00.000Z");
      const given = await dates(c);
      expect(given.entries).toEqual(["2026-01-01T00:00:00.000Z"]);
      for (const p of given.properties) expect(new Date(p).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    });
  }
});
