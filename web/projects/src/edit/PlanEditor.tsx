/**
 * 编辑计划表: the plan table as a grid — the years of the construction period (they add up to the
 * total investment) and one year by month (the months add up to that year), amounts in 万元, with the
 * totals shown as they are typed. A column (or row) of amounts copied from Excel and pasted into a
 * month fills the months from there on. The rule of packages/domain checks the table before it is
 * sent; the server's refusals land under the same cells. A change the server takes only as a request
 * (a closed month's plan, or a year with an approved baseline) is sent as one, with a reason.
 */
import { useEffect, useMemo, useState, type ClipboardEvent } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery } from 'urql';
import { formatWanExact, parseYuan, period as makePeriod, sumFen, validatePlanTable } from '@kpd/domain';
import {
  thisMonthInChina,
  useFormErrors,
  useMessages,
  wanInputToYuan,
  yearOf,
  yuanToWanInput,
} from '@kpd/web-kit';
import { editMessages } from './messages';
import { parseSheetPaste } from './paste';
import { PLAN_FOR_EDIT, SAVE_PLAN_TABLE } from './queries';
import { planRequestMessages, planRequestOf, PlanRequestFields, useSendPlanRequest, type PlanRequest } from './PlanRequest';

interface YearRow {
  year: number;
  plannedInvestment: string;
  plannedProgress: string;
}
interface MonthRow {
  month: number;
  plannedInvestment: string;
  plannedMilestone: string;
}
interface PlanValues {
  years: YearRow[];
  months: MonthRow[];
  /** Why, when the table goes in as a request. */
  reason?: string;
}

const fenOfWan = (v: string | undefined) => {
  const yuan = wanInputToYuan(v ?? '');
  return yuan === null ? null : parseYuan(yuan);
};

export function EditPlanButton({ projectId, onSaved }: { projectId: string; onSaved: () => void }) {
  const t = useMessages(editMessages);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="edit-plan">
        {t('editPlan')}
      </Button>
      {open && (
        <PlanEditor
          projectId={projectId}
          onClose={(saved) => {
            setOpen(false);
            if (saved) onSaved();
          }}
        />
      )}
    </>
  );
}

function PlanEditor({ projectId, onClose }: { projectId: string; onClose: (saved: boolean) => void }) {
  const t = useMessages(editMessages);
  const { message } = AntApp.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [{ data, fetching: loading }] = useQuery({
    query: PLAN_FOR_EDIT,
    variables: { id: projectId, year },
    requestPolicy: 'network-only',
  });
  const p = data?.project;
  const years = useMemo(() => {
    if (!p) return [];
    const out: number[] = [];
    for (let y = yearOf(p.constructionStart); y <= yearOf(p.constructionEnd); y++) out.push(y);
    return out;
  }, [p]);
  // This year's months by default, or the construction period's nearest year.
  useEffect(() => {
    if (year === null && years.length) {
      const now = yearOf(thisMonthInChina());
      setYear(Math.min(Math.max(now, years[0]), years[years.length - 1]));
    }
  }, [year, years]);
  const [form] = Form.useForm<PlanValues>();
  const errors = useFormErrors(form, {
    years: t('planYears'),
    months: t('planMonths'),
    year: t('monthsYear'),
  });
  const [{ fetching }, save] = useMutation(SAVE_PLAN_TABLE);
  // Set once a save was refused for a request: the next submit sends the table as that request.
  const [request, setRequest] = useState<PlanRequest | null>(null);
  const sender = useSendPlanRequest(projectId);
  const tr = useMessages(planRequestMessages);
  const ready = p && year !== null && !loading;

  useEffect(() => {
    if (!ready) return;
    const byYear = new Map(p.planYears.map((r) => [r.year, r]));
    const byMonth = new Map(p.planMonths.map((r) => [Number(r.period.slice(5)), r]));
    form.setFieldsValue({
      years: years.map((y) => ({
        year: y,
        plannedInvestment: byYear.has(y) ? yuanToWanInput(byYear.get(y)!.plannedInvestment) : '',
        plannedProgress: byYear.get(y)?.plannedProgress ?? '',
      })),
      months: Array.from({ length: 12 }, (_, i) => ({
        month: i + 1,
        plannedInvestment: byMonth.has(i + 1) ? yuanToWanInput(byMonth.get(i + 1)!.plannedInvestment) : '',
        plannedMilestone: byMonth.get(i + 1)?.plannedMilestone ?? '',
      })),
    });
  }, [ready, p, years, form]);

  const values = Form.useWatch([], form) as PlanValues | undefined;
  const sum = (rows: Array<{ plannedInvestment: string }> | undefined) =>
    sumFen((rows ?? []).map((r) => fenOfWan(r?.plannedInvestment) ?? 0n));
  const yearsTotal = sum(values?.years);
  const monthsTotal = sum(values?.months);
  const total = p ? parseYuan(p.totalInvestment) : 0n;
  // Rows in the order of the construction years (the watched values hold the shown fields only).
  const yearPlan = year === null ? undefined : values?.years?.[years.indexOf(year)];
  const yearTotal = fenOfWan(yearPlan?.plannedInvestment) ?? 0n;
  const wanText = (fen: bigint) => formatWanExact(fen).replace(/万元$/, '');

  const pasteInto = (start: number) => (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return; // one value: the input takes it as typed
    e.preventDefault();
    const rows = parseSheetPaste(text);
    const months = [...(form.getFieldValue('months') as MonthRow[])];
    rows.slice(0, 12 - start).forEach((r, i) => {
      const m = months[start + i];
      months[start + i] = {
        ...m,
        plannedInvestment: r.amount,
        plannedMilestone: r.milestone ?? m.plannedMilestone,
      };
    });
    form.setFieldsValue({ months });
    void form.validateFields(months.map((_, i) => ['months', i, 'plannedInvestment']));
  };

  const submit = async () => {
    errors.clear();
    // The whole store: the year and month of each row are held, not shown as fields.
    const v = form.getFieldsValue(true) as PlanValues;
    const input = {
      years: v.years.map((r) => ({
        year: r.year,
        plannedInvestment: wanInputToYuan(r.plannedInvestment) ?? '0.00',
        plannedProgress: r.plannedProgress ?? '',
      })),
      year: year!,
      months: v.months.map((r) => ({
        month: r.month,
        plannedInvestment: wanInputToYuan(r.plannedInvestment) ?? '0.00',
        plannedMilestone: r.plannedMilestone ?? '',
      })),
    };
    // The rule of packages/domain first: every mismatch at once, under its cell or in the notice.
    const problems = validatePlanTable({
      totalInvestment: total,
      constructionStart: p!.constructionStart,
      constructionEnd: p!.constructionEnd,
      years: input.years.map((r) => ({ year: r.year, plannedInvestment: parseYuan(r.plannedInvestment) })),
      currentYear: year,
      months: input.months.map((r) => ({
        month: r.month,
        plannedInvestment: parseYuan(r.plannedInvestment),
      })),
    });
    if (problems.length) {
      errors.show({
        graphQLErrors: [
          {
            message: problems[0].reason,
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: problems.map((x) => ({
                field: x.field.replace(/^currentYear/, 'year').replace(/^totalInvestment/, 'years'),
                reason: x.reason,
              })),
            },
          },
        ],
      });
      return;
    }
    if (request) {
      const sent = await sender.send(request, input, String(form.getFieldValue('reason') ?? ''));
      if (errors.show(sent.error) || !sent.sent) return;
      message.success(sent.sent);
      onClose(true);
      return;
    }
    const res = await save({ projectId, input });
    const needed = planRequestOf(res.error);
    if (needed) {
      setRequest(needed);
      // The closed months' cells say which they are; a baseline's refusal is the notice itself.
      if (needed.kind === 'correction') errors.show(res.error);
      return;
    }
    if (errors.show(res.error)) return;
    message.success(t('planSaved'));
    onClose(true);
  };

  const amountRule = [
    {
      validator: (_r: unknown, v: string | undefined) =>
        !v || wanInputToYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error(t('amountRule'))),
    },
  ];
  const status = (ok: boolean) => <Tag color={ok ? 'green' : 'red'}>{t(ok ? 'sumOk' : 'sumOff')}</Tag>;
  const inPeriod = (m: number) =>
    !!p &&
    year !== null &&
    makePeriod(year, m) >= p.constructionStart &&
    makePeriod(year, m) <= p.constructionEnd;

  return (
    <Modal
      open
      width={860}
      title={t('editPlan')}
      onCancel={() => onClose(false)}
      okText={request ? tr(request.kind === 'correction' ? 'sendCorrection' : 'sendVersion') : t('save')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={fetching || sender.fetching}
      okButtonProps={{ disabled: !ready }}
      destroyOnHidden
    >
      <Form<PlanValues>
        form={form}
        onFinish={submit}
        component="div"
        data-testid="plan-editor"
        // A sum refused earlier is stale once any cell changes; the totals line says where it stands now.
        onValuesChange={() =>
          form.setFields([
            { name: 'years', errors: [] },
            { name: 'months', errors: [] },
          ])
        }
      >
        <Typography.Title level={5}>{t('planYears')}</Typography.Title>
        <Form.List name="years">
          {(fields, _ops, { errors: listErrors }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: t('year'),
                    width: 90,
                    render: (_: unknown, f) => form.getFieldValue(['years', f.name, 'year']),
                  },
                  {
                    title: t('plannedInvestment'),
                    width: 200,
                    render: (_: unknown, f) => (
                      <Form.Item
                        name={[f.name, 'plannedInvestment']}
                        rules={amountRule}
                        style={{ margin: 0 }}
                      >
                        <Input inputMode="decimal" data-testid={`plan-year-${f.name}`} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('plannedProgress'),
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'plannedProgress']} style={{ margin: 0 }}>
                        <Input />
                      </Form.Item>
                    ),
                  },
                ]}
              />
              <div data-testid="plan-years-errors">
                <Form.ErrorList errors={listErrors} />
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ margin: '8px 0 16px', display: 'flex' }} data-testid="plan-years-sum">
          <Typography.Text>
            {t('yearsSum', { sum: wanText(yearsTotal), total: wanText(total) })}
          </Typography.Text>
          {status(yearsTotal === total)}
        </Space>
        <Space style={{ marginBottom: 8 }} wrap>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('planMonths')}
          </Typography.Title>
          <Select
            value={year ?? undefined}
            onChange={(y) => {
              setYear(y);
              setRequest(null);
            }}
            options={years.map((y) => ({ value: y, label: `${y}` }))}
            style={{ width: 100 }}
            data-testid="plan-months-year"
          />
        </Space>
        <Alert type="info" showIcon title={t('pasteHint')} style={{ marginBottom: 8 }} />
        <Form.List name="months">
          {(fields, _ops, { errors: listErrors }) => (
            <>
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  {
                    title: t('month'),
                    width: 90,
                    render: (_: unknown, f) => t('monthLabel', { m: f.name + 1 }),
                  },
                  {
                    title: t('plannedInvestment'),
                    width: 200,
                    render: (_: unknown, f) => (
                      <Form.Item
                        name={[f.name, 'plannedInvestment']}
                        rules={amountRule}
                        style={{ margin: 0 }}
                      >
                        <Input
                          inputMode="decimal"
                          onPaste={pasteInto(f.name)}
                          disabled={!inPeriod(f.name + 1)}
                          placeholder={inPeriod(f.name + 1) ? undefined : '—'}
                          data-testid={`plan-month-${f.name + 1}`}
                        />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('plannedMilestone'),
                    render: (_: unknown, f) => (
                      <Form.Item name={[f.name, 'plannedMilestone']} style={{ margin: 0 }}>
                        <Input data-testid={`plan-milestone-${f.name + 1}`} />
                      </Form.Item>
                    ),
                  },
                ]}
              />
              <div data-testid="plan-months-errors">
                <Form.ErrorList errors={listErrors} />
              </div>
            </>
          )}
        </Form.List>
        <Space style={{ margin: '8px 0 12px' }} data-testid="plan-months-sum">
          <Typography.Text>
            {t('monthsSum', { sum: wanText(monthsTotal), year: year ?? '', total: wanText(yearTotal) })}
          </Typography.Text>
          {status(monthsTotal === yearTotal)}
        </Space>
        {request && <PlanRequestFields request={request} />}
        {errors.notice}
      </Form>
    </Modal>
  );
}
