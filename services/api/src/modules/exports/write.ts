import ExcelJS from 'exceljs';
import { ExportFormat } from './exports.types';

type Node = Record<string, unknown>;
type Flat = Record<string, unknown>;

/** One node as columns: nested objects as dotted names (`district.name`), lists as JSON text. */
export function flatten(node: Node, prefix = '', out: Flat = {}): Flat {
  for (const [key, value] of Object.entries(node)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Node, column, out);
    else out[column] = value;
  }
  return out;
}

/** The columns of every row, in the order they first appear. */
export function columnsOf(rows: Flat[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) seen.add(key);
  return [...seen];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return JSON.stringify(value);
  return String(value);
}

function csvCell(value: unknown): string {
  const s = text(value);
  // A cell a spreadsheet would read as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The file's bytes. CSV: UTF-8 with a BOM (Excel reads the Chinese), money exactly as the API
 * writes it (decimal text, never a float). XLSX: money as numbers shown with two decimals, read
 * from the exact decimal text. JSONL: each node as the API answered it.
 */
export async function writeExport(format: ExportFormat, nodes: Node[], moneyColumns: Set<string>): Promise<{ body: Buffer; mime: string; extension: string }> {
  if (format === ExportFormat.JSONL) {
    return { body: Buffer.from(nodes.map((n) => JSON.stringify(n)).join('\n') + (nodes.length ? '\n' : ''), 'utf8'), mime: 'application/x-ndjson', extension: 'jsonl' };
  }
  const rows = nodes.map((n) => flatten(n));
  const columns = columnsOf(rows);
  if (format === ExportFormat.CSV) {
    const lines = [columns.map(csvCell).join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
    return { body: Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8'), mime: 'text/csv', extension: 'csv' };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('export');
  sheet.addRow(columns);
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const value = row[c];
        if (value === null || value === undefined) return null;
        if (moneyColumns.has(c) && typeof value === 'string') return Number(value);
        if (typeof value === 'number' || typeof value === 'boolean') return value;
        return text(value);
      }),
    );
  }
  columns.forEach((c, i) => {
    if (moneyColumns.has(c)) sheet.getColumn(i + 1).numFmt = '#,##0.00';
  });
  const body = Buffer.from(await workbook.xlsx.writeBuffer());
  return { body, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
}
