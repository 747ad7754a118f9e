import { useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { rankingWeightsSum } from '@kpd/domain';
import { QueryState, useFormErrors, useMessages, wanInputToYuan, yuanToWanInput, type Viewer } from '@kpd/web-kit';
import type { AdminCitySettingsQuery, LightRule } from '../gql/graphql';
import { adminMessages } from './messages';
import { useAreaOptions } from './parts';
import { CITY_SETTINGS, UPDATE_CITY_SETTINGS } from './queries';

type Settings = NonNullable<AdminCitySettingsQuery['area']['settings']>;
type Weights = Settings['rankingWeights'];

interface SettingsValues {
  lightRule: LightRule;
  libraryThreshold: string;
  reportDeadlineDay: number;
  lightTolerancePercent: number;
  noContactDays: number;
  rankingWeights: Weights;
}

/** 城市参数: the light rule, library threshold, report deadline, tolerance, no-contact days and ranking weights of a city. */
export function CitySettings({ viewer }: { viewer: Viewer }) {
  const t = useMessages(adminMessages);
  const level = viewer.area.level;
  const { options } = useAreaOptions();
  // A province admin picks one of its cities; a city admin edits its own; a district admin reads its city's.
  const cities = level === 'PROVINCE' ? (options[0]?.children ?? []).filter((c) => c.level === 'CITY') : [];
  const [picked, setPicked] = useState<string | null>(null);
  const areaId = level === 'PROVINCE' ? (picked ?? cities[0]?.value ?? null) : viewer.area.id;
  const editable = level === 'PROVINCE' || level === 'CITY';
  const [{ data, fetching, error }, refetch] = useQuery({ query: CITY_SETTINGS, variables: { id: areaId ?? '' }, pause: !areaId });
  return (
    <>
      {level === 'PROVINCE' && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('city')}</Typography.Text>
          <Select
            value={areaId ?? undefined}
            onChange={setPicked}
            placeholder={t('chooseCity')}
            style={{ width: 180 }}
            options={cities.map((c) => ({ value: c.value, label: c.title }))}
            data-testid="settings-city"
          />
        </Space>
      )}
      {!editable && <Alert type="info" showIcon title={t('settingsReadOnly')} style={{ marginBottom: 12 }} />}
      <QueryState fetching={fetching} error={error} data={data} isEmpty={(d) => !d.area.settings} onRetry={() => refetch({ requestPolicy: 'network-only' })}>
        {(d) => <SettingsForm key={d.area.settings!.cityId} settings={d.area.settings!} editable={editable} />}
      </QueryState>
    </>
  );
}

/** The three ranking weights as one field, with their sum beside them. */
function WeightsInput({ id, value, onChange, disabled }: { id?: string; value?: Weights; onChange?: (v: Weights) => void; disabled?: boolean }) {
  const t = useMessages(adminMessages);
  const v = value ?? { milestoneRate: 0, investmentRate: 0, lights: 0 };
  const set = (k: keyof Weights) => (n: number | null) => onChange?.({ ...v, [k]: n ?? 0 });
  const { sum } = rankingWeightsSum(v);
  const parts: Array<[keyof Weights, 'weightMilestone' | 'weightInvestment' | 'weightLights']> = [
    ['milestoneRate', 'weightMilestone'],
    ['investmentRate', 'weightInvestment'],
    ['lights', 'weightLights'],
  ];
  return (
    <Space wrap id={id}>
      {parts.map(([k, label]) => (
        <Space.Compact key={k}>
          <Space.Addon>{t(label)}</Space.Addon>
          <InputNumber value={v[k]} onChange={set(k)} min={0} max={1} step={0.05} precision={2} disabled={disabled} style={{ width: 90 }} data-testid={`weight-${k}`} />
        </Space.Compact>
      ))}
      <Typography.Text type="secondary" data-testid="weight-sum">
        {t('weightSum', { sum: Number(sum.toFixed(4)) })}
      </Typography.Text>
    </Space>
  );
}

function SettingsForm({ settings, editable }: { settings: Settings; editable: boolean }) {
  const t = useMessages(adminMessages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const errors = useFormErrors(form);
  const [{ fetching }, update] = useMutation(UPDATE_CITY_SETTINGS);
  const initial: SettingsValues = {
    lightRule: settings.lightRule,
    libraryThreshold: yuanToWanInput(settings.libraryThreshold),
    reportDeadlineDay: settings.reportDeadlineDay,
    lightTolerancePercent: settings.lightTolerancePercent,
    noContactDays: settings.noContactDays,
    rankingWeights: { milestoneRate: settings.rankingWeights.milestoneRate, investmentRate: settings.rankingWeights.investmentRate, lights: settings.rankingWeights.lights },
  };
  useEffect(() => form.resetFields(), [settings, form]);
  const submit = async (values: SettingsValues) => {
    errors.clear();
    const res = await update({
      cityId: settings.cityId,
      input: { ...values, libraryThreshold: wanInputToYuan(values.libraryThreshold) ?? values.libraryThreshold },
    });
    if (errors.show(res.error)) return;
    message.success(t('saved', { city: settings.city.name }));
  };
  const int = (min: number, max: number, msg: string) => [{ required: true, type: 'integer' as const, min, max, message: msg }];
  return (
    <Form<SettingsValues> form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={!editable} style={{ maxWidth: 640 }} data-testid="settings-form">
      <Typography.Title level={5}>{settings.city.name}</Typography.Title>
      <Form.Item name="lightRule" label={t('lightRule')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['INVESTMENT', 'MILESTONE'] as const).map((r) => ({ value: r, label: t(`rule${r}`) }))}
          optionType="button"
          data-testid="settings-light-rule"
        />
      </Form.Item>
      <Form.Item
        name="libraryThreshold"
        label={t('libraryThreshold')}
        extra={t('libraryThresholdHint')}
        rules={[{ required: true, validator: (_r, v: string | undefined) => (v && wanInputToYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('thresholdRule')))) }]}
      >
        <Input suffix={t('yuanWan')} style={{ width: 220 }} inputMode="decimal" />
      </Form.Item>
      <Form.Item name="reportDeadlineDay" label={t('reportDeadlineDay')} extra={t('reportDeadlineHint')} rules={int(1, 28, t('deadlineRule'))}>
        <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="lightTolerancePercent" label={t('tolerance')} extra={t('toleranceHint')} rules={int(0, 50, t('toleranceRule'))}>
        <InputNumber min={0} max={50} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name="noContactDays" label={t('noContactDays')} rules={int(1, 365, t('noContactRule'))}>
        <InputNumber min={1} max={365} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item
        name="rankingWeights"
        label={t('rankingWeights')}
        rules={[
          {
            validator: (_r, v: Weights | undefined) => {
              if (!v) return Promise.resolve();
              const { sum, addsUpToOne } = rankingWeightsSum(v);
              return addsUpToOne ? Promise.resolve() : Promise.reject(new Error(t('weightsRule', { sum: Number(sum.toFixed(4)) })));
            },
          },
        ]}
      >
        <WeightsInput disabled={!editable} />
      </Form.Item>
      {errors.notice}
      {editable && (
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="settings-save">
          {t('save')}
        </Button>
      )}
    </Form>
  );
}
