import { Button, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { formatMoneyCell, QueryState, type RemoteProps } from '@kpd/web-kit';
import { COMPANY, LINK_LABELS, MATCHES, SIZE_LABELS, SOURCE_LABELS, STAGE_LABELS, type Company, type Stage } from './api';

type BriefNode = Company['nodes'][number];

/** Why the company fits a node: it fills a gap (weighted by the area's priority), or strengthens what is here. */
export function fitText(n: BriefNode): string {
  if (!n.filled) return `补链：本地尚无企业，优先级 ${n.priority}${n.gapWeight !== null ? `（补链权重 ${n.gapWeight}）` : ''}，同类目标企业 ${n.targetCompanies} 家`;
  return `强链：本地已有企业 ${n.localCompanies} 家、签约项目 ${n.signedLeads} 个，可延伸配套`;
}

/** Print styles: on paper only the brief, one A4 page, without the admin's frame and buttons. */
export const PRINT_CSS = `
.kpd-brief { max-width: 760px; margin: 0 auto; padding: 24px 32px; background: #fff; border: 1px solid #f0f0f0; font-size: 13px; line-height: 1.6; }
.kpd-brief h1 { font-size: 20px; margin: 0 0 4px; }
.kpd-brief h2 { font-size: 14px; margin: 14px 0 4px; border-bottom: 1px solid #d9d9d9; padding-bottom: 2px; }
.kpd-brief table { width: 100%; border-collapse: collapse; }
.kpd-brief td, .kpd-brief th { border: 1px solid #d9d9d9; padding: 2px 6px; text-align: left; vertical-align: top; }
.kpd-brief .missing { color: #cf1322; }
@media print {
  @page { size: A4; margin: 12mm; }
  body * { visibility: hidden !important; }
  .kpd-brief, .kpd-brief * { visibility: visible !important; }
  .kpd-brief { position: absolute; left: 0; top: 0; width: 100%; max-width: none; border: none; padding: 0; font-size: 11px; }
  .kpd-brief .no-print { display: none !important; }
}
`;

/** 一企一档 brief of a company on one printable page: who it is, its nodes and why it fits, contacts, projects, visits, matches. */
export function CompanyBrief({ id, navigate }: Pick<RemoteProps, 'navigate'> & { id: string }) {
  const [{ data, fetching, error }, refetch] = useQuery({ query: COMPANY, variables: { id } });
  const [matches] = useQuery({ query: MATCHES, variables: { companyId: id, first: 3 } });
  return (
    <QueryState fetching={fetching} error={error} data={data} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
      {({ targetCompany: c }) => (
        <div className="kpd-brief" data-testid="brief">
          <style>{PRINT_CSS}</style>
          <Space className="no-print" style={{ marginBottom: 12 }}>
            <Button onClick={() => navigate(`/companies/${c.id}`)}>← 返回企业</Button>
            <Button type="primary" onClick={() => window.print()} data-testid="brief-print">
              打印
            </Button>
          </Space>
          <h1 data-testid="brief-title">{c.name}</h1>
          <Typography.Text type="secondary">
            {c.area.name} · 招商企业简报 · {c.local ? '本地企业' : '目标企业'}
          </Typography.Text>
          <h2>企业概况</h2>
          <table>
            <tbody>
              <tr>
                <th>统一社会信用代码</th>
                <td>{c.creditCode}</td>
                <th>所属行业</th>
                <td>{c.industry}</td>
              </tr>
              <tr>
                <th>所在地</th>
                <td>{c.location || '—'}</td>
                <th>规模</th>
                <td>{SIZE_LABELS[c.size as keyof typeof SIZE_LABELS]}</td>
              </tr>
              <tr>
                <th>信息来源</th>
                <td>{SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS]}</td>
                <th>标签</th>
                <td>{c.tags.join('、') || '—'}</td>
              </tr>
            </tbody>
          </table>
          <h2>对应产业链节点与契合理由</h2>
          {c.nodes.length === 0 ? (
            <p>尚未关联产业链节点。</p>
          ) : (
            <table data-testid="brief-nodes">
              <tbody>
                {c.nodes.map((n) => (
                  <tr key={n.id}>
                    <td style={{ width: '32%' }}>
                      {n.chain?.name ?? ''} · {LINK_LABELS[n.link as keyof typeof LINK_LABELS]} · {n.name}
                    </td>
                    <td className={n.filled ? undefined : 'missing'}>{fitText(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>联系方式</h2>
          <table data-testid="brief-contacts">
            <tbody>
              <tr>
                <th>企业联系人</th>
                <td>{c.contactPerson || '—'}</td>
                <th>联系电话</th>
                <td>{c.contactPhone === null ? '（无权查看）' : c.contactPhone || '—'}</td>
              </tr>
              {c.leads.slice(0, 3).map((l) => (
                <tr key={l.id}>
                  <th>我方责任人</th>
                  <td>{l.responsiblePerson}</td>
                  <th>责任单位</th>
                  <td>{l.responsibleUnit}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>招商项目</h2>
          {c.leads.length === 0 ? (
            <p>尚无招商项目。</p>
          ) : (
            <table data-testid="brief-leads">
              <tbody>
                {c.leads.slice(0, 4).map((l) => (
                  <tr key={l.id}>
                    <td>{l.name}</td>
                    <td>{STAGE_LABELS[l.stage as Stage]}{l.stalled ? `（停滞 ${l.daysSinceStep} 天）` : ''}</td>
                    <td>{formatMoneyCell(l.amount, 'wan')} 万元</td>
                    <td>{l.nextStep ? `下一步：${l.nextStep}${l.nextStepDate ? `（${l.nextStepDate}）` : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h2>走访记录</h2>
          {c.visits.length === 0 ? (
            <p>尚无走访记录。</p>
          ) : (
            <table data-testid="brief-visits">
              <tbody>
                {c.visits.slice(0, 6).map((v) => (
                  <tr key={v.id}>
                    <td style={{ width: '18%' }}>{v.date}</td>
                    <td>{v.note}</td>
                    <td style={{ width: '14%' }}>{v.recordedBy ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {(matches.data?.companyMatches.length ?? 0) > 0 && (
            <>
              <h2>撮合建议（本地上下游企业）</h2>
              <table data-testid="brief-matches">
                <tbody>
                  {matches.data!.companyMatches.map((m) => (
                    <tr key={m.company.id}>
                      <td style={{ width: '32%' }}>{m.company.name}</td>
                      <td>{m.reasons.join('；')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </QueryState>
  );
}
