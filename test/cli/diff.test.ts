// `concordat diff` on the built CLI: two files, and --git against a revision of a real repository.
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { concordat, ensureBuilt, repo, STACK, tempDir } from "./helpers.js";

beforeAll(() => ensureBuilt());

const EASTMOOR = "agreements/eastmoor-mou.concord";
const edit = (text: string) => text.replace("where value < £1_000_000", "where value <= £1_000_000");

/** A git repository with the examples committed, then the eastmoor draft edited in the working tree. */
function repository(): string {
  const dir = tempDir();
  cpSync(path.join(repo, "test/fixtures/examples"), dir, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" } });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "examples");
  writeFileSync(path.join(dir, EASTMOOR), edit(readFileSync(path.join(dir, EASTMOOR), "utf8")));
  return dir;
}

describe("concordat diff", () => {
  it("OLD NEW: exit 1 when accountability changed, 0 with --exit-zero, 0 for a file and itself", () => {
    const dir = repository();
    execFileSync("git", ["show", `HEAD:${EASTMOOR}`], { cwd: dir });
    writeFileSync(path.join(dir, "agreements/old.concord"), execFileSync("git", ["show", `HEAD:${EASTMOOR}`], { cwd: dir }));
    const r = concordat(["diff", "agreements/old.concord", EASTMOOR], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  procurement.strategy where value is exactly £1,000,000: accountable: nobody → eastmoor; responsible: nobody → eastmoor\n");
    expect(concordat(["diff", "--exit-zero", "agreements/old.concord", EASTMOOR], { cwd: dir }).code).toBe(0);
    const same = concordat(["diff", EASTMOOR, EASTMOOR], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toBe(`no change in accountability between ${EASTMOOR} and ${EASTMOOR}\n`);
  });

  it("--git REV: the working tree against a revision, as markdown and json", () => {
    const dir = repository();
    const md = concordat(["diff", "--git", "HEAD", "--format", "markdown", "agreements"], { cwd: dir });
    expect(md.stderr).toBe("");
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("2 changes in accountability between HEAD and the working tree.");
    expect(md.stdout).toContain("| procurement.operations | where value is exactly £1,000,000 | ~~nobody~~ → **eastmoor** | ~~nobody~~ → **eastmoor** |");
    expect(md.stdout).not.toContain("Northvale"); // unchanged agreements are left out
    const json = JSON.parse(concordat(["diff", "--git", "HEAD", "--format", "json"], { cwd: dir }).stdout);
    expect(json.agreements.find((a: { id: string }) => a.id === "eastmoor_mou").findings.fixed.map((d: { code: string }) => d.code)).toEqual(["gap", "test-failed"]);
    // From a sub-folder, names stay those of the working tree.
    const sub = concordat(["diff", "--git", "HEAD", "--format", "json", "."], { cwd: path.join(dir, "agreements") });
    expect(JSON.parse(sub.stdout).agreements[0].file).toBe("eastmoor-mou.concord");
  });

  it("--git REV: every file of the revision is read, names with spaces, newlines and accents, and bytes that are not UTF-8 as they are", () => {
    const dir = repository();
    // Two more copies of eastmoor under odd names, and a cp1252 file: one `cat-file --batch` reads them all.
    const text = readFileSync(path.join(dir, EASTMOOR), "utf8").replace(/agreement eastmoor_mou/, "agreement odd_one");
    writeFileSync(path.join(dir, "agreements/an odd\nname é.concord"), text.replace("odd_one", "odd_two"));
    writeFileSync(path.join(dir, "agreements/spaced name.concord"), text);
    writeFileSync(path.join(dir, "agreements/latin1.concord"), Buffer.from([0x2f, 0x2f, 0x20, 0xa3, 0x0a]));
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@example.org", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@example.org" } });
    git("add", ".");
    git("commit", "-qm", "odd names");
    // Unchanged since the revision: no change, no finding introduced or fixed (the cp1252 file's
    // "not a text file" is in both versions, so the old one was read as the same bytes).
    const json = JSON.parse(concordat(["diff", "--git", "HEAD", "--format", "json"], { cwd: dir }).stdout);
    expect(json.changed).toBe(false);
    expect(json.summary).toEqual({ agreementsChanged: 0, changes: 0, introduced: 0, fixed: 0 });
    expect(json.agreements.map((a: { id: string }) => a.id).sort()).toEqual(["eastmoor_mou", "northvale_group", "odd_one", "odd_two"]);
  });

  it("--git with nothing changed exits 0; a revision that does not exist exits 2 with git's reason", () => {
    const dir = repository();
    execFileSync("git", ["checkout", "-q", "--", "."], { cwd: dir });
    expect(concordat(["diff", "--git", "HEAD"], { cwd: dir }).code).toBe(0);
    const bad = concordat(["diff", "--git", "no-such-branch"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^concordat: git rev-parse: /);
    expect(bad.stderr).not.toMatch(STACK);
  });

  it("concordat schema diff prints the schema of the JSON diff", () => {
    const r = concordat(["schema", "diff"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$id).toBe("https://concordat.dev/schemas/diff.schema.json");
  });

  it("one version only is a usage error", () => {
    const r = concordat(["diff", "policies"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("diff needs two versions");
  });
});
