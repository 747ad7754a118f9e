/** The fields of a project's ledger entry, shared by 新建项目 and 编辑项目, with the library line under the total. */
import { Alert, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useQuery } from 'urql';
import { libraryMembership, parseYuan, PROJECT_CATEGORIES, PROJECT_STAGES } from '@kpd/domain';
import { formatMoney, MonthPicker, useMessages, wanInputToYuan } from '@kpd/web-kit';
import type { ProjectCategory, ProjectStage } from '../gql/graphql';
import { messages as projectMessages, type MessageKey } from '../messages';
import { editMessages } from './messages';
import { EDIT_DISTRICTS } from './queries';

export interface ProjectValues {
  districtId: string;
  code: string;
  name: string;
  category: ProjectCategory;
  stage: ProjectStage;
  stageReason?: string;
  totalInvestment: string;
  constructionStart: string;
  constructionEnd: string;
  enterprise: string;
  nationalCode?: string | null;
  responsibleUnit: string;
  responsibleLeader: string;
  keyPush: boolean;
  majorGovernmentInvestment: boolean;
}

/** The library line under the total investment: in or out, and the threshold that decides. */
function LibraryHint({
  total,
  stage,
  threshold,
}: {
  total: string | undefined;
  stage: ProjectStage | undefined;
  threshold: string | null | undefined;
}) {
  const t = useMessages(editMessages);
  const yuan = wanInputToYuan(total ?? '');
  if (!threshold || yuan === null || !stage || parseYuan(threshold) === 0n) return null;
  const m = libraryMembership({ totalInvestment: parseYuan(yuan), stage }, parseYuan(threshold));
  return (
    <Alert
      type={m.member ? 'info' : 'warning'}
      showIcon
      data-testid="library-hint"
      title={`${t('library')}：${t(m.member ? 'libraryIn' : 'libraryOut', { threshold: formatMoney(threshold) })}`}
      style={{ marginBottom: 12 }}
    />
  );
}

export function ProjectFields({
  editing,
  originalStage,
  thresholdOf,
}: {
  editing: boolean;
  originalStage?: ProjectStage;
  thresholdOf: (districtId: string | undefined) => string | null | undefined;
}) {
  const t = useMessages(editMessages);
  const tp = useMessages(projectMessages);
  const form = Form.useFormInstance<ProjectValues>();
  const districtId = Form.useWatch('districtId', form);
  const total = Form.useWatch('totalInvestment', form);
  const stage = Form.useWatch('stage', form);
  const req = (field: string, max: number) => [
    { required: true, whitespace: true, max, message: t('required', { field }) },
  ];
  const [districts] = useQuery({ query: EDIT_DISTRICTS, pause: editing });
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="districtId"
            label={t('district')}
            rules={[{ required: true, message: t('required', { field: t('district') }) }]}
          >
            <Select
              disabled={editing}
              data-testid="project-district"
              options={(districts.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="code" label={t('code')} rules={req(t('code'), 64)}>
            <Input disabled={editing} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="name" label={t('name')} rules={req(t('name'), 200)}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="category"
            label={t('category')}
            rules={[{ required: true, message: t('required', { field: t('category') }) }]}
          >
            <Select
              data-testid="project-category"
              options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: tp(c as MessageKey) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="stage"
            label={t('stage')}
            rules={[{ required: true, message: t('required', { field: t('stage') }) }]}
          >
            <Select
              data-testid="project-stage"
              options={PROJECT_STAGES.map((s) => ({ value: s, label: tp(s as MessageKey) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {originalStage && stage !== originalStage && (
        <Form.Item
          name="stageReason"
          label={t('stageReason')}
          rules={[{ required: true, whitespace: true, message: t('stageReasonRule') }]}
        >
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="totalInvestment"
        label={t('totalInvestment')}
        rules={[
          {
            required: true,
            validator: (_r, v: string | undefined) =>
              v && wanInputToYuan(v) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('amountRule'))),
          },
        ]}
      >
        <Input suffix={t('wan')} inputMode="decimal" style={{ width: 240 }} />
      </Form.Item>
      <LibraryHint total={total} stage={stage} threshold={thresholdOf(districtId)} />
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item
            name="constructionStart"
            label={t('constructionStart')}
            rules={[{ required: true, message: t('required', { field: t('constructionStart') }) }]}
          >
            <MonthPicker testId="project-start" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="constructionEnd"
            label={t('constructionEnd')}
            dependencies={['constructionStart']}
            rules={[
              { required: true, message: t('required', { field: t('constructionEnd') }) },
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  !v || !getFieldValue('constructionStart') || v >= getFieldValue('constructionStart')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('endBeforeStart'))),
              }),
            ]}
          >
            <MonthPicker testId="project-end" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="enterprise" label={t('enterprise')} rules={req(t('enterprise'), 200)}>
        <Input />
      </Form.Item>
      <Form.Item
        name="nationalCode"
        label={t('nationalCode')}
        extra={t('nationalCodeHint')}
        rules={[{ pattern: /^\s*(\d{4}-\d{6}-\d{2}-\d{2}-\d{6})?\s*$/, message: t('nationalCodeHint') }]}
      >
        <Input maxLength={30} placeholder="2020-210111-48-01-000123" data-testid="project-national-code" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item
            name="responsibleUnit"
            label={t('responsibleUnit')}
            rules={req(t('responsibleUnit'), 200)}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="responsibleLeader"
            label={t('responsibleLeader')}
            rules={req(t('responsibleLeader'), 100)}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="keyPush" valuePropName="checked" style={{ marginBottom: 4 }}>
        <Checkbox>{t('keyPush')}</Checkbox>
      </Form.Item>
      <Form.Item name="majorGovernmentInvestment" valuePropName="checked">
        <Checkbox>{t('major')}</Checkbox>
      </Form.Item>
    </>
  );
}