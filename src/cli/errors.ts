// Which exceptions are the user's I/O problems (exit code 2 with a message) rather than bugs.

/** Whether an exception is the user's I/O problem (exit 2 with its message) rather than a bug. */
export function ioErrorMessage(e: unknown): string | undefined {
  // InputError of the semantics stage (checked by name, so that this module stays light to load).
  if (e instanceof Error && (e.name === "InputError" || e.name === "OutputError")) return e.message;
  const err = e as NodeJS.ErrnoException | undefined;
  const code = err?.code;
  if (typeof code === "string" && ["ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EROFS", "ENOSPC", "EEXIST", "EMFILE", "ELOOP", "EBUSY", "EXDEV"].includes(code)) {
    const where = err?.path ? ` (${err.path})` : "";
    const what: Record<string, string> = {
      ENOENT: "no such file or folder",
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EISDIR: "is a folder, not a file",
      ENOTDIR: "not a folder",
      EROFS: "read-only file system",
      ENOSPC: "no space left on the device",
    };
    return `${what[code] ?? err?.message ?? code}${where}`;
  }
  return undefined;
}
