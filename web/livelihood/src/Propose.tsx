/**
 * 提交民生实事建议 (群众提): anyone proposes a livelihood project to a congress — a city's, a county's
 * or a township's — without signing in (/public/votes/propose); delegates and departments do it
 * signed in (the 提交建议 tab), as their own source. The answer is the tracking code (查询码) that
 * follows the proposal through screening, the vote and delivery. Checked as the API checks it; the
 * server's refusals show under their fields, in Chinese.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Form, Input, Result, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from './gql';
import type { ProposalCategory, ProposalCongressesQuery } from './gql/graphql';
import { QueryState, useFormErrors, useMessages, wanInputToYuan, type Messages } from '@kpd/web-kit';
import { messages, type MessageKey } from './messages';

const CATEGORIES = ['TRANSPORT', 'EDUCATION', 'HEALTH', 'ELDERLY_CARE', 'HOUSING', 'UTILITIES', 'ENVIRONMENT', 'CULTURE_SPORTS', 'EMPLOYMENT', 'OTHER'] as const;

type SessionAreas = ProposalCongressesQuery['voteSessions'][number];
type CongressArea = SessionAreas['area'];

// The congresses one may propose to: those that hold livelihood votes (public, like their results).
const CONGRESSES = graphql(`
  query ProposalCongresses { voteSessions { area { id name level } city { id name } } }
`);
const SUBMIT = graphql(`
  mutation SubmitLivelihoodProposal($input: ProposalInput!) {
    submitLivelihoodProposal(input: $input) { trackingCode proposal { id title status } }
  }
`);

type Key =
  | 'tab' | 'intro' | 'signedInIntro' | 'congress' | 'congressRule' | 'district' | 'districtHelp' | 'category' | 'categoryRule' | 'title' | 'titleRule'
  | 'description' | 'descriptionRule' | 'estimatedCost' | 'costRule' | 'submitterName' | 'contact' | 'privateHelp' | 'tooLong' | 'submit'
  | 'none' | 'done' | 'doneHelp' | 'code' | 'track' | 'another';

export const proposeMessages: Messages<Key> = {
  zh: {
    tab: '提交建议',
    intro: '群众提、代表定、政府办、人大评。您可以向市、区县或乡镇（街道）人大提出民生实事项目建议，无需登录。提交后请保存查询码，凭它查看建议的筛选结果和办理全过程。',
    signedInIntro: '代表和部门以本人账号提出建议，来源记为“代表提”或“部门提”。提交后请保存查询码。',
    congress: '建议提交给',
    congressRule: '请选择提交给哪一级人大',
    district: '涉及区县或乡镇',
    districtHelp: '可不填',
    category: '类别',
    categoryRule: '请选择类别',
    title: '标题',
    titleRule: '标题须为 4–200 个字',
    description: '建议内容',
    descriptionRule: '内容须为 10–5000 个字：做什么、在哪里、为什么',
    estimatedCost: '估算投资（万元）',
    costRule: '请输入不小于 0 的金额（万元），最多 6 位小数',
    submitterName: '姓名',
    contact: '联系方式',
    privateHelp: '选填，仅管理员可见，用于回复您',
    tooLong: '最多 64 个字',
    submit: '提交建议',
    none: '目前没有可提交建议的人大。',
    done: '建议已提交',
    doneHelp: '请保存查询码，凭它查看建议的筛选结果和办理全过程。',
    code: '查询码',
    track: '查询办理进度',
    another: '再提一条',
  },
  en: {
    tab: 'Propose',
    intro: 'The public proposes, delegates decide, the government delivers, the congress evaluates. Propose a livelihood project to a city’s, county’s or township’s congress, without signing in. Keep the tracking code you get: it shows the screening and every later step.',
    signedInIntro: 'Delegates and departments propose under their own account (source: delegate or department). Keep the tracking code.',
    congress: 'Proposed to',
    congressRule: 'Choose the congress',
    district: 'District or township concerned',
    districtHelp: 'Optional',
    category: 'Category',
    categoryRule: 'Choose a category',
    title: 'Title',
    titleRule: '4 to 200 characters',
    description: 'Proposal',
    descriptionRule: '10 to 5000 characters: what, where and why',
    estimatedCost: 'Estimated cost (10k yuan)',
    costRule: 'An amount of 0 or more (10k yuan), at most 6 decimals',
    submitterName: 'Name',
    contact: 'Contact',
    privateHelp: 'Optional; seen by admins only, to reply to you',
    tooLong: 'At most 64 characters',
    submit: 'Submit',
    none: 'No congress takes proposals yet.',
    done: 'Proposal submitted',
    doneHelp: 'Keep the tracking code: it shows the screening and every later step.',
    code: 'Tracking code',
    track: 'Follow it',
    another: 'Propose another',
  },
};

interface Values {
  cityId: string;
  districtId?: string;
  category: ProposalCategory;
  title: string;
  description: string;
  estimatedCost?: string;
  submitterName?: string;
  contact?: string;
}

/** The congresses of the sessions, each once, cities first; and for each, the congresses under it. */
export function congressesOf(sessions: SessionAreas[]): Array<CongressArea & { below: CongressArea[] }> {
  const areas = new Map<string, CongressArea>();
  for (const s of sessions) areas.set(s.area.id, s.area);
  const order = { PROVINCE: 0, CITY: 1, DISTRICT: 2, TOWNSHIP: 3 };
  const cityOf = new Map(sessions.map((s) => [s.area.id, s.city.id]));
  return [...areas.values()]
    .sort((a, b) => order[a.level] - order[b.level] || a.name.localeCompare(b.name, 'zh'))
    .map((a) => ({ ...a, below: a.level === 'CITY' ? [...areas.values()].filter((b) => b.id !== a.id && cityOf.get(b.id) === a.id) : [] }));
}

const length = (min: number, max: number, message: string) => ({
  validator: (_r: unknown, v: string | undefined) => {
    const n = (v ?? '').trim().length;
    return n >= min && n <= max ? Promise.resolve() : Promise.reject(new Error(message));
  },
});

/** The proposal form; `onTrack` opens the tracking page on the code received. */
export function Propose({ signedIn, onTrack }: { signedIn: boolean; onTrack: (code: string) => void }) {
  const t = useMessages(proposeMessages);
  const m = useMessages(messages);
  const [form] = Form.useForm<Values>();
  const errors = useFormErrors(form);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CONGRESSES });
  const [submitting, submit] = useMutation(SUBMIT);
  const [code, setCode] = useState<string | null>(null);
  const congresses = useMemo(() => congressesOf(data?.voteSessions ?? []), [data]);
  const cityId = Form.useWatch('cityId', form);
  const below = congresses.find((c) => c.id === cityId)?.below ?? [];

  const send = async (v: Values) => {
    errors.clear();
    const input = {
      cityId: v.cityId,
      districtId: v.districtId || null,
      category: v.category,
      title: v.title.trim(),
      description: v.description.trim(),
      estimatedCost: v.estimatedCost?.trim() ? wanInputToYuan(v.estimatedCost) : null,
      submitterName: v.submitterName?.trim() || null,
      contact: v.contact?.trim() || null,
    };
    const r = await submit({ input });
    if (errors.show(r.error) || !r.data) return;
    setCode(r.data.submitLivelihoodProposal.trackingCode);
  };

  if (code) {
    return (
      <Result
        status="success"
        title={t('done')}
        subTitle={t('doneHelp')}
        data-testid="propose-done"
        extra={
          <Space orientation="vertical" align="center">
            <Typography.Title level={3} copyable data-testid="propose-code" style={{ margin: 0 }}>
              {code}
            </Typography.Title>
            <Space>
              <Button type="primary" onClick={() => onTrack(code)} data-testid="propose-track">
                {t('track')}
              </Button>
              <Button onClick={() => setCode(null)}>{t('another')}</Button>
            </Space>
          </Space>
        }
      />
    );
  }

  const short = [{ max: 64, message: t('tooLong') }];
  return (
    <div data-testid="propose" style={{ maxWidth: 760, margin: '0 auto' }}>
      <Typography.Paragraph type="secondary">{signedIn ? t('signedInIntro') : t('intro')}</Typography.Paragraph>
      <QueryState fetching={fetching} error={error} data={data} isEmpty={() => congresses.length === 0} empty={t('none')} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {() => (
          <Card size="small">
            <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ cityId: congresses.length === 1 ? congresses[0].id : undefined }}>
              <Space wrap align="start">
                <Form.Item name="cityId" label={t('congress')} rules={[{ required: true, message: t('congressRule') }]}>
                  <Select
                    style={{ width: 240 }}
                    showSearch
                    optionFilterProp="label"
                    options={congresses.map((c) => ({ value: c.id, label: c.name }))}
                    onChange={() => form.setFieldValue('districtId', undefined)}
                    data-testid="propose-city"
                  />
                </Form.Item>
                {below.length > 0 && (
                  <Form.Item name="districtId" label={t('district')} extra={t('districtHelp')}>
                    <Select style={{ width: 200 }} allowClear options={below.map((c) => ({ value: c.id, label: c.name }))} data-testid="propose-district" />
                  </Form.Item>
                )}
                <Form.Item name="category" label={t('category')} rules={[{ required: true, message: t('categoryRule') }]}>
                  <Select style={{ width: 180 }} options={CATEGORIES.map((c) => ({ value: c, label: m(c as MessageKey) }))} data-testid="propose-category" />
                </Form.Item>
              </Space>
              <Form.Item name="title" label={t('title')} rules={[{ required: true, message: t('titleRule') }, length(4, 200, t('titleRule'))]}>
                <Input maxLength={200} data-testid="propose-title" />
              </Form.Item>
              <Form.Item name="description" label={t('description')} rules={[{ required: true, message: t('descriptionRule') }, length(10, 5000, t('descriptionRule'))]}>
                <Input.TextArea rows={5} maxLength={5000} showCount data-testid="propose-description" />
              </Form.Item>
              <Form.Item
                name="estimatedCost"
                label={t('estimatedCost')}
                rules={[{ validator: (_r, v: string | undefined) => (!v?.trim() || wanInputToYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('costRule')))) }]}
              >
                <Input inputMode="decimal" style={{ width: 200 }} data-testid="propose-cost" />
              </Form.Item>
              <Space wrap align="start">
                <Form.Item name="submitterName" label={t('submitterName')} extra={t('privateHelp')} rules={short}>
                  <Input style={{ width: 200 }} data-testid="propose-name" />
                </Form.Item>
                <Form.Item name="contact" label={t('contact')} extra={t('privateHelp')} rules={short}>
                  <Input style={{ width: 240 }} data-testid="propose-contact" />
                </Form.Item>
              </Space>
              {errors.notice}
              <Button type="primary" htmlType="submit" loading={submitting.fetching} data-testid="propose-submit">
                {t('submit')}
              </Button>
            </Form>
          </Card>
        )}
      </QueryState>
    </div>
  );
}
