import { Card, Col, Descriptions, Row, Typography } from 'antd';
import { useMessages, type Viewer } from '@kpd/web-kit';
import { messages } from './messages';
import type { NavItem } from './nav';
import { Todo } from './home/Todo';

export function Home({ viewer, items, locale, navigate }: { viewer: Viewer; items: NavItem[]; locale: 'zh' | 'en'; navigate: (to: string) => void }) {
  const t = useMessages(messages);
  return (
    <>
      <Typography.Title level={3}>{t('welcome', { name: viewer.displayName })}</Typography.Title>
      <Descriptions size="small" column={1} style={{ maxWidth: 480, marginBottom: 24 }}>
        <Descriptions.Item label={t('role')}>{t(`role${viewer.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('scope')}>{viewer.area.name}</Descriptions.Item>
      </Descriptions>
      <Todo viewer={viewer} navigate={navigate} />
      <Row gutter={[16, 16]}>
        {items
          .filter((i) => i.path !== '/')
          .map((i) => (
            <Col key={i.key} xs={24} sm={12} lg={8}>
              <Card hoverable onClick={() => navigate(i.path)} data-testid={`home-card-${i.key}`}>
                <Card.Meta title={i.label[locale]} />
              </Card>
            </Col>
          ))}
      </Row>
    </>
  );
}
