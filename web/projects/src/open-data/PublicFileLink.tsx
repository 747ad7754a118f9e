import { Button, Tooltip } from 'antd';
import { thisMonthInChina, useMessages } from '@kpd/web-kit';
import { openDataMessages } from './messages';

/** The link to the open OC4IDS file (no sign-in) of an area and year: the projects marked public (公开). */
export function publicFileHref(areaId: string, year: number): string {
  return `/api/open/oc4ids.json?area=${encodeURIComponent(areaId)}&year=${year}`;
}

export function PublicFileLink({ areaId, year }: { areaId: string; year?: number }) {
  const t = useMessages(openDataMessages);
  const y = year ?? Number(thisMonthInChina().slice(0, 4));
  return (
    <Tooltip title={t('publicFileHint')}>
      <Button type="link" href={publicFileHref(areaId, y)} target="_blank" rel="noopener" data-testid="open-data-link">
        {t('publicFile')}
      </Button>
    </Tooltip>
  );
}
