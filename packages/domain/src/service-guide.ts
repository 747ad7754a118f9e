import type { Problem } from './errors';
import type { Fen } from './money';

/**
 * The service guide of an item (办事指南), as the national platform's guides give it: conditions,
 * the materials list, steps, place and hours, fees with their legal basis, the periods the
 * promised time does not count, contact and complaint channels, and FAQ.
 */

/** In what form a material is handed in. 材料形式 */
export type MaterialForm = 'ORIGINAL' | 'COPY' | 'ORIGINAL_AND_COPY' | 'ELECTRONIC';
export const MATERIAL_FORM_LABELS: Readonly<Record<MaterialForm, string>> = {
  ORIGINAL: '原件',
  COPY: '复印件',
  ORIGINAL_AND_COPY: '原件和复印件',
  ELECTRONIC: '电子材料',
};
export const MATERIAL_FORMS = Object.keys(MATERIAL_FORM_LABELS) as MaterialForm[];

export interface GuideMaterial {
  name: string;
  form: MaterialForm;
  /** Copies to hand in (份数). */
  copies: number;
  /** Where the applicant gets it (来源渠道), e.g. 申请人自备, 公安机关. */
  source: string;
  /** Shared from another department's data, so the applicant need not bring it (共享免提交). */
  shared: boolean;
  /** Where the blank form or sample can be downloaded (空白表格/示范文本下载地址), if any. */
  templateUrl: string | null;
}

export interface GuideStep {
  title: string;
  description: string;
}

export interface GuideFee {
  name: string;
  amount: Fen;
  /** The legal basis of charging (收费依据). */
  basis: string;
}

/** A period the promised time does not count (不计入办理时限的特别程序), e.g. 专家评审, 公示. */
export interface GuidePause {
  name: string;
  /** The longest it may last, in working days. */
  maxDays: number;
}

export interface GuideFaq {
  question: string;
  answer: string;
}

export interface ServiceGuide {
  conditions: string;
  materials: GuideMaterial[];
  steps: GuideStep[];
  /** Where: the place of the hall and its windows (办理地点). */
  place: string;
  /** When (办公时间). */
  hours: string;
  fees: GuideFee[];
  pauses: GuidePause[];
  contactPhone: string;
  complaintPhone: string;
  /** Other complaint channels (投诉渠道), e.g. 12345 热线, the platform's 好差评. */
  complaintChannel: string;
  faq: GuideFaq[];
}

export const GUIDE_LIMITS = {
  materials: 60,
  steps: 20,
  fees: 20,
  pauses: 10,
  faq: 30,
  text: 2000,
  line: 200,
  copies: 99,
  pauseDays: 250,
} as const;

const PHONE = /^[0-9][0-9\-— ()（）转]{4,29}$/;
const TEMPLATE_URL = /^https?:\/\/[^\s]{3,300}$/;
const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';
const tooLong = (s: string, n: number) => s.length > n;

/**
 * Every problem of a guide, each naming its field (`input.materials[2].copies`) with a Chinese
 * reason: what a citizen reads must be there and must make sense.
 */
export function serviceGuideProblems(guide: ServiceGuide, at = 'input'): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field: `${at}.${field}`, reason });
  const text = (
    field: keyof ServiceGuide,
    label: string,
    max: number = GUIDE_LIMITS.line,
    required = true,
  ) => {
    const v = guide[field] as string;
    if (required && blank(v)) add(field, `${label}不能为空`);
    else if (typeof v === 'string' && tooLong(v, max)) add(field, `${label}不能超过${max}字`);
  };
  text('conditions', '申办条件', GUIDE_LIMITS.text);
  text('place', '办理地点');
  text('hours', '办公时间');
  text('complaintChannel', '投诉渠道', GUIDE_LIMITS.line, false);
  for (const [field, label] of [
    ['contactPhone', '咨询电话'],
    ['complaintPhone', '投诉电话'],
  ] as const) {
    const v = guide[field];
    if (blank(v)) add(field, `${label}不能为空`);
    else if (!PHONE.test(v.trim())) add(field, `${label}格式不对，应为数字（可含区号、横线、“转”分机）`);
  }

  const list = <T>(
    field: 'materials' | 'steps' | 'fees' | 'pauses' | 'faq',
    label: string,
    max: number,
    each: (row: T, path: string, index: number) => void,
  ) => {
    const rows = guide[field] as unknown as T[];
    if (rows.length > max) add(field, `${label}最多${max}项`);
    rows.forEach((row, i) => each(row, `${field}[${i}]`, i));
  };

  const names = new Map<string, number>();
  list<GuideMaterial>('materials', '申请材料', GUIDE_LIMITS.materials, (m, p, i) => {
    if (blank(m.name)) add(`${p}.name`, '材料名称不能为空');
    else if (tooLong(m.name, GUIDE_LIMITS.line)) add(`${p}.name`, `材料名称不能超过${GUIDE_LIMITS.line}字`);
    else {
      const key = m.name.trim();
      if (names.has(key)) add(`${p}.name`, `与第${names.get(key)! + 1}项材料重名`);
      else names.set(key, i);
    }
    if (!MATERIAL_FORMS.includes(m.form)) add(`${p}.form`, `未知的材料形式 "${m.form}"`);
    if (!Number.isSafeInteger(m.copies) || m.copies < 1 || m.copies > GUIDE_LIMITS.copies)
      add(`${p}.copies`, `份数必须是1到${GUIDE_LIMITS.copies}之间的整数`);
    if (blank(m.source)) add(`${p}.source`, '来源渠道不能为空');
    if (m.templateUrl && !TEMPLATE_URL.test(m.templateUrl))
      add(`${p}.templateUrl`, '空白表格地址应以 https:// 或 http:// 开头');
    else if (m.shared && m.templateUrl) add(`${p}.templateUrl`, '共享免提交的材料无需空白表格');
  });

  list<GuideStep>('steps', '办理流程', GUIDE_LIMITS.steps, (s, p) => {
    if (blank(s.title)) add(`${p}.title`, '环节名称不能为空');
    if (typeof s.description === 'string' && tooLong(s.description, GUIDE_LIMITS.text))
      add(`${p}.description`, `说明不能超过${GUIDE_LIMITS.text}字`);
  });
  if (guide.steps.length === 0) add('steps', '至少写明一个办理环节');

  list<GuideFee>('fees', '收费项目', GUIDE_LIMITS.fees, (f, p) => {
    if (blank(f.name)) add(`${p}.name`, '收费项目名称不能为空');
    if (typeof f.amount !== 'bigint' || f.amount <= 0n)
      add(`${p}.amount`, '收费金额必须大于0（不收费则不列）');
    if (blank(f.basis)) add(`${p}.basis`, '收费必须写明依据');
  });

  list<GuidePause>('pauses', '不计时环节', GUIDE_LIMITS.pauses, (x, p) => {
    if (blank(x.name)) add(`${p}.name`, '环节名称不能为空');
    if (!Number.isSafeInteger(x.maxDays) || x.maxDays < 1 || x.maxDays > GUIDE_LIMITS.pauseDays)
      add(`${p}.maxDays`, `最长天数必须是1到${GUIDE_LIMITS.pauseDays}之间的整数（工作日）`);
  });

  list<GuideFaq>('faq', '常见问题', GUIDE_LIMITS.faq, (q, p) => {
    if (blank(q.question)) add(`${p}.question`, '问题不能为空');
    if (blank(q.answer)) add(`${p}.answer`, '解答不能为空');
    else if (tooLong(q.answer, GUIDE_LIMITS.text)) add(`${p}.answer`, `解答不能超过${GUIDE_LIMITS.text}字`);
  });
  return problems;
}

/** What an applicant actually hands in: materials not shared from another department's data. */
export function materialsToSubmit(materials: readonly Pick<GuideMaterial, 'shared'>[]): number {
  return materials.filter((m) => !m.shared).length;
}

/** The total fee of a guide (exact, in 分); zero when free. */
export function guideFeeTotal(fees: readonly Pick<GuideFee, 'amount'>[]): Fen {
  return fees.reduce((s, f) => s + f.amount, 0n);
}
