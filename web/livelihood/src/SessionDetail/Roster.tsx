import { useState } from 'react';
import { Card, Input, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { formatDateTime, ImportPanel, useMessages } from '@kpd/web-kit';
import { sessionMessages } from '../messages';
import { IMPORT, type DetailSession, type RosterRow } from './queries';

export function Roster({ session: v, editable, onImported }: { session: DetailSession; editable: boolean; onImported: () => void }) {
  const s = useMessages(sessionMessages);
  const [, importRoster] = useMutation(IMPORT);
  const [filter, setFilter] = useState('');
  const rows = (v.roster ?? []).filter((r) => !filter || r.name.includes(filter) || r.delegation.includes(filter));
  return (
    <>
      {editable && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="roster-import">
          <Typography.Paragraph>
            {s('rosterHint')}{' '}
            <a href="/api/livelihood/roster-template.xlsx" download data-testid="roster-template">
              {s('template')}
            </a>
          </Typography.Paragraph>
          <ImportPanel
            run={async (fileId, dryRun) => {
              const r = await importRoster({ sessionId: v.id, fileId, dryRun });
              return { data: r.data?.importVoteRoster, error: r.error };
            }}
            onCommitted={onImported}
          />
        </Card>
      )}
      <Input.Search allowClear placeholder={s('rosterFilter')} style={{ maxWidth: 320, marginBottom: 8 }} onSearch={setFilter} onChange={(e) => !e.target.value && setFilter('')} />
      <Table<RosterRow>
        rowKey="id"
        size="small"
        data-testid="roster-table"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 560 }}
        columns={[
          { title: s('delegate'), dataIndex: 'name' },
          { title: s('delegation'), dataIndex: 'delegation' },
          { title: s('scrutineer'), dataIndex: 'scrutineer', width: 90, render: (b: boolean) => (b ? <Tag color="purple">{s('scrutineer')}</Tag> : null) },
          { title: s('checkedInAt'), dataIndex: 'checkedInAt', width: 150, render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">{s('notCheckedIn')}</Typography.Text>) },
        ]}
      />
    </>
  );
}
