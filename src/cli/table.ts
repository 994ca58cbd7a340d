/** Renders rows as a plain-text table with a header; cells are cut to `widths` where given. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[], maxWidths: readonly number[] = []): string {
  const cut = (cell: string, i: number): string => {
    const max = maxWidths[i];
    const flat = cell.replace(/[\r\n\t]+/g, ' ');
    return max !== undefined && flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  };
  const cells = [header, ...rows].map((row) => row.map(cut));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]): string => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
