import { Col, Collapse, Row, Table, Timeline, Typography } from 'antd';
import { formatDate, formatPeriod, useLocale, useMessages } from '@kpd/web-kit';
import { boardMessages as messages } from '../messages';
import { quantity } from '../shared';
import { type BoardProject } from './queries';
import { CloseOut, MilestoneEditor, ObligationForm, ProgressForm } from './forms';

export function ProjectDetail({ project: p, admin, onChanged }: { project: BoardProject; admin: boolean; onChanged: () => void }) {
  const t = useMessages(messages);
  const locale = useLocale();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={8}>
        <Typography.Text strong>{t('milestones')}</Typography.Text>
        {p.milestones.length === 0 && <div style={{ color: '#888', marginBottom: 12 }}>—</div>}
        <Timeline
          style={{ marginTop: 12 }}
          items={p.milestones.map((m) => ({
            color: m.doneDate ? 'green' : m.dueDate < formatDate(new Date()) ? 'red' : 'blue',
            children: (
              <>
                {m.name}
                <div style={{ fontSize: 12, color: '#888' }}>
                  {t('due', { date: m.dueDate })}
                  {m.doneDate ? ` · ${t('met', { date: m.doneDate })}` : ''}
                </div>
              </>
            ),
          }))}
        />
        <Typography.Text strong>{t('proposalsBehind')}</Typography.Text>
        {p.proposals.length === 0 ? (
          <div style={{ color: '#888' }}>—</div>
        ) : (
          <ul style={{ paddingLeft: 20, marginTop: 4 }} data-testid="board-proposals">
            {p.proposals.map((x) => (
              <li key={x.id}>
                {x.title}
                {x.reasonLabel ? <Typography.Text type="secondary"> （{x.reasonLabel}）</Typography.Text> : null}
              </li>
            ))}
          </ul>
        )}
      </Col>
      <Col xs={24} md={admin ? 8 : 16}>
        <Typography.Text strong>{t('monthly')}</Typography.Text>
        <Table
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={p.progress}
          columns={[
            { title: t('month'), dataIndex: 'period', width: 100, render: (v: string) => formatPeriod(v, locale) },
            { title: t('quantity'), dataIndex: 'quantityDone', width: 100, align: 'right', render: (v: string) => quantity(v, p.unit) },
            { title: t('note'), dataIndex: 'note' },
          ]}
        />
      </Col>
      {admin && (
        <Col xs={24} md={8}>
          {p.status === 'COMPLETED' ? (
            <Typography.Text type="success">{t('closedOut', { date: p.completedOn ?? '' })}</Typography.Text>
          ) : (
            <>
              <ProgressForm project={p} onSaved={onChanged} />
              <CloseOut project={p} onSaved={onChanged} />
              <Collapse
                size="small"
                style={{ marginTop: 12 }}
                items={[
                  { key: 'obligation', label: t('obligation'), children: <ObligationForm project={p} onSaved={onChanged} /> },
                  { key: 'milestones', label: t('editMilestones'), children: <MilestoneEditor project={p} onSaved={onChanged} /> },
                ]}
              />
            </>
          )}
        </Col>
      )}
    </Row>
  );
}
