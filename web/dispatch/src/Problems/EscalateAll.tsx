import { useState } from 'react';
import { Alert, Button, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { ESCALATE_ALL } from './queries';

export function EscalateAll({ areaId, onDone }: { areaId: string | null; onDone: () => void }) {
  const t = useMessages(messages);
  const [open, setOpen] = useState(false);
  const [leader, setLeader] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [{ fetching, error }, run] = useMutation(ESCALATE_ALL);
  return (
    <>
      <Button danger onClick={() => { setOpen(true); setDone(null); }} data-testid="escalate-all">
        {t('escalateAll')}
      </Button>
      <Modal
        open={open}
        title={t('escalateAll')}
        onCancel={() => setOpen(false)}
        okText={t('submit')}
        cancelText={t('cancel')}
        confirmLoading={fetching}
        okButtonProps={{ 'data-testid': 'escalate-all-submit' } as ButtonProps}
        onOk={async () => {
          const r = await run({ areaId, cityLeader: leader });
          if (r.data) {
            setDone(r.data.escalateOverdueProblems.length);
            onDone();
          }
        }}
      >
        <Typography.Paragraph type="secondary">{t('escalateAllHelp')}</Typography.Paragraph>
        <Input placeholder={t('cityLeader')} value={leader} onChange={(e) => setLeader(e.target.value)} data-testid="escalate-all-leader" />
        {error && <div style={{ marginTop: 12 }}><ErrorNotice error={error} /></div>}
        {done !== null && (
          <Alert style={{ marginTop: 12 }} type={done ? 'success' : 'info'} showIcon title={done ? t('escalateAllDone', { n: done }) : t('escalateAllNone')} data-testid="escalate-all-result" />
        )}
      </Modal>
    </>
  );
}
