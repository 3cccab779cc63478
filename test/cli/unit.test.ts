// The CLI's pieces, in-process.
import { describe, expect, it } from "vitest";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { useColor, writeText, type CliContext, type Stream } from "../../src/cli/context.js";
import fc from "fast-check";
import { writeFileAtomic } from "../../src/cli/write-atomic.js";
import { exitCodeFor } from "../../src/cli/program.js";
import { ioErrorMessage } from "../../src/cli/errors.js";
import { failing } from "../../src/cli/commands/check.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";

function capture(isTTY = false): Stream & { text: string } {
  const s = { text: "", isTTY, write(x: string) { s.text += x; } };
  return s;
}

function context(): CliContext & { stdout: ReturnType<typeof capture>; stderr: ReturnType<typeof capture> } {
  return { stdout: capture(), stderr: capture(), cwd: process.cwd(), env: {}, exitCode: 0 };
}

describe("useColor", () => {
  const tty = capture(true);
  const pipe = capture(false);
  it("follows the flag, then NO_COLOR, FORCE_COLOR, TERM=dumb, then the TTY", () => {
    expect(useColor(true, pipe, { NO_COLOR: "1" })).toBe(true);
    expect(useColor(false, tty, {})).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: "1" })).toBe(false);
    expect(useColor(undefined, tty, { NO_COLOR: "" })).toBe(true);
    expect(useColor(undefined, pipe, { FORCE_COLOR: "1" })).toBe(true);
    expect(useColor(undefined, pipe, { FORCE_COLOR: "0" })).toBe(false);
    expect(useColor(undefined, tty, { TERM: "dumb" })).toBe(false);
    expect(useColor(undefined, tty, {})).toBe(true);
    expect(useColor(undefined, pipe, {})).toBe(false);
  });
});

describe("writeFileAtomic", () => {
  it("writes, replaces, keeps the mode, and leaves no temporary file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "concordat-atomic-"));
    const f = path.join(dir, "out.json");
    writeFileAtomic(f, "one");
    expect(readFileSync(f, "utf8")).toBe("one");
    chmodSync(f, 0o640);
    writeFileAtomic(f, "two");
    expect(readFileSync(f, "utf8")).toBe("two");
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("fails cleanly on a folder or a missing parent, leaving things as they were", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "concordat-atomic-"));
    writeFileSync(path.join(dir, "keep"), "x");
    expect(() => writeFileAtomic(dir, "nope")).toThrow();
    expect(() => writeFileAtomic(path.join(dir, "missing", "f"), "nope")).toThrow();
    expect(readdirSync(dir)).toEqual(["keep"]);
  });
});

describe("exit codes", () => {
  it("an internal error is a short message asking for a report, exit 2, no stack trace", () => {
    const ctx = context();
    const e = new TypeError("cannot read properties of undefined");
    expect(exitCodeFor(e, ctx)).toBe(2);
    expect(ctx.stderr.text).toMatch(/^concordat: internal error: TypeError: cannot read properties of undefined\n/);
    expect(ctx.stderr.text).toMatch(/report/);
    expect(ctx.stderr.text).not.toMatch(/^\s+at /m);
  });

  it("an output longer than a JavaScript string can be is too large, not a bug: exit 2, what to do", () => {
    const ctx = context();
    let e: unknown;
    try {
      "x".repeat(2 ** 29); // past V8's longest string
    } catch (caught) {
      e = caught;
    }
    expect(e).toBeInstanceOf(RangeError);
    expect(exitCodeFor(e, ctx)).toBe(2);
    expect(ctx.stderr.text).toBe(
      "concordat: the output would be longer than the longest text Node can hold (about 512 MB); nothing was written. Ask for less at a time (fewer files, or one activity or place).\n",
    );
  });

  it("I/O errors and InputError are exit 2 with their message", () => {
    const ctx = context();
    const enoent = Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT", path: "x.concord" });
    expect(ioErrorMessage(enoent)).toBe("no such file or folder (x.concord)");
    expect(exitCodeFor(enoent, ctx)).toBe(2);
    const input = Object.assign(new Error("No such file or folder: nope"), { name: "InputError" });
    expect(ioErrorMessage(input)).toBe("No such file or folder: nope");
  });

  it("--fail-on", () => {
    const d = (severity: Diagnostic["severity"]): Diagnostic => ({
      code: "gap",
      severity,
      message: "m",
      span: { file: "f", offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 },
    });
    expect(failing([d("warning")], "error")).toBe(false);
    expect(failing([d("warning")], "warning")).toBe(true);
    expect(failing([d("info")], "warning")).toBe(false);
    expect(failing([d("info")], "info")).toBe(true);
    expect(failing([d("error")], "none")).toBe(false);
    expect(failing([], "info")).toBe(false);
  });
});

describe("writing the output", () => {
  // Large reports are encoded a slice at a time; a slice never ends between the two halves of a
  // character outside the Basic Multilingual Plane (an emoji, a rare CJK character).
  it("writes any text, sliced anywhere, as its UTF-8 bytes", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "concordat-write-"));
    const part = fc.constantFrom("a", "é", "😀", "𝒜", "\n", "£", "—");
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (parts, slice) => {
        const text = parts.join("");
        const file = path.join(dir, "out.txt");
        const fd = openSync(file, "w");
        try {
          writeText(fd, text, slice);
        } finally {
          closeSync(fd);
        }
        expect(readFileSync(file)).toEqual(Buffer.from(text, "utf8"));
      }),
    );
  });
});
