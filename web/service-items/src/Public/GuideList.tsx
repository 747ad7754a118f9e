import { useState } from 'react';
import { Button, Input, List, Space, Tag, Typography } from 'antd';
import { useQuery } from 'urql';
import { QueryState, useMessages } from '@kpd/web-kit';
import { guideMessages } from '../guide.messages';
import { GUIDES } from './queries';

export function GuideList({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useMessages(guideMessages);
  const [search, setSearch] = useState('');
  const [pages, setPages] = useState<Array<string | null>>([null]);
  return (
    <div data-testid="public-guides">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('guidesTitle')}
      </Typography.Title>
      <Input.Search
        allowClear
        size="large"
        placeholder={t('searchGuides')}
        onSearch={(v) => {
          setSearch(v.trim());
          setPages([null]);
        }}
        style={{ marginBottom: 12 }}
        data-testid="guide-search"
      />
      {pages.map((after, i) => (
        <GuideListPage
          key={`${search}:${after}`}
          search={search}
          after={after}
          first={i === 0}
          last={i === pages.length - 1}
          onMore={(c) => setPages((p) => [...p, c])}
          onOpen={onOpen}
        />
      ))}
    </div>
  );
}

function GuideListPage({
  search,
  after,
  first,
  last,
  onMore,
  onOpen,
}: {
  search: string;
  after: string | null;
  first: boolean;
  last: boolean;
  onMore: (c: string) => void;
  onOpen: (id: string) => void;
}) {
  const t = useMessages(guideMessages);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: GUIDES,
    variables: { search: search || null, first: 20, after },
  });
  return (
    <QueryState
      fetching={fetching}
      error={error}
      data={data}
      isEmpty={(d) => first && d.publicServiceGuides.nodes.length === 0}
      onRetry={() => refetch({ requestPolicy: 'network-only' })}
    >
      {(d) => (
        <>
          {first && (
            <Typography.Text type="secondary">
              {t('count', { n: d.publicServiceGuides.totalCount })}
            </Typography.Text>
          )}
          <List
            dataSource={d.publicServiceGuides.nodes}
            renderItem={(item) => (
              <List.Item
                onClick={() => onOpen(item.id)}
                style={{ cursor: 'pointer' }}
                data-testid="guide-row"
              >
                <List.Item.Meta
                  title={
                    <a
                      href={`/public/guides/${item.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(item.id);
                      }}
                    >
                      {item.name}
                    </a>
                  }
                  description={
                    <Space wrap size={4}>
                      <span>
                        {item.districtName} · {item.department}
                      </span>
                      {item.highFrequency && <Tag color="blue">{t('highFrequency')}</Tag>}
                      <Tag>{t(item.onlineDepth)}</Tag>
                      <Tag color="green">
                        {item.caseKind === 'IMMEDIATE'
                          ? t('immediate')
                          : t('days', { n: item.promisedLimitDays ?? 0 })}
                      </Tag>
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
          {last && d.publicServiceGuides.pageInfo.hasNextPage && (
            <Button block onClick={() => onMore(d.publicServiceGuides.pageInfo.endCursor!)}>
              {t('loadMore')}
            </Button>
          )}
        </>
      )}
    </QueryState>
  );
}
