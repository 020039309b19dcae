/** A plain-text table for the terminal: columns padded to their widest cell. */
export function renderTextTable(header: string[], rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((row) => [...(row[i] ?? '')].length)));
  const pad = (cell: string, i: number) => {
    const gap = ' '.repeat(Math.max(0, widths[i]! - [...cell].length));
    return align[i] === 'right' ? gap + cell : cell + gap;
  };
  const line = (cells: string[]) => cells.map((cell, i) => pad(cell, i)).join('  ').trimEnd();
  return `${[line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')}\n`;
}
