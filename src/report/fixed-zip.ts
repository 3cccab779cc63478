// The Word and Excel reports are ZIP files, and their libraries stamp every entry with the time
// of writing (and Word's properties with it): the same agreement gave different bytes at every
// run, so a report could not be compared or cached. Each entry is given one fixed date instead:
// SOURCE_DATE_EPOCH when it is set (the reproducible-builds convention), else 1980-01-01, the
// first date a ZIP entry can hold.
import JSZip from "jszip";

/** The date every entry (and a document's created/modified properties) is given. */
export function reportDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d{1,12}$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    // ZIP entries hold 1980 to 2107 only.
    if (date.getUTCFullYear() >= 1980 && date.getUTCFullYear() <= 2107) return date;
  }
  return new Date(Date.UTC(1980, 0, 1));
}

/**
 * `zip` with every entry dated `date`, and `rewrite` applied to the entries it names (text
 * in, text out): the same content, stored again (deflated) with nothing that depends on when.
 */
export async function withFixedDates(zip: Uint8Array, date: Date, mimeType: string, rewrite: Record<string, (text: string) => string> = {}): Promise<Uint8Array> {
  const archive = await JSZip.loadAsync(zip);
  const out = new JSZip();
  // In the order the library wrote them.
  for (const name of Object.keys(archive.files)) {
    const entry = archive.files[name]!;
    if (entry.dir) continue;
    const change = rewrite[name];
    const content = change ? change(await entry.async("string")) : await entry.async("uint8array");
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: "uint8array", mimeType, compression: "DEFLATE" });
}
