import { useState } from 'react';
import { Button, Select, Space, Tooltip } from 'antd';
import { thisMonthInChina, useMessages } from '@kpd/web-kit';
import { PublicFileLink } from '../open-data/PublicFileLink';
import { contractMessages } from './messages';

/**
 * OC4IDS 开放数据: downloads the OC4IDS 0.9 project package of the list's district (else the viewer's own
 * area) for a year — every project whose construction period touches it, with its funding by source,
 * parties, documents, contracts and completion. Beside it, the link to the same area's and year's public
 * file (no sign-in; the projects marked 公开).
 */
export function Oc4idsButton({ areaId, ownAreaId }: { areaId: string | null; ownAreaId: string }) {
  const t = useMessages(contractMessages);
  const current = Number(thisMonthInChina().slice(0, 4));
  const [year, setYear] = useState(current);
  const href = `/api/projects/oc4ids.json?${areaId ? `areaId=${areaId}&` : ''}year=${year}`;
  return (
    <Space size={0}>
      <Space.Compact>
        <Select
          value={year}
          onChange={setYear}
          style={{ width: 92 }}
          options={[0, 1, 2, 3, 4].map((n) => ({ value: current - n, label: `${current - n}` }))}
          data-testid="oc4ids-year"
        />
        <Tooltip title={t('oc4idsHint')}>
          <Button href={href} download data-testid="oc4ids-download">
            {t('oc4ids')}
          </Button>
        </Tooltip>
      </Space.Compact>
      <PublicFileLink areaId={areaId ?? ownAreaId} year={year} />
    </Space>
  );
}
