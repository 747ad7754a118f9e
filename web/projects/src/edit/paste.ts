/** Cells copied from a spreadsheet (Excel, WPS) arrive as tab-separated text, one line per row. */

/** Amount cells copied from a sheet: "1,234.5", "1234.5万元" → "1234.5"; blanks stay blank. */
function cleanAmount(cell: string): string {
  return cell.replace(/[,\s，]|万元|万/g, '');
}

/**
 * What a paste from a spreadsheet holds, as rows of [amount, milestone]: one column (amounts down the
 * rows, maybe a milestone beside), or one row of amounts. A leading month label ("1月", "2020-01")
 * is skipped.
 */
export function parseSheetPaste(text: string): Array<{ amount: string; milestone?: string }> {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  const rows = lines.map((l) => l.split('\t'));
  const monthLabel = /^(\d{1,2}月|\d{4}[-/.年]\d{1,2}月?|\d{1,2})$/;
  if (rows.length === 1 && rows[0].length > 2) return rows[0].map((c) => ({ amount: cleanAmount(c) }));
  return rows.map((cells) => {
    const rest =
      cells.length >= 2 && monthLabel.test(cells[0].trim()) && /\d/.test(cells[1]) ? cells.slice(1) : cells;
    return { amount: cleanAmount(rest[0] ?? ''), milestone: rest.length > 1 ? rest[1].trim() : undefined };
  });
}
