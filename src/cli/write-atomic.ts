// Every file concordat writes is written atomically: to a temporary file in the same
// folder, flushed, then renamed over the target. A failure leaves the previous file as it
// was and no temporary file behind.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const abs = path.resolve(target);
  const dir = path.dirname(abs);
  const tmp = path.join(dir, `.${path.basename(abs)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let mode: number | undefined;
  try {
    const st = fs.statSync(abs);
    if (st.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: "EISDIR", path: target });
    mode = st.mode & 0o777;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, abs);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing
      }
    }
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing more to do
    }
    throw e;
  }
}
