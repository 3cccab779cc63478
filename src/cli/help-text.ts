// Help text for commander, which wraps each line of a description at the terminal's width (80
// when it prints elsewhere): a description written as lines of source breaks there too, and the
// help reads ragged. So lines are joined into paragraphs and commander does all the wrapping.

/** Lines of a command's description as paragraphs: lines joined by spaces, an empty line between paragraphs. */
export function paragraphs(lines: readonly string[]): string {
  const out: string[][] = [[]];
  for (const line of lines) {
    if (line === "") out.push([]);
    else out[out.length - 1]!.push(line.trim());
  }
  return out.map((p) => p.join(" ")).join("\n\n");
}
