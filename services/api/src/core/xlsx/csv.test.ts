import { csvText, isZip, parseCsv } from './csv';

describe('parseCsv', () => {
  it.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['no trailing line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['CRLF', 'a,b\r\n1,2\r\n', [['a', 'b'], ['1', '2']]],
    ['quoted comma, quote and line break', '"a,1","say ""hi""","two\nlines"\n', [['a,1', 'say "hi"', 'two\nlines']]],
    ['empty fields', ',x,\n', [['', 'x', '']]],
    ['an empty line', 'a\n\nb\n', [['a'], [''], ['b']]],
  ])('%s', (_name, text, records) => expect(parseCsv(text)).toEqual(records));
});

describe('csvText', () => {
  it('reads UTF-8 with a byte-order mark', () => {
    expect(csvText(Buffer.from('\uFEFF办件编号,事项\n', 'utf8'))).toBe('办件编号,事项\n');
  });
  it('reads GB18030 as Excel in Chinese saves it', () => {
    // "办件" in GB18030.
    expect(csvText(Buffer.from([0xb0, 0xec, 0xbc, 0xfe, 0x0a]))).toBe('办件\n');
  });
  it('refuses a binary file', () => {
    expect(csvText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]))).toBeNull();
    expect(isZip(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
  });
});
