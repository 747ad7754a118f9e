import { Card, Col, Descriptions, Empty, Image, Row, Space, Tag } from 'antd';
import { formatDateTime, formatPeriod, useLocale, useMessages } from '@kpd/web-kit';
import { BoundaryMap } from '@kpd/web-kit/map';
import { EditLocationButton } from '../pictures/LocationEditor';
import { EditRenderingsButton } from '../pictures/RenderingsEditor';
import { messages } from '../messages';
import { type Detail, type Report, type Photo } from './queries';

export function PhotoCard({ photo }: { photo: Photo }) {
  const t = useMessages(messages);
  const flagged = photo.outsideBoundary || photo.takenBeforeMonth || photo.reusedFromPeriod !== null;
  return (
    <div data-testid="photo" data-flagged={flagged} style={{ width: 168 }}>
      <Image src={photo.file.thumbnailUrl ?? photo.file.url} preview={{ src: photo.file.url }} width={160} height={120} style={{ objectFit: 'cover' }} alt={photo.file.name} />
      <div style={{ fontSize: 12, color: '#888' }}>{photo.file.takenAt ? `${t('takenAt')} ${formatDateTime(photo.file.takenAt)}` : t('noExifTime')}</div>
      <Space size={[4, 4]} wrap>
        {photo.flags.length === 0 ? (
          <Tag color="green">{t('photoOk')}</Tag>
        ) : (
          photo.flags.map((f) => (
            <Tag color="orange" key={f} data-testid="photo-flag">
              {f}
            </Tag>
          ))
        )}
      </Space>
    </div>
  );
}

export function MonthPhotos({ report, title }: { report: Report | undefined; title: string }) {
  const t = useMessages(messages);
  const locale = useLocale();
  return (
    <Card size="small" title={report ? `${title} · ${formatPeriod(report.period, locale)}` : title} data-testid="photo-month">
      {!report || report.photos.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noPhotos')} />
      ) : (
        <Image.PreviewGroup>
          <Space wrap align="start">
            {report.photos.map((ph) => (
              <PhotoCard key={ph.file.id} photo={ph} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}

/** 一表三图: the boundary on the map, the renderings, and this month's photos beside last month's. */
export function Pictures({ project: p, canEdit, onSaved }: { project: Detail; canEdit: boolean; onSaved: () => void }) {
  const t = useMessages(messages);
  const reports = [...p.reports].sort((a, b) => b.period.localeCompare(a.period));
  const loc = p.location;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('boundaryMap')} extra={canEdit && <EditLocationButton projectId={p.id} onSaved={onSaved} />}>
        <BoundaryMap shapes={loc.geoJson ? [{ id: p.id, geoJson: loc.geoJson, color: '#b4232a', label: p.name }] : []} height={280} testId="project-boundary" emptyText={t('noBoundary')} />
        <Descriptions size="small" column={2} style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('east')}>{loc.east ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('west')}>{loc.west ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('south')}>{loc.south ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('north')}>{loc.north ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('renderings')} extra={canEdit && <EditRenderingsButton projectId={p.id} renderings={p.renderings} onSaved={onSaved} />}>
        {p.renderings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noRenderings')} />
        ) : (
          <Image.PreviewGroup>
            <Space wrap>
              {p.renderings.map((r) => (
                <Image key={r.id} src={r.thumbnailUrl ?? r.url} preview={{ src: r.url }} width={200} height={130} style={{ objectFit: 'cover' }} alt={r.name} data-testid="rendering" />
              ))}
            </Space>
          </Image.PreviewGroup>
        )}
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={12}>
          <MonthPhotos report={reports[0]} title={t('thisMonthPhotos')} />
        </Col>
        <Col xs={24} md={12}>
          <MonthPhotos report={reports[1]} title={t('lastMonthPhotos')} />
        </Col>
      </Row>
    </Space>
  );
}
