import {
  APPLICANT_TYPE_LABELS,
  CASE_CHANNEL_LABELS,
  CASE_OUTCOME_LABELS,
  isCalendarDate,
  type ApplicantType,
  type CaseChannel,
  type CaseOutcome,
  type CasePause,
} from '@kpd/domain';
import { In } from 'typeorm';
import type { Context } from '../../core/context';
import { readUploadedSpreadsheet } from '../../core/files';
import {
  CellError,
  choice,
  chunks,
  dateTime,
  duplicateKeyProblems,
  integer,
  runImport,
  text,
  type Column,
  type ImportResult,
  type SheetProblem,
  type SheetSpec,
} from '../../core/xlsx';
import { allowedPausesOf, caseFactProblems, caseRow, type CaseFacts } from './cases.service';
import { ServiceCase } from './service-case.entity';
import { ServiceGuideRow } from './service-guide.entity';
import { ServiceItem } from './service-item.entity';
import { editableDistrict } from './service-items.scope';
import { ServiceWindow, ServiceZone } from './service-zone.entity';

/** A case as the window system's export holds it: the item by implementation code, the window by number. */
export interface CaseSheetRow {
  caseNo: string;
  implementationCode: string;
  applicantType: ApplicantType;
  channel: CaseChannel;
  receivedAt: Date;
  acceptedAt: Date;
  decidedAt: Date | null;
  deliveredAt: Date | null;
  outcome: CaseOutcome | null;
  visits: number | null;
  window: string | null;
  pauses: CasePause[] | null;
}

const PAUSE = /^(.+?)\s*[:：]?\s*(\d{4}-\d{2}-\d{2})\s*(?:~|～|至|—|--)\s*(\d{4}-\d{2}-\d{2})$/;

/** Pauses written 专家评审 2020-09-21~2020-09-25；批前公示 2020-10-08~2020-10-14 (separated by ；or ;). */
function pauses(o: { header: string; note: string }): Column<CaseSheetRow, 'pauses'> {
  return {
    key: 'pauses',
    ...o,
    parse(value) {
      const parts = String(value).split(/[;；\n]/).map((p) => p.trim()).filter(Boolean);
      return parts.map((part) => {
        const m = PAUSE.exec(part);
        if (!m || !isCalendarDate(m[2]) || !isCalendarDate(m[3]))
          throw new CellError(`“${part}”应写作“专家评审 2020-09-21~2020-09-25” (a pause like 专家评审 2020-09-21~2020-09-25)`);
        return { name: m[1].trim(), from: m[2], to: m[3] };
      });
    },
    format: (v) => (v && v.length ? v.map((p) => `${p.name} ${p.from}~${p.to}`).join('；') : null),
  };
}

export const caseSpec: SheetSpec<CaseSheetRow> = {
  name: '办件',
  maxRows: 50_000,
  columns: [
    text<CaseSheetRow, 'caseNo'>('caseNo', { header: '办件编号', required: true, max: 40, width: 22, note: '区县内唯一；再次导入时按此编号更新' }),
    text<CaseSheetRow, 'implementationCode'>('implementationCode', { header: '事项实施编码', required: true, max: 48, width: 26 }),
    choice<CaseSheetRow, 'applicantType'>('applicantType', { header: '申请人类型', required: true, labels: APPLICANT_TYPE_LABELS, width: 16 }),
    choice<CaseSheetRow, 'channel'>('channel', { header: '申请渠道', required: true, labels: CASE_CHANNEL_LABELS, width: 12 }),
    dateTime<CaseSheetRow, 'receivedAt'>('receivedAt', { header: '收件时间', required: true, width: 18, note: '如 2020-09-14 09:05（北京时间）' }),
    dateTime<CaseSheetRow, 'acceptedAt'>('acceptedAt', { header: '受理时间', required: true, width: 18 }),
    dateTime<CaseSheetRow, 'decidedAt'>('decidedAt', { header: '办结时间', width: 18, note: '在办的留空' }),
    dateTime<CaseSheetRow, 'deliveredAt'>('deliveredAt', { header: '送达时间', width: 18 }),
    choice<CaseSheetRow, 'outcome'>('outcome', { header: '办理结果', labels: CASE_OUTCOME_LABELS, note: '办结的必填' }),
    integer<CaseSheetRow, 'visits'>('visits', { header: '实际跑动次数', min: 0, max: 20, note: '留空为 0' }),
    text<CaseSheetRow, 'window'>('window', { header: '受理窗口', max: 16, note: '窗口号，如 C03；网上办理的留空' }),
    pauses({ header: '暂停计时', note: '办事指南允许的特别程序，如“专家评审 2020-09-21~2020-09-25”，多段用；分隔' }),
  ],
};

function factsOf(row: CaseSheetRow, windowId: number | null): CaseFacts {
  return {
    caseNo: row.caseNo,
    applicantType: row.applicantType,
    channel: row.channel,
    receivedAt: row.receivedAt,
    acceptedAt: row.acceptedAt,
    decidedAt: row.decidedAt ?? null,
    deliveredAt: row.deliveredAt ?? null,
    outcome: row.outcome ?? null,
    visits: row.visits ?? 0,
    pauses: row.pauses ?? [],
    windowId,
  };
}

/** The column a rule's field path names (`row.pauses[0].name` → pauses). */
const columnOf = (field: string) => field.replace(/^row\./, '').replace(/\[.*$/, '').replace(/\..*$/, '') as keyof CaseSheetRow & string;

/**
 * Imports cases from the window system's export (.xlsx or CSV) into a district: new case numbers are
 * added, known ones updated (a pending case decided since); each row is checked as a case entered by
 * hand is — the item and window of the district, times in order, the pauses the item's guide allows,
 * an outcome when decided — and, as every import, nothing is written while a problem remains.
 */
export async function importServiceCases(ctx: Context, districtId: number, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const district = editableDistrict(ctx, districtId);
  const buffer = await readUploadedSpreadsheet(ctx, fileId);
  const items = new Map<string, ServiceItem>();
  const allowed = new Map<number, ReturnType<typeof allowedPausesOf>>();
  const zones = await ctx.db.getRepository(ServiceZone).findBy({ districtId });
  const windows = zones.length ? await ctx.db.getRepository(ServiceWindow).findBy({ zoneId: In(zones.map((z) => z.id)) }) : [];
  const windowByNumber = new Map(windows.map((w) => [w.number, w.id]));
  return runImport<CaseSheetRow>(ctx, {
    spec: caseSpec,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => {
      const problems: SheetProblem[] = duplicateKeyProblems(rows, (r) => r.caseNo, locate('caseNo'));
      const codes = [...new Set(rows.map((r) => r.values.implementationCode))];
      for (const part of chunks(codes, 500))
        for (const item of await ctx.db.getRepository(ServiceItem).findBy({ districtId, implementationCode: In(part) })) items.set(item.implementationCode, item);
      const itemIds = [...items.values()].map((i) => i.id);
      for (const part of chunks(itemIds, 500))
        for (const guide of await ctx.db.getRepository(ServiceGuideRow).findBy({ itemId: In(part) })) allowed.set(guide.itemId, allowedPausesOf(guide));
      for (const { rowNumber, values } of rows) {
        const item = items.get(values.implementationCode);
        if (!item) problems.push({ row: rowNumber, ...locate('implementationCode'), reason: `本区县没有实施编码为 ${values.implementationCode} 的事项 (no such item)` });
        if (values.window && !windowByNumber.has(values.window))
          problems.push({ row: rowNumber, ...locate('window'), reason: `本区县政务服务中心没有 ${values.window} 号窗口 (no such window)` });
        if (!item) continue;
        for (const p of caseFactProblems(factsOf(values, null), allowed.get(item.id) ?? [], 'row'))
          problems.push({ row: rowNumber, ...locate(columnOf(p.field)), reason: p.reason });
      }
      return problems;
    },
    commit: async (tx, rows) => {
      const stored = rows.map(({ values }) => {
        const item = items.get(values.implementationCode)!;
        return caseRow(item, allowed.get(item.id) ?? [], factsOf(values, values.window ? windowByNumber.get(values.window)! : null));
      });
      const existing = new Map<string, number>();
      for (const part of chunks(stored.map((r) => r.caseNo), 500))
        for (const c of await tx.em.findBy(ServiceCase, { districtId, caseNo: In(part) })) existing.set(c.caseNo, c.id);
      const creates = stored.filter((r) => !existing.has(r.caseNo));
      const updates = stored.filter((r) => existing.has(r.caseNo));
      for (const part of chunks(creates, 200)) await tx.em.insert(ServiceCase, part);
      for (const r of updates) await tx.em.update(ServiceCase, { id: existing.get(r.caseNo)! }, r);
      return { created: creates.length, updated: updates.length };
    },
    audit: { action: 'serviceCase.import', entityType: 'ServiceCases', entityId: district.id, areaId: district.id },
  });
}

/** An example row of the template: a case of 建筑工程施工许可证核发 accepted at window C03. */
export const CASE_TEMPLATE_EXAMPLE: CaseSheetRow = {
  caseNo: 'SJT202009140001',
  implementationCode: '210111-0100105000-01',
  applicantType: 'ORGANIZATION',
  channel: 'WINDOW',
  receivedAt: new Date('2020-09-14T01:05:00Z'),
  acceptedAt: new Date('2020-09-14T01:20:00Z'),
  decidedAt: new Date('2020-09-17T07:30:00Z'),
  deliveredAt: new Date('2020-09-17T08:30:00Z'),
  outcome: 'APPROVED',
  visits: 1,
  window: 'C03',
  pauses: null,
};
