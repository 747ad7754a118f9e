import { useState } from 'react';
import { Button, Form, Input, Select } from 'antd';
import { useMutation, useQuery } from 'urql';
import { DateInput, ErrorNotice, formatPeriod, useFormErrors, useLocale, useMessages } from '@kpd/web-kit';
import { messages } from '../messages';
import { SUGGESTED_HOST, CREATE } from './queries';

export function CreateMeeting({ areaId, cityId, isCity, period, onCreated }: { areaId: string; cityId: string | null; isCity: boolean; period: string; onCreated: (id: string) => void }) {
  const t = useMessages(messages);
  const [kind, setKind] = useState<'MONTHLY' | 'ON_SITE'>('MONTHLY');
  const [form] = Form.useForm<{ title?: string; heldOn?: string; location?: string; hostAreaId?: string }>();
  const [{ fetching }, create] = useMutation<{ createDispatchMeeting: { id: string } }>(CREATE);
  const errors = useFormErrors(form, { period: t('period') });
  const [host] = useQuery<{
    suggestedMeetingHost: { basedOn: string; rank: number; host: { id: string; name: string }; tied: Array<{ id: string; name: string }> } | null;
  }>({ query: SUGGESTED_HOST, variables: { cityId, period }, pause: !(isCity && kind === 'ON_SITE' && cityId && /^\d{4}-\d{2}$/.test(period)) });
  const locale = useLocale();
  const suggestion = host.data?.suggestedMeetingHost ?? null;
  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginTop: 12, rowGap: 8 }}
      onFinish={async (v) => {
        errors.clear();
        const r = await create({
          input: {
            areaId,
            period,
            kind,
            title: v.title?.trim() || null,
            heldOn: v.heldOn || null,
            location: v.location?.trim() || null,
            hostAreaId: kind === 'ON_SITE' ? (v.hostAreaId ?? null) : null,
          },
        });
        if (!errors.show(r.error) && r.data) onCreated(r.data.createDispatchMeeting.id);
      }}
    >
      {isCity && (
        <Form.Item label={t('kind')}>
          <Select value={kind} onChange={setKind} style={{ width: 180 }} options={(['MONTHLY', 'ON_SITE'] as const).map((k) => ({ value: k, label: t(k) }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('meetingTitle')}>
        <Input style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="heldOn" label={t('heldOn')}>
        <DateInput style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="location" label={t('location')}>
        <Input style={{ width: 180 }} />
      </Form.Item>
      {isCity && kind === 'ON_SITE' && (
        <Form.Item name="hostAreaId" label={t('host')} extra={
          host.error ? <ErrorNotice error={host.error} /> : suggestion ? (
            <span data-testid="suggested-host">
              {t('suggestedHost', { name: suggestion.host.name, rank: suggestion.rank, period: formatPeriod(suggestion.basedOn, locale) })}
              {suggestion.tied.length > 0 && ` ${t('suggestedTied', { names: suggestion.tied.map((a) => a.name).join('、') })}`}
            </span>
          ) : host.data ? t('noSuggestion') : null
        }>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={suggestion?.host.name}
            options={[...(suggestion ? [suggestion.host, ...suggestion.tied] : [])].map((a) => ({ value: a.id, label: a.name }))}
          />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={fetching} data-testid="create-meeting">
        {t('createMeeting')}
      </Button>
      {errors.notice && <div style={{ width: '100%', marginTop: 8 }}>{errors.notice}</div>}
    </Form>
  );
}
