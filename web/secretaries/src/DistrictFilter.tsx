import { Select } from 'antd';
import { useQuery } from 'urql';
import { useMessages } from '@kpd/web-kit';
import { DISTRICTS } from './api';
import { messages } from './messages';

/** The districts of the viewer's scope to filter by; nothing when the scope is one district. */
export function DistrictFilter({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  testId: string;
}) {
  const t = useMessages(messages);
  const [{ data }] = useQuery({ query: DISTRICTS });
  if (!data || data.districts.length < 2) return null;
  return (
    <Select
      allowClear
      style={{ minWidth: 160 }}
      placeholder={t('allDistricts')}
      value={value}
      onChange={onChange}
      options={data.districts.map((d) => ({ value: d.id, label: d.name }))}
      data-testid={testId}
    />
  );
}
