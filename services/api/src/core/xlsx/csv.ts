/**
 * CSV as the window systems export it: comma-separated, fields in double quotes when they hold a
 * comma, a quote ("" inside) or a line break; UTF-8 (with or without a byte-order mark) or GB18030,
 * as Excel in Chinese saves it. Read into rows of text, so an import checks a CSV as it checks a
 * sheet: row numbers are the file's record numbers, counted from 1 like Excel's rows.
 */

/** The file's text: UTF-8 when it decodes as such, else GB18030; null for a binary file. */
export function csvText(buffer: Buffer): string | null {
  if (buffer.includes(0)) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(buffer);
    } catch {
      return null;
    }
  }
  return text.replace(/^\uFEFF/, '');
}

/** The records of a CSV text, each a list of its fields (a trailing line break ends the last record; a byte-order mark is dropped). */
export function parseCsv(csv: string): string[][] {
  const text = csv.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** True for a zip container (an .xlsx), whose first bytes are "PK\x03\x04". */
export function isZip(buffer: Buffer): boolean {
  return buffer.length >= 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
}
