import { parseSheetPaste } from './paste';

describe('a paste from a spreadsheet', () => {
  test.each<[string, string, Array<{ amount: string; milestone?: string }>]>([
    ['one column of amounts', '400\n400\n600\n', [{ amount: '400' }, { amount: '400' }, { amount: '600' }]],
    [
      'amounts with separators and units',
      '1,234.5\n2,000万元\r\n',
      [{ amount: '1234.5' }, { amount: '2000' }],
    ],
    [
      'amount and milestone',
      '400\t开工\n600\t\n',
      [
        { amount: '400', milestone: '开工' },
        { amount: '600', milestone: '' },
      ],
    ],
    [
      'month labels skipped',
      '1月\t400\t开工\n2月\t500\t',
      [
        { amount: '400', milestone: '开工' },
        { amount: '500', milestone: '' },
      ],
    ],
    ['periods as labels', '2026-01\t400\n2026-02\t500', [{ amount: '400' }, { amount: '500' }]],
    [
      'one row of amounts',
      '100\t200\t300\t400',
      [{ amount: '100' }, { amount: '200' }, { amount: '300' }, { amount: '400' }],
    ],
    ['a blank cell stays blank', '400\n\n600', [{ amount: '400' }, { amount: '' }, { amount: '600' }]],
  ])('%s', (_name, text, rows) => expect(parseSheetPaste(text)).toEqual(rows));
});
