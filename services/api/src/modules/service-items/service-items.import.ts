import { CASE_KIND_LABELS, ONLINE_DEPTH_LABELS, SERVICE_ITEM_TYPE_LABELS, serviceItemProblems, type Fen } from '@kpd/domain';
import type { Router } from 'express';
import { In } from 'typeorm';
import { isSignedIn } from '../../core/auth/policy';
import { readUploadedSpreadsheet } from '../../core/files';
import {
  bool,
  choice,
  chunks,
  duplicateKeyProblems,
  integer,
  money,
  runImport,
  templateSheet,
  text,
  writeSheet,
  type ImportResult,
  type SheetProblem,
  type SheetSpec,
} from '../../core/xlsx';
import type { Context } from '../../core/context';
import type { ModuleServices } from '../../core/module';
import { ServiceItem, ServiceItemStatus, STATUS_LABELS } from './service-item.entity';
import { editableDistrict, readableDistrict, scopedItems } from './service-items.scope';
import { ruleView, violationMaskOf, type ItemFields } from './service-items.service';
import { ServiceZone } from './service-zone.entity';
import { CASE_TEMPLATE_EXAMPLE, caseSpec } from './cases.import';

/** A catalogue row as the spreadsheet holds it: the zone by name. */
export interface CatalogueRow extends Omit<ItemFields, 'zoneId'> {
  zone: string | null;
}

export const catalogueSpec: SheetSpec<CatalogueRow> = {
  name: '政务服务事项',
  maxRows: 20_000,
  columns: [
    text<CatalogueRow, 'basicCode'>('basicCode', { header: '基本编码', required: true, max: 32, width: 16 }),
    text<CatalogueRow, 'implementationCode'>('implementationCode', { header: '实施编码', required: true, max: 48, width: 26, note: '区县内唯一；再次导入时按此编码更新' }),
    text<CatalogueRow, 'name'>('name', { header: '事项名称', required: true, max: 200, width: 40 }),
    choice<CatalogueRow, 'type'>('type', { header: '事项类型', required: true, labels: SERVICE_ITEM_TYPE_LABELS, width: 14 }),
    text<CatalogueRow, 'department'>('department', { header: '实施部门', required: true, max: 100, width: 22 }),
    bool<CatalogueRow, 'byApplication'>('byApplication', { header: '依申请', required: true }),
    choice<CatalogueRow, 'onlineDepth'>('onlineDepth', { header: '网办深度', required: true, labels: ONLINE_DEPTH_LABELS, width: 12 }),
    integer<CatalogueRow, 'visits'>('visits', { header: '到现场次数', required: true, min: 0, max: 2, note: '0、1，或 2（表示 2 次及以上）' }),
    text<CatalogueRow, 'visitsReason'>('visitsReason', { header: '到现场理由', max: 200, width: 20, note: '到现场次数大于 0 时必填' }),
    choice<CatalogueRow, 'caseKind'>('caseKind', { header: '办件类型', required: true, labels: CASE_KIND_LABELS }),
    integer<CatalogueRow, 'legalLimitDays'>('legalLimitDays', { header: '法定时限（工作日）', min: 0, max: 3650 }),
    integer<CatalogueRow, 'promisedLimitDays'>('promisedLimitDays', { header: '承诺时限（工作日）', min: 0, max: 3650 }),
    integer<CatalogueRow, 'materialsNow'>('materialsNow', { header: '现申请材料数', min: 0, max: 500 }),
    integer<CatalogueRow, 'materialsBefore'>('materialsBefore', { header: '改革前申请材料数', min: 0, max: 500 }),
    text<CatalogueRow, 'zone'>('zone', { header: '受理功能区', max: 64, width: 20, note: '本区县综合受理大厅的功能区名称' }),
    bool<CatalogueRow, 'highFrequency'>('highFrequency', { header: '高频事项' }),
    money<CatalogueRow, 'fee'>('fee', { header: '收费标准（元）', note: '不收费留空' }),
    text<CatalogueRow, 'legalBasis'>('legalBasis', { header: '设定依据', max: 4000, width: 30 }),
    choice<CatalogueRow, 'status'>('status', { header: '状态', labels: STATUS_LABELS, note: '留空为“在用”' }),
  ],
};

const NULLABLE: (keyof CatalogueRow)[] = ['visitsReason', 'legalLimitDays', 'promisedLimitDays', 'materialsNow', 'materialsBefore', 'zone', 'fee', 'legalBasis'];

function normalise(row: CatalogueRow): CatalogueRow {
  const out = { ...row };
  for (const key of NULLABLE) if (out[key] === undefined) (out as Record<string, unknown>)[key] = null;
  out.highFrequency = out.highFrequency ?? false;
  out.status = out.status ?? ServiceItemStatus.IN_USE;
  return out;
}

const SAME_FIELDS: (keyof ItemFields)[] = [
  'basicCode', 'name', 'type', 'department', 'byApplication', 'onlineDepth', 'visits', 'visitsReason', 'caseKind',
  'legalLimitDays', 'promisedLimitDays', 'materialsNow', 'materialsBefore', 'zoneId', 'highFrequency', 'fee', 'legalBasis', 'status',
];

/**
 * Imports a district's catalogue. New implementation codes are added; known ones are updated (their
 * version raised) when anything changed; items missing from the sheet are left as they are.
 */
export async function importServiceItems(ctx: Context, districtId: number, fileId: string, dryRun: boolean): Promise<ImportResult> {
  const district = editableDistrict(ctx, districtId);
  const buffer = await readUploadedSpreadsheet(ctx, fileId);
  const zones = await ctx.db.getRepository(ServiceZone).findBy({ districtId });
  const zoneByName = new Map(zones.map((z) => [z.name, z.id]));
  return runImport<CatalogueRow>(ctx, {
    spec: catalogueSpec,
    buffer,
    dryRun,
    validateRows: async (rows, locate) => {
      const problems: SheetProblem[] = duplicateKeyProblems(rows, (r) => r.implementationCode, locate('implementationCode'));
      for (const { rowNumber, values } of rows) {
        const row = normalise(values);
        if (row.zone !== null && !zoneByName.has(row.zone)) {
          problems.push({ row: rowNumber, ...locate('zone'), reason: `本区县没有功能区“${row.zone}” (no such zone: ${zones.map((z) => z.name).join('、')})` });
        }
        // The domain's data rules (the same the form applies), each named by its column.
        for (const p of serviceItemProblems(ruleView(row), 'row')) {
          const key = p.field.replace('row.', '').replace(/^code$/, 'implementationCode') as keyof CatalogueRow & string;
          problems.push({ row: rowNumber, ...locate(key), reason: p.reason });
        }
      }
      return problems;
    },
    commit: async (tx, rows) => {
      const fields = rows.map(({ values }) => {
        const { zone, ...rest } = normalise(values);
        return { ...rest, zoneId: zone === null ? null : zoneByName.get(zone)! } as ItemFields;
      });
      const existing = new Map<string, ServiceItem>();
      for (const part of chunks(fields.map((f) => f.implementationCode), 500)) {
        for (const item of await tx.em.findBy(ServiceItem, { districtId, implementationCode: In(part) })) existing.set(item.implementationCode, item);
      }
      const creates = fields.filter((f) => !existing.has(f.implementationCode));
      const updates = fields.filter((f) => {
        const current = existing.get(f.implementationCode);
        return current && SAME_FIELDS.some((k) => String(current[k] ?? '') !== String(f[k] ?? ''));
      });
      for (const part of chunks(creates, 200)) {
        await tx.em.insert(ServiceItem, part.map((f) => ({ ...f, districtId, version: 1, violationMask: violationMaskOf(f) })));
      }
      for (const f of updates) {
        await tx.em
          .createQueryBuilder()
          .update(ServiceItem)
          .set({ ...f, violationMask: violationMaskOf(f), version: () => 'version + 1' })
          .where('id = :id', { id: existing.get(f.implementationCode)!.id })
          .execute();
      }
      return { created: creates.length, updated: updates.length };
    },
    audit: { action: 'serviceItem.import', entityType: 'ServiceCatalogue', entityId: district.id, areaId: district.id },
  });
}

function rowOf(item: ServiceItem, zoneName: Map<number, string>): CatalogueRow {
  return {
    basicCode: item.basicCode,
    implementationCode: item.implementationCode,
    name: item.name,
    type: item.type,
    department: item.department,
    byApplication: item.byApplication,
    onlineDepth: item.onlineDepth,
    visits: item.visits,
    visitsReason: item.visitsReason,
    caseKind: item.caseKind,
    legalLimitDays: item.legalLimitDays,
    promisedLimitDays: item.promisedLimitDays,
    materialsNow: item.materialsNow,
    materialsBefore: item.materialsBefore,
    zone: item.zoneId === null ? null : (zoneName.get(item.zoneId) ?? null),
    highFrequency: item.highFrequency,
    fee: item.fee as Fen | null,
    legalBasis: item.legalBasis,
    status: item.status,
  };
}

/**
 * GET /api/service-items/export.xlsx?districtId= — the whole catalogue, in the import's columns;
 * template.xlsx and cases-template.xlsx — the catalogue's and the cases' import templates.
 */
export function serviceItemRoutes(router: Router, services: ModuleServices): void {
  router.get('/export.xlsx', async (req, res) => {
    const ctx = await services.contextFor(req, res);
    if (!isSignedIn(ctx.viewer)) {
      res.status(401).json({ errors: [{ message: '请先登录 (sign in first)', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    const id = Number(req.query.districtId);
    let district;
    try {
      district = readableDistrict(ctx, Number.isSafeInteger(id) ? id : 0);
    } catch {
      res.status(404).json({ errors: [{ message: '没有这个区县 (no such district)', extensions: { code: 'NOT_FOUND', field: 'districtId' } }] });
      return;
    }
    const items = await scopedItems(ctx, 'i').andWhere('i.districtId = :d', { d: district.id }).orderBy('i.id').getMany();
    const zones = await ctx.db.getRepository(ServiceZone).findBy({ districtId: district.id });
    const buffer = await writeSheet(catalogueSpec, items.map((i) => rowOf(i, new Map(zones.map((z) => [z.id, z.name])))));
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="service-items.xlsx"; filename*=UTF-8''${encodeURIComponent(`${district.name}政务服务事项.xlsx`)}`);
    res.setHeader('cache-control', 'private, no-store');
    res.send(buffer);
  });

  router.get('/cases-template.xlsx', async (_req, res) => {
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="service-cases-template.xlsx"; filename*=UTF-8''${encodeURIComponent('办件导入模板.xlsx')}`);
    res.send(await templateSheet(caseSpec, [CASE_TEMPLATE_EXAMPLE]));
  });

  router.get('/template.xlsx', async (_req, res) => {
    const example: CatalogueRow = {
      basicCode: '0100105000',
      implementationCode: '210111-0100105000-01',
      name: '建筑工程施工许可证核发',
      type: 'ADMINISTRATIVE_LICENSE',
      department: '区住房和城乡建设局',
      byApplication: true,
      onlineDepth: 'FULLY_ONLINE',
      visits: 0,
      visitsReason: null,
      caseKind: 'PROMISED',
      legalLimitDays: 15,
      promisedLimitDays: 3,
      materialsNow: 4,
      materialsBefore: 11,
      zone: '工程建设项目联合审批区',
      highFrequency: true,
      fee: null,
      legalBasis: '《中华人民共和国建筑法》第七条',
      status: ServiceItemStatus.IN_USE,
    };
    res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('content-disposition', `attachment; filename="service-items-template.xlsx"; filename*=UTF-8''${encodeURIComponent('政务服务事项导入模板.xlsx')}`);
    res.send(await templateSheet(catalogueSpec, [example]));
  });
}
