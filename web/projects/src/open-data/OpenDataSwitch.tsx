import { App, Space, Switch, Tooltip, Typography } from 'antd';
import { useMutation } from 'urql';
import { ErrorNotice, useMessages } from '@kpd/web-kit';
import { graphql } from '../gql';
import { openDataMessages } from './messages';

const SET_OPEN = graphql(`
  mutation SetProjectOpenData($projectId: ID!, $open: Boolean!) { setProjectOpenData(projectId: $projectId, open: $open) { id openData } }
`);

/** 公开: an admin of the project's area marks it public in the open OC4IDS file, or withdraws it. */
export function OpenDataSwitch({ projectId, open, onSaved }: { projectId: string; open: boolean; onSaved?: () => void }) {
  const t = useMessages(openDataMessages);
  const { message } = App.useApp();
  const [state, setOpen] = useMutation(SET_OPEN);
  const change = async (value: boolean) => {
    const res = await setOpen({ projectId, open: value });
    if (res.error) return;
    message.success(value ? t('openOn') : t('openOff'));
    onSaved?.();
  };
  return (
    <Space>
      <Tooltip title={t('openHint')}>
        <Space size={4}>
          <Switch size="small" checked={open} loading={state.fetching} onChange={(v) => void change(v)} data-testid="open-data-switch" aria-label={t('open')} />
          <Typography.Text>{t('open')}</Typography.Text>
        </Space>
      </Tooltip>
      {state.error && <ErrorNotice error={state.error} />}
    </Space>
  );
}
