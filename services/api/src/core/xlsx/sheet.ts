import ExcelJS from 'exceljs';
import { CellError, type Plain, type SheetSpec } from './columns';
import { csvText, isZip, parseCsv } from './csv';

export interface SheetProblem {
  /** Row number as Excel shows it (1-based); 0 for the file itself. */
  row: number;
  /** Column letter (A, B, …), empty when the problem is not one cell's. */
  column: string;
  header: string;
  reason: string;
}

export interface SheetRow<R> {
  rowNumber: number;
  values: R;
}

/** Where a column stands in this sheet, to name cells in problems found after reading. */
export type Locate<R> = (key: keyof R & string) => { column: string; header: string };

export interface ReadResult<R> {
  /** Rows whose every cell was read. */
  rows: SheetRow<R>[];
  /** Data rows in the sheet (good and bad). */
  totalRows: number;
  problems: SheetProblem[];
  locate: Locate<R>;
}

const DEFAULT_MAX_ROWS = 50_000;

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return plain(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return plain((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const normalHeader = (s: string) => s.replace(/[\s*＊]/g, '').replace(/（/g, '(').replace(/）/g, ')');

/**
 * Reads a sheet (an .xlsx, or a CSV file read as one sheet) against its spec: finds the header row
 * by the headers' names (any order, extra columns ignored), and reports every cell it cannot read —
 * not just the first.
 */
export async function readSheet<R>(buffer: Buffer, spec: SheetSpec<R>): Promise<ReadResult<R>> {
  let positions = new Map<string, number>();
  const locate: Locate<R> = (key) => {
    const c = spec.columns.find((col) => col.key === key);
    return { column: positions.has(key) ? columnLetter(positions.get(key)!) : '', header: c?.header ?? key };
  };
  const wb = new ExcelJS.Workbook();
  if (isZip(buffer)) {
    try {
      await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    } catch {
      return { rows: [], totalRows: 0, locate, problems: [{ row: 0, column: '', header: '', reason: '文件不是有效的 .xlsx 表格 (the file is not an .xlsx workbook)' }] };
    }
  } else {
    // A CSV is read as a sheet of text cells, its records numbered as rows.
    const text = csvText(buffer);
    if (text === null) return { rows: [], totalRows: 0, locate, problems: [{ row: 0, column: '', header: '', reason: '文件不是 .xlsx 表格或 CSV 文本 (neither an .xlsx workbook nor CSV text)' }] };
    const sheet = wb.addWorksheet(spec.name);
    for (const record of parseCsv(text)) sheet.addRow(record);
  }
  const ws = wb.getWorksheet(spec.name) ?? wb.worksheets[0];
  if (!ws) return { rows: [], totalRows: 0, locate, problems: [{ row: 0, column: '', header: '', reason: '表格中没有工作表 (the workbook has no sheet)' }] };

  // The header row: the first of the top ten rows naming every required column.
  const wanted = new Map(spec.columns.map((c) => [normalHeader(c.header), c]));
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const found = new Map<string, number>();
    ws.getRow(r).eachCell((cell, col) => {
      const v = plain(cell.value);
      if (typeof v === 'string' && wanted.has(normalHeader(v))) found.set(wanted.get(normalHeader(v))!.key, col);
    });
    if (found.size > positions.size) {
      positions = found;
      headerRow = r;
    }
    if (spec.columns.every((c) => !c.required || found.has(c.key))) break;
  }
  const problems: SheetProblem[] = [];
  for (const c of spec.columns) {
    if (c.required && !positions.has(c.key)) {
      problems.push({ row: headerRow || 1, column: '', header: c.header, reason: `缺少必填列“${c.header}” (required column missing)` });
    }
  }
  if (problems.length) return { rows: [], totalRows: 0, problems, locate };

  const rows: SheetRow<R>[] = [];
  let totalRows = 0;
  const maxRows = spec.maxRows ?? DEFAULT_MAX_ROWS;
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = spec.columns.map((c) => (positions.has(c.key) ? plain(row.getCell(positions.get(c.key)!).value) : null));
    if (cells.every((v) => v === null)) continue;
    totalRows += 1;
    if (totalRows > maxRows) {
      problems.push({ row: r, column: '', header: '', reason: `表格超过 ${maxRows} 行上限 (more than ${maxRows} rows)` });
      break;
    }
    const values: Record<string, unknown> = {};
    let ok = true;
    spec.columns.forEach((c, i) => {
      const value = cells[i];
      const at = { row: r, column: positions.has(c.key) ? columnLetter(positions.get(c.key)!) : '', header: c.header };
      if (value === null) {
        if (c.required) {
          problems.push({ ...at, reason: '必填 (required)' });
          ok = false;
        }
        values[c.key] = null;
        return;
      }
      try {
        values[c.key] = c.parse(value);
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        problems.push({ ...at, reason: e.reason });
        ok = false;
      }
    });
    if (ok) rows.push({ rowNumber: r, values: values as R });
  }
  return { rows, totalRows, problems, locate };
}

function sheetOf<R>(wb: ExcelJS.Workbook, spec: SheetSpec<R>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  return ws;
}

/** The rows as an .xlsx file with the spec's headers (an export that imports back unchanged). */
export async function writeSheet<R>(spec: SheetSpec<R>, rows: R[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetOf(wb, spec);
  for (const row of rows) {
    ws.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, c.format(row[c.key])])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty sheet to fill in: headers with notes, drop-downs for fixed values, example rows. */
export async function templateSheet<R>(spec: SheetSpec<R>, examples: R[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetOf(wb, spec);
  spec.columns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    const lines = [c.required ? '必填 (required)' : '选填 (optional)', c.note].filter(Boolean);
    cell.note = lines.join('\n');
  });
  for (const row of examples) ws.addRow(Object.fromEntries(spec.columns.map((c) => [c.key, c.format(row[c.key])])));
  // Drop-downs: lists kept on a hidden sheet, so long ones are not cut at Excel's 255-character limit.
  const lists = wb.addWorksheet('选项', { state: 'hidden' });
  let listColumn = 0;
  spec.columns.forEach((c, i) => {
    if (!c.options?.length) return;
    listColumn += 1;
    c.options.forEach((option, j) => (lists.getRow(j + 1).getCell(listColumn).value = option));
    const letter = columnLetter(listColumn);
    const target = columnLetter(i + 1);
    for (let r = 2; r <= 2001; r++) {
      ws.getCell(`${target}${r}`).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`'选项'!$${letter}$1:$${letter}$${c.options.length}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从列表中选择 (choose from the list)`,
      };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
