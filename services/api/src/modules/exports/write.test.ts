import { columnsOf, flatten, writeExport } from './write';
import { ExportFormat } from './exports.types';

describe('flattening a node into columns', () => {
  it.each([
    [{ id: '1', name: '沈阳新松' }, { id: '1', name: '沈阳新松' }],
    [{ id: '1', district: { name: '苏家屯区', parent: { name: '沈阳市' } } }, { id: '1', 'district.name': '苏家屯区', 'district.parent.name': '沈阳市' }],
    [{ id: '1', district: null }, { id: '1', district: null }],
    [{ id: '1', lights: [{ color: 'RED' }] }, { id: '1', lights: [{ color: 'RED' }] }],
  ])('%j → %j', (node, flat) => expect(flatten(node)).toEqual(flat));

  it('keeps the columns in the order they first appear across rows', () => {
    expect(columnsOf([{ a: 1 }, { a: 1, b: 2 }, { c: 3 }])).toEqual(['a', 'b', 'c']);
  });
});

describe('the CSV of an export', () => {
  const csv = async (nodes: Record<string, unknown>[]) => (await writeExport(ExportFormat.CSV, nodes, new Set(['amount']))).body.toString('utf8');

  it.each([
    ['money as exact decimal text', { amount: '148000000.10' }, 'amount\r\n148000000.10\r\n'],
    ['a comma or quote quoted', { name: '沈阳"新松",二期' }, 'name\r\n"沈阳""新松"",二期"\r\n'],
    ['a formula defused', { name: '=HYPERLINK("x")' }, `name\r\n"'=HYPERLINK(""x"")"\r\n`],
    ['a negative number left alone', { amount: '-12.50' }, 'amount\r\n-12.50\r\n'],
    ['null as an empty cell', { name: null }, 'name\r\n\r\n'],
  ])('%s', async (_why, node, expected) => {
    expect(await csv([node])).toBe('\ufeff' + expected);
  });
});
