import { Alert, Descriptions, Drawer, Space, Tabs, Tag, Tooltip } from 'antd';
import { useQuery } from 'urql';
import { formatMoney, formatPeriod, QueryState, useLocale, useMessages, yearOf, type Viewer } from '@kpd/web-kit';
import { EditPlanButton } from '../edit/PlanEditor';
import { ReportForm } from '../report/ReportForm';
import { EditProjectButton } from '../edit/ProjectForm';
import { messages, type MessageKey } from '../messages';
import { procedureMessages } from '../procedures/messages';
import { ProceduresTab } from '../procedures/ProceduresTab';
import { FundingTab } from '../funding/FundingTab';
import { fundingMessages } from '../funding/messages';
import { PartiesTab, partyMessages } from '../parties/PartiesTab';
import { CompletionTab } from '../contracts/CompletionTab';
import { ContractsTab } from '../contracts/ContractsTab';
import { DocumentsTab } from '../contracts/DocumentsTab';
import { contractMessages } from '../contracts/messages';
import { OpenDataSwitch } from '../open-data/OpenDataSwitch';
import { DETAIL } from './queries';
import { Lamp } from './Lamp';
import { PlanTable, PlanVersions } from './PlanTable';
import { Pictures } from './Pictures';
import { LightHistory } from './LightHistory';
import { Milestones, Problems, Secretaries } from './Sections';

/**
 * A project's detail: the plan table (plan, actual, totals), the three pictures (boundary, renderings,
 * this month's photos beside last month's with their flags), light history with reasons and removal
 * decisions, milestones, problems, secretaries, and the monthly report form.
 */
export function ProjectDetail({ id, onClose, viewer }: { id: string | null; onClose: () => void; viewer: Viewer }) {
  const t = useMessages(messages);
  const tp = useMessages(procedureMessages);
  const tf = useMessages(fundingMessages);
  const tpa = useMessages(partyMessages);
  const tc = useMessages(contractMessages);
  const locale = useLocale();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DETAIL, variables: { id: id ?? '' }, pause: !id });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    // Twelve tabs: wide enough on a laptop that 问题 and 服务秘书 are not folded into the overflow menu.
    <Drawer open={id !== null} onClose={onClose} size="min(1120px, 100vw)" title={data?.project.name ?? t('detail')} destroyOnHidden data-testid="project-detail">
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => false} onRetry={reload}>
        {({ project: p }) => {
          const latest = p.lights[p.lights.length - 1];
          const admin = viewer.role === 'ADMIN';
          return (
            <>
              {admin && (
                <Space style={{ marginBottom: 8 }}>
                  <EditProjectButton id={p.id} onSaved={reload} />
                  <EditPlanButton projectId={p.id} onSaved={reload} />
                  <OpenDataSwitch projectId={p.id} open={p.openData} onSaved={reload} />
                </Space>
              )}
              <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('code')}>{p.code}</Descriptions.Item>
                <Descriptions.Item label={t('district')}>{p.district.name}</Descriptions.Item>
                <Descriptions.Item label={t('investment')}>{formatMoney(p.totalInvestment)}</Descriptions.Item>
                <Descriptions.Item label={t('construction')}>
                  {formatPeriod(p.constructionStart, locale)} – {formatPeriod(p.constructionEnd, locale)}
                </Descriptions.Item>
                <Descriptions.Item label={t('stage')}>{t(p.stage as MessageKey)}</Descriptions.Item>
                <Descriptions.Item label={t('library')}>
                  <Tooltip title={p.libraryMembership.reason}>
                    <Tag color={p.libraryMembership.member ? 'blue' : 'default'}>{p.libraryMembership.member ? t('inLibrary') : t('notInLibrary')}</Tag>
                  </Tooltip>
                </Descriptions.Item>
                <Descriptions.Item label={t('enterprise')}>{p.enterprise}</Descriptions.Item>
                <Descriptions.Item label={t('unit')}>
                  {p.responsibleUnit} · {p.responsibleLeader}
                </Descriptions.Item>
                <Descriptions.Item label={t('light')}>
                  {latest ? (
                    <Space>
                      <Lamp light={latest} /> {formatPeriod(latest.period, locale)}
                    </Space>
                  ) : (
                    <Lamp light={null} />
                  )}
                </Descriptions.Item>
              </Descriptions>
              {latest?.clearing && (
                <Alert
                  type={latest.color === 'RED' ? 'error' : 'warning'}
                  showIcon
                  style={{ marginBottom: 12 }}
                  data-testid="light-clearing"
                  title={t('clearingTitle', { month: formatPeriod(latest.clearing.nextPeriod, locale) })}
                  description={
                    <Space direction="vertical" size={2}>
                      {latest.clearing.neededInvestment !== null && (
                        <span data-testid="clearing-needed">{t('clearingNeeded', { amount: formatMoney(latest.clearing.neededInvestment) })}</span>
                      )}
                      {latest.clearing.milestones.map((m) => (
                        <span key={m.name}>{t('clearingMilestone', { name: m.name, progress: m.neededProgress, now: m.progress, due: m.dueDate })}</span>
                      ))}
                      {latest.clearing.redBy && <span data-testid="clearing-red-by">{t('clearingRedBy', { month: formatPeriod(latest.clearing.redBy, locale) })}</span>}
                      {latest.clearing.neededInvestment === null && latest.clearing.milestones.length === 0 && <span>{latest.clearing.explanation}</span>}
                    </Space>
                  }
                />
              )}
              <Tabs
                defaultActiveKey="plan"
                items={[
                  {
                    key: 'plan',
                    label: t('tabPlan'),
                    children: (
                      <>
                        <ReportForm projectId={p.id} reports={p.reports} onSaved={reload} />
                        <PlanTable project={p} />
                        <PlanVersions projectId={p.id} year={yearOf(latest?.period ?? p.constructionStart)} canApprove={viewer.role === 'ADMIN'} />
                      </>
                    ),
                  },
                  { key: 'pictures', label: t('tabPictures'), children: <Pictures project={p} canEdit={admin} onSaved={reload} /> },
                  { key: 'lights', label: t('tabLights'), children: <LightHistory project={p} viewer={viewer} onDecided={reload} /> },
                  { key: 'milestones', label: t('tabMilestones'), children: <Milestones project={p} canEdit={admin || viewer.role === 'SECRETARY'} onSaved={reload} /> },
                  { key: 'procedures', label: tp('tab'), children: <ProceduresTab projectId={p.id} viewer={viewer} /> },
                  { key: 'funding', label: tf('tab'), children: <FundingTab projectId={p.id} viewer={viewer} /> },
                  { key: 'parties', label: tpa('tab'), children: <PartiesTab projectId={p.id} viewer={viewer} /> },
                  { key: 'documents', label: tc('documentsTab'), children: <DocumentsTab projectId={p.id} viewer={viewer} /> },
                  { key: 'contracts', label: tc('contractsTab'), children: <ContractsTab projectId={p.id} viewer={viewer} /> },
                  { key: 'completion', label: tc('completionTab'), children: <CompletionTab projectId={p.id} viewer={viewer} onCompleted={reload} /> },
                  { key: 'problems', label: t('tabProblems'), children: <Problems projectId={p.id} /> },
                  { key: 'secretaries', label: t('tabSecretaries'), children: <Secretaries project={p} /> },
                ]}
              />
            </>
          );
        }}
      </QueryState>
    </Drawer>
  );
}
