import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Select, Space, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { paperMessages as messages } from './messages';
import type { DetailSession } from './SessionDetail';

const ISSUE = /* GraphQL */ `
  mutation IssuePaperBallot($sessionId: ID!, $userId: ID!) { issuePaperBallot(sessionId: $sessionId, userId: $userId) }
`;
const ENTER = /* GraphQL */ `
  mutation EnterPaperBallots($sessionId: ID!, $sheets: [[ID!]!]!) { enterPaperBallots(sessionId: $sessionId, sheets: $sheets) }
`;

/**
 * Paper ballots for the open round, for scrutineers and admins of the city: hand a delegate a sheet,
 * enter returned sheets exactly as marked (a sheet marking too many is kept and counted invalid), and
 * the sheets handed out against those entered.
 */
export function PaperBallots({ session, onChanged }: { session: DetailSession; onChanged: () => void }) {
  const t = useMessages(messages);
  const round = session.round!;
  const [delegate, setDelegate] = useState<string | undefined>();
  const [issued, issue] = useMutation(ISSUE);
  const [entered, enter] = useMutation<{ enterPaperBallots: string[] }>(ENTER);
  const [sheets, setSheets] = useState<string[][]>([[]]);
  const [receipts, setReceipts] = useState<string[]>([]);
  const candidates = [...round.candidates].sort((a, b) => a.position - b.position);
  return (
    <Card size="small" title={t('title')} style={{ marginBottom: 16 }} data-testid="paper">
      <Typography.Paragraph data-testid="paper-reconciliation">
        {t('issued', { n: round.paper.issued })}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          showSearch
          style={{ minWidth: 260 }}
          placeholder={t('pickDelegate')}
          data-testid="paper-delegate"
          optionFilterProp="label"
          value={delegate}
          onChange={setDelegate}
          options={(session.roster ?? []).map((r) => ({ value: r.userId, label: `${r.name}（${r.delegation}）` }))}
        />
        <Button
          disabled={!delegate}
          loading={issued.fetching}
          data-testid="paper-issue"
          onClick={async () => {
            const r = await issue({ sessionId: session.id, userId: delegate });
            if (r.data) {
              setDelegate(undefined);
              onChanged();
            }
          }}
        >
          {t('issue')}
        </Button>
      </Space>
      {issued.error && <ErrorNotice error={issued.error} />}
      <Typography.Title level={5}>{t('enterTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('enterHint', { seats: round.seats })}</Typography.Paragraph>
      {sheets.map((marks, i) => (
        <Card key={i} size="small" style={{ marginBottom: 8 }} data-testid="paper-sheet" title={t('sheet', { n: i + 1 })} extra={<Tag color={marks.length > round.seats ? 'red' : 'default'}>{t('marks', { n: marks.length })}</Tag>}>
          <Checkbox.Group value={marks} onChange={(v) => setSheets((ss) => ss.map((s, j) => (j === i ? (v as string[]) : s)))}>
            <Space direction="vertical">
              {candidates.map((c) => (
                <Checkbox key={c.id} value={c.id}>
                  {c.position}. {c.name}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Card>
      ))}
      <Space wrap>
        <Button onClick={() => setSheets((ss) => [...ss, []])}>{t('addSheet')}</Button>
        {sheets.length > 1 && <Button onClick={() => setSheets((ss) => ss.slice(0, -1))}>{t('dropSheet')}</Button>}
        <Button
          type="primary"
          loading={entered.fetching}
          data-testid="paper-enter"
          onClick={async () => {
            const r = await enter({ sessionId: session.id, sheets });
            if (r.data) {
              setReceipts(r.data.enterPaperBallots);
              setSheets([[]]);
              onChanged();
            }
          }}
        >
          {t('enter', { n: sheets.length })}
        </Button>
      </Space>
      {entered.error && (
        <div style={{ marginTop: 8 }}>
          <ErrorNotice error={entered.error} />
        </div>
      )}
      {receipts.length > 0 && <Alert style={{ marginTop: 8 }} type="success" showIcon data-testid="paper-entered" title={t('entered', { n: receipts.length })} description={receipts.join('、')} />}
    </Card>
  );
}
