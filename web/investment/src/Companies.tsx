import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Switch } from 'antd';
import { useClient, useMutation, useQuery } from 'urql';
import { useFormErrors, type RemoteProps } from '@kpd/web-kit';
import { CHAIN_MAP, CHAINS, CREATE_COMPANY, DUPLICATES, SIZE_LABELS, SOURCE_LABELS, SOURCES } from './api';
import { TargetList } from './TargetList';

/** 目标企业库: local companies (what is here) and targets (where to find what is missing), searchable; entry with duplicate check. */
export function Companies({ viewer, navigate }: RemoteProps) {
  const [local, setLocal] = useState<boolean>(false);
  const [search, setSearch] = useState('');
  const [adding, setAdding] = useState(false);
  const [key, setKey] = useState(0);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          value={local}
          onChange={(e) => setLocal(e.target.value as boolean)}
          options={[
            { value: false, label: '目标企业' },
            { value: true, label: '本地企业' },
          ]}
          data-testid="company-kind"
        />
        <Input.Search allowClear placeholder="企业名称或统一社会信用代码" onSearch={setSearch} style={{ width: 280 }} data-testid="company-search" />
        {viewer.role === 'ADMIN' && (
          <Button type="primary" onClick={() => setAdding(true)} data-testid="company-new">
            新增企业
          </Button>
        )}
      </Space>
      <TargetList key={key} local={local} search={search} onOpen={(id) => navigate(`/companies/${id}`)} />
      <CompanyModal
        open={adding}
        areaId={viewer.area.id}
        onClose={(done) => {
          setAdding(false);
          if (done) setKey((k) => k + 1);
        }}
      />
    </>
  );
}

interface CompanyValues {
  creditCode: string;
  name: string;
  industry: string;
  size: keyof typeof SIZE_LABELS;
  location?: string;
  local: boolean;
  source: (typeof SOURCES)[number];
  tags?: string[];
  chainId?: string;
  nodeIds?: string[];
}

function CompanyModal({ open, areaId, onClose }: { open: boolean; areaId: string; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<CompanyValues>();
  const errors = useFormErrors(form, { nodeIds: '对应节点' });
  const client = useClient();
  const [{ fetching }, create] = useMutation(CREATE_COMPANY);
  const [dups, setDups] = useState<Array<{ id: string; name: string; creditCode: string }>>([]);
  const chainId = Form.useWatch('chainId', form);
  const [chains] = useQuery({ query: CHAINS, variables: { areaId: null } });
  const [chain] = useQuery({ query: CHAIN_MAP, variables: { id: chainId ?? '' }, pause: !chainId });
  const check = async () => {
    const { creditCode, name } = form.getFieldsValue(['creditCode', 'name']);
    if (!creditCode && !name) return setDups([]);
    const r = await client.query(DUPLICATES, { areaId, creditCode: creditCode || null, name: name || null }, { requestPolicy: 'network-only' }).toPromise();
    setDups(r.data?.companyDuplicates ?? []);
  };
  const submit = async (v: CompanyValues) => {
    const r = await create({
      input: {
        areaId,
        creditCode: v.creditCode,
        name: v.name,
        industry: v.industry,
        size: v.size,
        location: v.location ?? '',
        local: v.local,
        source: v.source,
        tags: v.tags ?? [],
        nodeIds: v.nodeIds ?? [],
      },
    });
    if (errors.show(r.error)) return;
    form.resetFields();
    setDups([]);
    onClose(true);
  };
  return (
    <Modal title="新增企业" open={open} onCancel={() => onClose(false)} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={{ size: 'MEDIUM', source: 'PLATFORM', local: false }} onFinish={(v) => void submit(v)} data-testid="company-form">
        <Form.Item name="creditCode" label="统一社会信用代码" rules={[{ required: true, whitespace: true, message: '请填写统一社会信用代码' }]}>
          <Input maxLength={40} onBlur={() => void check()} data-testid="company-code" />
        </Form.Item>
        <Form.Item name="name" label="企业名称" rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}>
          <Input maxLength={128} onBlur={() => void check()} data-testid="company-name" />
        </Form.Item>
        {dups.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title="名单中已有疑似重复的企业"
            description={dups.map((d) => `${d.name}（${d.creditCode}）`).join('；')}
            data-testid="company-duplicates"
          />
        )}
        <Form.Item name="industry" label="所属行业" rules={[{ required: true, whitespace: true, message: '请填写所属行业' }]}>
          <Input maxLength={64} data-testid="company-industry" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="size" label="企业规模">
            <Select style={{ width: 120 }} options={Object.entries(SIZE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="source" label="信息来源">
            <Select style={{ width: 160 }} options={SOURCES.map((s) => ({ value: s, label: SOURCE_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="local" label="本地企业" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Form.Item name="location" label="所在地">
          <Input maxLength={64} placeholder="如：上海市浦东新区" />
        </Form.Item>
        <Form.Item name="tags" label="标签">
          <Select mode="tags" options={['专精特新', '高新技术企业', '上市公司', '行业龙头'].map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="chainId" label="产业链">
          <Select allowClear options={(chains.data?.industryChains ?? []).map((c) => ({ value: c.id, label: c.name }))} data-testid="company-chain" />
        </Form.Item>
        <Form.Item name="nodeIds" label="对应节点">
          <Select mode="multiple" disabled={!chainId} options={(chain.data?.industryChain.nodes ?? []).map((n) => ({ value: n.id, label: n.name }))} data-testid="company-nodes" />
        </Form.Item>
        {errors.notice}
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="company-submit">
          保存
        </Button>
      </Form>
    </Modal>
  );
}
