// The fuzz campaign (issue 8): every input is answered with diagnostics. Three generators —
// random Unicode and bytes, mutations of every file in policies/ (delete, duplicate, swap,
// insert tokens, truncate), random well-formed agreements — through the whole command line
// and every output format. In CI: a fixed seed (FC_SEED) and FUZZ_RUNS (else FC_RUNS) inputs per
// generator (default 40). `npm run fuzz -- --runs N` runs a long campaign and saves each
// failing input under test/fuzz/fixtures/, which this suite replays from then on.
import fs from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInput, generators, saveFixture, savedFixtures, scratchProject, type FuzzInput } from "./harness.js";

const runs = Number(process.env.FUZZ_RUNS ?? process.env.FC_RUNS ?? 40);
const campaign = process.env.FUZZ_CAMPAIGN === "1";
const seed = Number(process.env.FC_SEED ?? 20261201);
let project: string;

beforeAll(() => {
  project = scratchProject();
});
afterAll(() => {
  fs.rmSync(project, { recursive: true, force: true });
});

// A campaign interleaves the three generators in one property, so that a campaign stopped
// early has still run all three; FUZZ_LOG names a file that gets the count every 1,000 inputs.
const suites: [string, fc.Arbitrary<FuzzInput>][] = campaign
  ? [["all three generators", fc.oneof(generators.random, generators.mutants, generators.agreements)]]
  : Object.entries(generators);

describe("fuzz: every input is answered", () => {
  for (const [name, arb] of suites) {
    it(
      `${name}: no throw, no exit 2, valid JSON/SARIF/XML, no control characters, no hang`,
      async () => {
        let count = 0;
        const property = fc.asyncProperty(arb, async (input) => {
          count++;
          if (campaign && process.env.FUZZ_LOG && count % 1000 === 0) fs.writeFileSync(process.env.FUZZ_LOG, `${new Date().toISOString()} ${count} inputs\n`, { flag: "a" });
          await checkInput(project, input);
        });
        const details = await fc.check(property, {
          seed: seed + name.length,
          numRuns: runs,
          // The CI run is bounded in time as well as in runs; a campaign runs to the end.
          interruptAfterTimeLimit: campaign ? 7 * 24 * 3_600_000 : 240_000,
        });
        if (details.failed) {
          const input = details.counterexample?.[0];
          const saved = campaign && input ? ` (saved as test/fuzz/fixtures/${saveFixture(input, String(details.errorInstance))})` : "";
          throw new Error(`${fc.defaultReportMessage(details)}${saved}`);
        }
        if (campaign) console.log(`fuzz ${name}: ${count} inputs`);
        expect(count).toBeGreaterThan(0);
      },
      campaign ? 7 * 24 * 3_600_000 : 300_000,
    );
  }

  const saved = savedFixtures();
  it.runIf(saved.length > 0).each(saved)("replays the saved input $name", async ({ input }) => {
    await checkInput(project, input);
  });
});
