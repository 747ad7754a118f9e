/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { LocaleProvider } from './i18n';
import { ImportResultView, type ImportResult } from './import';

const base: ImportResult = { dryRun: true, committed: false, totalRows: 12, validRows: 10, created: 0, updated: 0, problems: [] };

describe('ImportResultView', () => {
  test('lists every problem with its row, column header and reason', () => {
    render(
      <ImportResultView
        result={{
          ...base,
          problems: [
            { row: 4, column: 'C', header: '事项类型', reason: '应为行政许可、行政处罚……之一' },
            { row: 7, column: 'H', header: '承诺时限', reason: '承诺时限不能超过法定时限' },
            { row: 0, column: '', header: '', reason: '缺少列：实施编码' },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('import-problem-count').textContent).toContain('发现 3 个问题（共 12 行，有效 10 行）');
    const table = screen.getByTestId('import-problems');
    const rows = within(table).getAllByRole('row').slice(1); // the header row first
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['4', 'C 事项类型', '应为行政许可、行政处罚……之一'],
      ['7', 'H 承诺时限', '承诺时限不能超过法定时限'],
      ['文件', '—', '缺少列：实施编码'],
    ]);
    expect(within(table).getByText('行号')).toBeTruthy();
    expect(within(table).getByText('问题')).toBeTruthy();
  });

  test('a clean dry run says so with the row count', () => {
    render(<ImportResultView result={base} />);
    expect(screen.getByTestId('import-ok').textContent).toBe('未发现问题，共 12 行，可以确认导入。');
    expect(screen.queryByTestId('import-problems')).toBeNull();
  });

  test('a commit shows what was created and updated, in the chosen language', () => {
    render(
      <LocaleProvider locale="en">
        <ImportResultView result={{ ...base, dryRun: false, committed: true, created: 9, updated: 3 }} />
      </LocaleProvider>,
    );
    expect(screen.getByTestId('import-committed').textContent).toBe('Imported: 9 created, 3 updated.');
  });
});
