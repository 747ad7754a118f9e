/**
 * 按资金来源拆分: the optional split of a monthly report's actual investment by funding source, one row
 * per source of the city's list (资金来源目录). The parts must add up exactly to the month's actual
 * investment; the form checks it with the same rule as the server (investmentSplitProblems) before sending.
 */
import { Button, Form, Input, Select, Space, Switch, Typography, type FormInstance } from 'antd';
import { useQuery } from 'urql';
import { formatYuan, investmentSplitProblems, parseYuan, type Fen } from '@kpd/domain';
import { useMessages, type Messages } from '@kpd/web-kit';
import { graphql } from '../gql';

const SOURCES = graphql(`
  query ReportFundingSources($id: ID!) {
    project(id: $id) { id district { id } }
  }
`);
const CITY_SOURCES = graphql(`
  query ReportCitySources($areaId: ID!) {
    fundingSources(areaId: $areaId) { id code name }
  }
`);

type Key = 'split' | 'splitHint' | 'source' | 'amount' | 'addSource' | 'remove' | 'sum' | 'gap' | 'sourceRequired' | 'amountHint' | 'clearHint';
export const splitMessages: Messages<Key> = {
  zh: {
    split: '按资金来源拆分', splitHint: '可选：按资金来源拆分本月实际完成投资，各来源合计须等于本月实际完成投资', source: '资金来源', amount: '金额（元）',
    addSource: '添加资金来源', remove: '移除', sum: '合计', gap: '差额', sourceRequired: '请选择资金来源', amountHint: '请填写金额（元），最多两位小数',
    clearHint: '打开拆分、不保留任何来源并保存，即取消本月已有的拆分',
  },
  en: {
    split: 'Split by funding source', splitHint: 'Optional: split the month’s actual investment by funding source; the parts must add up to it', source: 'Funding source', amount: 'Amount (元)',
    addSource: 'Add a source', remove: 'Remove', sum: 'Total', gap: 'Difference', sourceRequired: 'Choose a funding source', amountHint: 'An amount in 元 with at most two decimals',
    clearHint: 'Switch the split on, keep no source and save to remove the month’s split',
  },
};

export interface SplitRow {
  sourceCode?: string;
  amount?: string;
}

const YUAN = /^\d+(\.\d{1,2})?$/;
const fenOf = (text: string | undefined): Fen | null => (text && YUAN.test(text.trim()) ? parseYuan(text) : null);

/**
 * What the form sends: null when the split is off (the stored split is kept), else the rows with an
 * amount — the list the form keeps too, so the server's `investmentBySource[i]` names the row on screen.
 */
export function splitToSend(form: FormInstance, on: boolean | undefined, rows: SplitRow[] | undefined): Array<{ sourceCode: string; amount: string }> | null {
  if (!on) return null;
  const kept = (rows ?? []).filter((r) => r.amount?.trim());
  form.setFieldValue('investmentBySource', kept);
  return kept.map((r) => ({ sourceCode: r.sourceCode ?? '', amount: (r.amount ?? '').trim() }));
}

/** The same rule as the server's, on the form: true when the split may be sent; else the problems are under the rows. */
export function checkSplit(form: FormInstance, actual: string, rows: Array<{ sourceCode: string; amount: string }> | null, codes: string[]): boolean {
  const total = fenOf(actual);
  if (!rows || total === null || rows.some((r) => fenOf(r.amount) === null)) return true; // the field rules speak first
  const problems = investmentSplitProblems(total, rows.map((r) => ({ sourceCode: r.sourceCode, amount: fenOf(r.amount)! })), (c) => codes.includes(c));
  if (!problems.length) return true;
  form.setFields(problems.map((p) => {
    const [, i, field] = /^investmentBySource\[(\d+)\]\.(\w+)$/.exec(p.field) ?? [];
    return { name: ['investmentBySource', Number(i), field], errors: [p.reason] };
  }));
  return false;
}

/** The section inside the report form: a switch, then one row per source (prefilled with the city's list). */
export function InvestmentSplitSection({ projectId, codes }: { projectId: string; codes: { current: string[] } }) {
  const t = useMessages(splitMessages);
  const form = Form.useFormInstance();
  const on = Form.useWatch('splitOn', form) as boolean | undefined;
  const rows = Form.useWatch('investmentBySource', form) as SplitRow[] | undefined;
  const actual = Form.useWatch('actualInvestment', form) as string | undefined;
  const [project] = useQuery({ query: SOURCES, variables: { id: projectId } });
  const areaId = project.data?.project.district.id;
  const [city] = useQuery({ query: CITY_SOURCES, variables: { areaId: areaId ?? '' }, pause: !areaId });
  const sources = city.data?.fundingSources ?? [];
  codes.current = sources.map((s) => s.code);
  const parts = (rows ?? []).map((r) => fenOf(r.amount));
  const sum = parts.reduce<Fen>((a, f) => a + (f ?? 0n), 0n);
  const total = fenOf(actual);
  return (
    <div data-testid="report-split">
      <Form.Item name="splitOn" valuePropName="checked" label={t('split')} tooltip={t('splitHint')} style={{ marginBottom: on ? 8 : undefined }}>
        <Switch
          size="small"
          data-testid="report-split-on"
          onChange={(v) => {
            if (v && !(rows ?? []).length) form.setFieldValue('investmentBySource', sources.map((s) => ({ sourceCode: s.code, amount: '' })));
          }}
        />
      </Form.Item>
      {on && (
        <>
          <Form.List name="investmentBySource">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" data-testid="report-split-row">
                    <Form.Item
                      name={[f.name, 'sourceCode']}
                      rules={[{ required: true, message: t('sourceRequired') }]}
                    >
                      <Select style={{ width: 220 }} placeholder={t('source')} options={sources.map((s) => ({ value: s.code, label: s.name }))} data-testid="report-split-source" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'amount']} rules={[{ pattern: YUAN, message: t('amountHint') }]}>
                      <Input inputMode="decimal" suffix="元" style={{ width: 200 }} placeholder={t('amount')} data-testid="report-split-amount" />
                    </Form.Item>
                    <Button type="link" onClick={() => remove(f.name)}>
                      {t('remove')}
                    </Button>
                  </Space>
                ))}
                <Space style={{ marginBottom: 12 }}>
                  <Button size="small" onClick={() => add({ amount: '' })} data-testid="report-split-add">
                    {t('addSource')}
                  </Button>
                  <Typography.Text type={total !== null && sum !== total ? 'danger' : 'secondary'} data-testid="report-split-sum">
                    {t('sum')} {formatYuan(sum)} 元{total !== null && sum !== total ? ` · ${t('gap')} ${formatYuan(total - sum)} 元` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">{t('clearHint')}</Typography.Text>
                </Space>
              </>
            )}
          </Form.List>
        </>
      )}
    </div>
  );
}
