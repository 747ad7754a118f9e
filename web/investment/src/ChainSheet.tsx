import { useState } from 'react';
import { Button, Card, Space } from 'antd';
import { useMutation } from 'urql';
import { ImportPanel, type Viewer } from '@kpd/web-kit';
import { IMPORT_CHAINS } from './api';

/**
 * The chain sheet (.xlsx) like every import: the area's chains exported, the template, and for its admins the
 * import into the area (upload, a dry run naming every problem by row and column, then the commit).
 */
export function ChainSheet({ viewer, onImported }: { viewer: Viewer; onImported: () => void }) {
  const [open, setOpen] = useState(false);
  const [, importChains] = useMutation(IMPORT_CHAINS);
  const admin = viewer.role === 'ADMIN';
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button href={`/api/investment/chains.xlsx?areaId=${viewer.area.id}`} data-testid="chain-export">
          导出 Excel
        </Button>
        {admin && (
          <>
            <Button href="/api/investment/chain-template.xlsx" data-testid="chain-template">
              下载导入模板
            </Button>
            <Button type={open ? 'default' : 'primary'} onClick={() => setOpen((o) => !o)} data-testid="chain-import-toggle">
              导入 Excel
            </Button>
          </>
        )}
      </Space>
      {admin && open && (
        <Card size="small" title={`导入产业链图谱到${viewer.area.name}（先试导入检查，无问题后确认；表中没有的节点保留不动）`} style={{ marginBottom: 16 }} data-testid="chain-import">
          <ImportPanel
            run={async (fileId, dryRun) => {
              const r = await importChains({ areaId: viewer.area.id, fileId, dryRun });
              return { data: r.data?.importIndustryChains, error: r.error };
            }}
            onCommitted={onImported}
          />
        </Card>
      )}
    </>
  );
}
