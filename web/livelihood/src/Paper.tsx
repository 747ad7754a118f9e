import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql } from './gql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { paperMessages as messages } from './messages';
import type { DetailSession } from './SessionDetail/queries';

const ISSUE = graphql(`
  mutation IssuePaperBallot($sessionId: ID!, $userId: ID!) { issuePaperBallot(sessionId: $sessionId, userId: $userId) }
`);
const ENTER = graphql(`
  mutation EnterPaperBallots($sessionId: ID!, $sheets: [[ID!]!]!, $receiptCodes: [String!]) { enterPaperBallots(sessionId: $sessionId, sheets: $sheets, receiptCodes: $receiptCodes) }
`);
const CONFIRM = graphql(`
  mutation ConfirmPaperBatch($sessionId: ID!, $batchId: ID!) { confirmPaperBatch(sessionId: $sessionId, batchId: $batchId) }
`);
const PRINT = graphql(`
  mutation PrintPaperSheets($sessionId: ID!, $count: Int!) { printPaperSheets(sessionId: $sessionId, count: $count) }
`);

type Batch = NonNullable<NonNullable<DetailSession['round']>['paperBatches']>[number];

/**
 * Paper ballots for the open round, for scrutineers and admins of the city: hand a delegate a sheet,
 * confirm another person's batch of sheets, print receipt codes for the sheets (admins), enter
 * returned sheets exactly as marked with each sheet's code (a sheet marking too many is kept and counted invalid), and
 * the sheets handed out against those entered.
 */
export function PaperBallots({ session, manage, onChanged }: { session: DetailSession; manage: boolean; onChanged: () => void }) {
  const t = useMessages(messages);
  const round = session.round!;
  const [delegate, setDelegate] = useState<string | undefined>();
  const [issued, issue] = useMutation(ISSUE);
  const [entered, enter] = useMutation(ENTER);
  const [confirmed, confirm] = useMutation(CONFIRM);
  const [printing, print] = useMutation(PRINT);
  const [toPrint, setToPrint] = useState<number>(10);
  const [printed, setPrinted] = useState<string[]>([]);
  const [sheets, setSheets] = useState<string[][]>([[]]);
  const [codes, setCodes] = useState<string[]>(['']);
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
            if (!delegate) return;
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
      {(round.paperBatches ?? []).length > 0 && (
        <>
          <Typography.Title level={5}>{t('batchesTitle')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            data-testid="paper-batches"
            dataSource={round.paperBatches ?? []}
            style={{ marginBottom: 12 }}
            columns={[
              { title: t('batch'), dataIndex: 'id', width: 70 },
              { title: t('issuedBy'), dataIndex: 'issuedBy', width: 120 },
              { title: t('sheets'), dataIndex: 'sheets', width: 70 },
              { title: t('delegates'), dataIndex: 'delegates', render: (d: string[]) => d.join('、') },
              {
                title: t('state'),
                key: 'state',
                width: 200,
                render: (_: unknown, b: Batch) =>
                  b.confirmedBy ? (
                    <Tag color="green">{t('confirmedBy', { who: b.confirmedBy })}</Tag>
                  ) : b.mine ? (
                    <Tag>{t('ownBatch')}</Tag>
                  ) : (
                    <Button
                      size="small"
                      type="primary"
                      loading={confirmed.fetching}
                      data-testid="paper-batch-confirm"
                      onClick={async () => (await confirm({ sessionId: session.id, batchId: b.id })).data && onChanged()}
                    >
                      {t('confirm')}
                    </Button>
                  ),
              },
            ]}
          />
          {confirmed.error && <ErrorNotice error={confirmed.error} />}
        </>
      )}
      {manage && (
        <>
          <Typography.Title level={5}>{t('printTitle')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('printHint')}</Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            <span data-testid="paper-print-count">
              <InputNumber min={1} max={500} value={toPrint} onChange={(v) => setToPrint(Number(v) || 1)} />
            </span>
            <Button
              loading={printing.fetching}
              data-testid="paper-print"
              onClick={async () => {
                const r = await print({ sessionId: session.id, count: toPrint });
                if (r.data) setPrinted(r.data.printPaperSheets);
              }}
            >
              {t('print', { n: toPrint })}
            </Button>
          </Space>
          {printing.error && <ErrorNotice error={printing.error} />}
          {printed.length > 0 && <Alert style={{ marginBottom: 12 }} type="warning" showIcon data-testid="paper-printed" title={t('printed')} description={<Typography.Text copyable>{printed.join('\n')}</Typography.Text>} />}
        </>
      )}
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
          <div data-testid="paper-sheet-code" style={{ marginTop: 8, maxWidth: 320 }}>
            <Input
              addonBefore={t('code')}
              placeholder="XXXX-XXXX-XXXX-XXXX"
              value={codes[i] ?? ''}
              onChange={(e) => setCodes((cs) => sheets.map((_, j) => (j === i ? e.target.value : (cs[j] ?? ''))))}
            />
          </div>
        </Card>
      ))}
      <Space wrap>
        <Button
          onClick={() => {
            setSheets((ss) => [...ss, []]);
            setCodes((cs) => [...cs, '']);
          }}
        >
          {t('addSheet')}
        </Button>
        {sheets.length > 1 && <Button onClick={() => setSheets((ss) => ss.slice(0, -1))}>{t('dropSheet')}</Button>}
        <Button
          type="primary"
          loading={entered.fetching}
          data-testid="paper-enter"
          onClick={async () => {
            const typed = sheets.map((_, j) => (codes[j] ?? '').trim());
            const r = await enter({ sessionId: session.id, sheets, receiptCodes: typed.some(Boolean) ? typed : null });
            if (r.data) {
              setReceipts(r.data.enterPaperBallots);
              setSheets([[]]);
              setCodes(['']);
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
