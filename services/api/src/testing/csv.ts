/** Parses the CSV the export writes (quoted cells, CRLF, a BOM): the imports' own reader. */
export { parseCsv } from '../core/xlsx/csv';
