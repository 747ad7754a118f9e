/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider } from 'urql';
import { LocaleProvider } from '@kpd/web-kit';
import { fakeServer } from '@kpd/web-kit/testing';
import { CombinedResults, PublicPart, type RatingRule } from './PublicSurvey';

const ZHENHAI: RatingRule = { delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60, source: 'SESSION' };
const LABELS: Record<string, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', UNSATISFIED: '不满意' };

function withClient(node: ReactNode, answers: Parameters<typeof fakeServer>[0] = {}) {
  const server = fakeServer(answers);
  render(
    <Provider value={server.client}>
      <LocaleProvider locale="zh">{node}</LocaleProvider>
    </Provider>,
  );
  return server;
}

describe('the year-end satisfaction with the public’s part', () => {
  test('the published result shows both parts and the combined score', () => {
    withClient(
      <CombinedResults
        rule={ZHENHAI}
        label={(r) => LABELS[r]}
        results={[
          {
            project: { id: '101', name: '实施老旧小区改造工程222万平方米' },
            satisfied: 240,
            basicallySatisfied: 78,
            unsatisfied: 12,
            rating: 'SATISFIED',
            delegateRating: 'SATISFIED',
            delegateScore: '86.91',
            publicScore: '90.00',
            score: '88.76',
            publicSurvey: { satisfied: 960, basicallySatisfied: 200, unsatisfied: 40 },
          },
        ]}
      />,
    );
    expect(screen.getByTestId('rating-rule').textContent).toBe('测评权重：代表 40 分，群众 60 分（满 100 分）；综合得分 80 分及以上为“满意”，60 分及以上为“基本满意”');
    const row = screen.getByTestId('combined-results').querySelector('tr.ant-table-row')!;
    expect(Array.from(row.querySelectorAll('td')).map((td) => td.textContent)).toEqual(['实施老旧小区改造工程222万平方米', '240 / 78 / 12', '86.91', '960 / 200 / 40', '90.00', '88.76', '满意']);
  });

  test('an admin sets the weights and enters the households’ counts for the projects surveyed', async () => {
    const onSaved = jest.fn();
    const server = withClient(
      <PublicPart
        sessionId="3"
        areaId="21"
        year={2021}
        rule={ZHENHAI}
        surveys={[{ projectId: '101', satisfied: 960, basicallySatisfied: 200, unsatisfied: 40, source: '阜新市统计局入户调查' }]}
        projects={[
          { id: '101', name: '实施老旧小区改造工程222万平方米' },
          { id: '102', name: '维修改造城乡校舍10万平方米' },
        ]}
        onSaved={onSaved}
      />,
      {
        SetRatingRule: () => ({ data: { setLivelihoodRatingRule: { delegateWeight: 40, publicWeight: 60, source: 'SESSION' } } }),
        RecordPublicSurvey: () => ({ data: { recordLivelihoodPublicSurvey: [{ projectId: '101' }, { projectId: '102' }] } }),
      },
    );
    const form = screen.getByTestId('survey-form');
    expect((within(form).getByTestId('survey-source') as HTMLInputElement).value).toBe('阜新市统计局入户调查');
    const rows = within(form).getAllByTestId('survey-row');
    expect(rows[0].textContent).toContain('已录入');
    fireEvent.change(within(rows[1]).getByTestId('survey-satisfied').querySelector('input') ?? within(rows[1]).getByTestId('survey-satisfied'), { target: { value: '900' } });
    fireEvent.change(within(rows[1]).getByTestId('survey-basic').querySelector('input') ?? within(rows[1]).getByTestId('survey-basic'), { target: { value: '250' } });
    fireEvent.change(within(rows[1]).getByTestId('survey-unsatisfied').querySelector('input') ?? within(rows[1]).getByTestId('survey-unsatisfied'), { target: { value: '50' } });
    fireEvent.click(within(form).getByTestId('survey-save'));
    await waitFor(() => expect(server.calls.some((c) => c.name === 'RecordPublicSurvey')).toBe(true));
    expect(server.calls.find((c) => c.name === 'RecordPublicSurvey')!.variables).toEqual({
      sessionId: '3',
      year: 2021,
      input: {
        source: '阜新市统计局入户调查',
        entries: [
          { projectId: '101', satisfied: 960, basicallySatisfied: 200, unsatisfied: 40 },
          { projectId: '102', satisfied: 900, basicallySatisfied: 250, unsatisfied: 50 },
        ],
      },
    });
    await waitFor(() => expect(onSaved).toHaveBeenCalled());

    fireEvent.click(screen.getByTestId('rule-save'));
    await waitFor(() => expect(server.calls.some((c) => c.name === 'SetRatingRule')).toBe(true));
    expect(server.calls.find((c) => c.name === 'SetRatingRule')!.variables).toEqual({ input: { areaId: '21', sessionId: '3', delegateWeight: 40, publicWeight: 60, satisfiedFrom: 80, basicFrom: 60 } });
  });
});
