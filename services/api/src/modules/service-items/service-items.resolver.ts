import { IsOptional, Length, Max, Min } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type { ComplianceCode, Fen, ServiceItemType } from '@kpd/domain';
import { Role } from '../../core/auth/user.entity';
import { ConflictError, NotFoundError, UserInputError, refuseIfAny } from '../../core/errors';
import { parseId, parseOptionalId } from '../../core/ids';
import { containsPattern, LIKE_ESCAPE } from '../../core/like';
import { Connection, paginate, type Page } from '../../core/pagination';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { mutate } from '../../core/transaction';
import { ImportResult } from '../../core/xlsx';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { queryArea } from '../../core/areas/areas.service';
import { importServiceItems } from './service-items.import';
import {
  assertCodeFree,
  catalogueFigures,
  editableDistrict,
  itemCountByZoneLoader,
  itemProblems,
  readableDistrict,
  scopedItems,
  violationMaskOf,
  violationsOf,
  windowsByZoneLoader,
  zoneOf,
  type FigureGrouping,
  type FigureRow,
  type ItemFields,
  type ShareValue,
} from './service-items.service';
import { CaseKindEnum, COMPLIANCE_LABELS, ComplianceRuleEnum, maskOf, OnlineDepthEnum, ServiceItem, ServiceItemStatus, ServiceItemTypeEnum } from './service-item.entity';
import { ServiceBaseline, ServiceWindow, ServiceZone } from './service-zone.entity';

@ObjectType({ description: 'A rule an item breaks, with the reason in words. 违规情况' })
class ComplianceViolationType {
  @Field(() => ComplianceRuleEnum, { description: 'The rule. 规则' })
  rule!: ComplianceCode;

  @Field({ description: 'Why, with the item’s figures. 说明' })
  message!: string;
}

@ObjectType('Share', { description: 'A part of a whole: numerator ÷ denominator, with the percentage (one decimal). 比率' })
class ShareType {
  @Field(() => Int, { description: 'The part. 分子' })
  numerator!: number;

  @Field(() => Int, { description: 'The whole. 分母' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'Percent with one decimal; null when the whole is empty. 百分比' })
  percent!: number | null;
}

@ObjectType({ description: 'A catalogue’s reform figures for an area, a district or a type. 政务服务改革指标' })
class ServiceCatalogueFigures {
  @Field(() => Area, { nullable: true, description: 'The district, when grouped by district. 区县' })
  district!: Area | null;

  @Field(() => ServiceItemTypeEnum, { nullable: true, description: 'The type, when grouped by type. 事项类型' })
  type!: ServiceItemType | null;

  @Field(() => Int, { description: 'Items in use. 事项总数' })
  total!: number;

  @Field(() => Int, { description: 'By-application items. 依申请事项数' })
  byApplication!: number;

  @Field(() => Int, { description: 'High-frequency items. 高频事项数' })
  highFrequency!: number;

  @Field(() => Int, { description: 'High-frequency by-application items needing at most one trip. 高频“最多跑一次”事项数' })
  highFrequencyAtMostOneTrip!: number;

  @Field(() => Int, { description: 'Items breaking at least one compliance rule. 不合规事项数' })
  violating!: number;

  @Field(() => ShareType, { description: 'Fully online among by-application items. 全程网办率' })
  fullyOnlineRate!: ShareValue;

  @Field(() => ShareType, { description: 'At most one trip among by-application items. 最多跑一次率' })
  atMostOneTripRate!: ShareValue;

  @Field(() => ShareType, { description: 'Σ promised ÷ Σ legal working days (target ≤ 30%). 承诺时限压缩比' })
  promisedToLegalRatio!: ShareValue;

  @Field(() => Boolean, { nullable: true, description: 'Promised time within 30% of legal. 时限达标' })
  meetsTimeTarget!: boolean | null;

  @Field(() => ShareType, { description: 'Materials removed against before the reform. 材料精简率' })
  materialsReduction!: ShareValue;

  @Field(() => Int, { nullable: true, description: 'Windows before the reform (baseline). 改革前窗口数' })
  windowsBefore!: number | null;

  @Field(() => Int, { nullable: true, description: 'Windows now. 现窗口数' })
  windowsNow!: number | null;

  @Field(() => ShareType, { nullable: true, description: 'Windows removed against the baseline. 窗口精简率' })
  windowsReduction!: ShareValue | null;
}

export enum FigureGroupingEnum {
  NONE = 'NONE',
  DISTRICT = 'DISTRICT',
  TYPE = 'TYPE',
}
registerEnumType(FigureGroupingEnum, {
  name: 'ServiceFigureGrouping',
  description: 'How to group the catalogue figures. 分组方式',
  valuesConfig: { NONE: { description: 'One row for the area. 合计' }, DISTRICT: { description: 'By district. 按区县' }, TYPE: { description: 'By 10+1 type. 按类型' } },
});

@InputType({ description: 'Which service items to list. 事项筛选' })
class ServiceItemFilter {
  @Field(() => ID, { nullable: true, description: 'Items of this area (a district, or all districts under a city). 区划' })
  areaId?: string;

  @Field(() => ServiceItemTypeEnum, { nullable: true, description: 'Of this type. 类型' })
  type?: ServiceItemType;

  @Field(() => Boolean, { nullable: true, description: 'By application or not. 依申请' })
  byApplication?: boolean;

  @Field(() => OnlineDepthEnum, { nullable: true, description: 'Of this online depth. 网办深度' })
  onlineDepth?: ServiceItem['onlineDepth'];

  @Field(() => ID, { nullable: true, description: 'Accepted in this zone. 功能区' })
  zoneId?: string;

  @Field(() => Boolean, { nullable: true, description: 'High-frequency or not. 高频' })
  highFrequency?: boolean;

  @Field(() => ServiceItemStatus, { nullable: true, description: 'In this status (default: in use). 状态' })
  status?: ServiceItemStatus;

  @Field(() => [ComplianceRuleEnum], { nullable: true, description: 'Breaking any of these rules. 违反规则' })
  violates?: ComplianceCode[];

  @Field(() => Boolean, { nullable: true, description: 'Breaking at least one rule (true) or none (false). 存在违规' })
  anyViolation?: boolean;

  @Field(() => String, { nullable: true, description: 'Name, code or department containing this text. 关键词' })
  @IsOptional()
  @Length(1, 50)
  search?: string;
}

@ArgsType()
class ServiceItemsArgs {
  @Field(() => ServiceItemFilter, { nullable: true, description: 'Which items. 筛选' })
  filter?: ServiceItemFilter;

  @Field(() => Int, { nullable: true, description: 'Page size, at most 100 (default 20)' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@InputType({ description: 'A service item’s fields. 事项信息' })
class ServiceItemInput {
  @Field({ description: 'Basic code. 基本编码' })
  @Length(1, 32)
  basicCode!: string;

  @Field({ description: 'Implementation code, unique in the district. 实施编码' })
  @Length(1, 48)
  implementationCode!: string;

  @Field({ description: 'Name. 事项名称' })
  @Length(1, 200)
  name!: string;

  @Field(() => ServiceItemTypeEnum, { description: 'Type. 事项类型' })
  type!: ServiceItemType;

  @Field({ description: 'Implementing department. 实施部门' })
  @Length(1, 100)
  department!: string;

  @Field({ description: 'By application. 依申请' })
  byApplication!: boolean;

  @Field(() => OnlineDepthEnum, { description: 'Online depth. 网办深度' })
  onlineDepth!: ServiceItem['onlineDepth'];

  @Field(() => Int, { description: 'On-site visits (2 for two or more). 到现场次数' })
  @Min(0)
  @Max(2)
  visits!: number;

  @Field(() => String, { nullable: true, description: 'Why a visit is needed. 到现场理由' })
  @IsOptional()
  @Length(0, 200)
  visitsReason?: string | null;

  @Field(() => CaseKindEnum, { description: 'Case kind. 办件类型' })
  caseKind!: ServiceItem['caseKind'];

  @Field(() => Int, { nullable: true, description: 'Legal limit, working days. 法定时限' })
  @IsOptional()
  @Min(0)
  @Max(3650)
  legalLimitDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Promised limit, working days. 承诺时限' })
  @IsOptional()
  @Min(0)
  @Max(3650)
  promisedLimitDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Materials now. 现申请材料数' })
  @IsOptional()
  @Min(0)
  @Max(500)
  materialsNow?: number | null;

  @Field(() => Int, { nullable: true, description: 'Materials before the reform. 改革前申请材料数' })
  @IsOptional()
  @Min(0)
  @Max(500)
  materialsBefore?: number | null;

  @Field(() => ID, { nullable: true, description: 'Zone that accepts it. 功能区' })
  zoneId?: string | null;

  @Field({ description: 'High-frequency. 高频事项' })
  highFrequency!: boolean;

  @Field(() => MoneyScalar, { nullable: true, description: 'Fee in 元; none when free. 收费标准' })
  fee?: Fen | null;

  @Field(() => String, { nullable: true, description: 'Legal basis. 设定依据' })
  @IsOptional()
  @Length(0, 4000)
  legalBasis?: string | null;

  @Field(() => ServiceItemStatus, { nullable: true, description: 'Status (default in use). 状态' })
  status?: ServiceItemStatus;
}

@InputType({ description: 'A window of a zone. 窗口' })
class ServiceWindowInput {
  @Field({ description: 'Window number. 窗口号' })
  @Length(1, 16)
  number!: string;

  @Field(() => String, { nullable: true, description: 'What it handles. 窗口名称' })
  @IsOptional()
  @Length(0, 64)
  name?: string | null;
}

const ServiceItemConnection = Connection(ServiceItem, 'ServiceItem');

function fieldsOf(input: ServiceItemInput): ItemFields {
  return {
    basicCode: input.basicCode.trim(),
    implementationCode: input.implementationCode.trim(),
    name: input.name.trim(),
    type: input.type,
    department: input.department.trim(),
    byApplication: input.byApplication,
    onlineDepth: input.onlineDepth,
    visits: input.visits,
    visitsReason: input.visitsReason?.trim() || null,
    caseKind: input.caseKind,
    legalLimitDays: input.legalLimitDays ?? null,
    promisedLimitDays: input.promisedLimitDays ?? null,
    materialsNow: input.materialsNow ?? null,
    materialsBefore: input.materialsBefore ?? null,
    zoneId: parseOptionalId(input.zoneId, 'input.zoneId'),
    highFrequency: input.highFrequency,
    fee: input.fee ?? null,
    legalBasis: input.legalBasis?.trim() || null,
    status: input.status ?? ServiceItemStatus.IN_USE,
  };
}

@Resolver(() => ServiceItem)
export class ServiceItemsResolver {
  @Authorized()
  @Query(() => ServiceItemConnection, { description: 'Service items in your scope, filtered; compliance filter included. 政务服务事项' })
  async serviceItems(@Args() args: ServiceItemsArgs, @Ctx() ctx: Context): Promise<Page<ServiceItem>> {
    const f = args.filter ?? {};
    const qb = scopedItems(ctx, 'i');
    const areaId = parseOptionalId(f.areaId, 'filter.areaId');
    if (areaId !== null) {
      const area = queryArea(ctx, areaId);
      const ids = ctx.areas.subtree(area.id).map((a) => a.id);
      qb.andWhere('i.districtId IN (:...areaIds)', { areaIds: ids });
    }
    qb.andWhere('i.status = :status', { status: f.status ?? ServiceItemStatus.IN_USE });
    if (f.type) qb.andWhere('i.type = :type', { type: f.type });
    if (f.byApplication !== undefined && f.byApplication !== null) qb.andWhere('i.byApplication = :ba', { ba: f.byApplication });
    if (f.onlineDepth) qb.andWhere('i.onlineDepth = :depth', { depth: f.onlineDepth });
    if (f.zoneId) qb.andWhere('i.zoneId = :zone', { zone: parseId(f.zoneId, 'filter.zoneId') });
    if (f.highFrequency !== undefined && f.highFrequency !== null) qb.andWhere('i.highFrequency = :hf', { hf: f.highFrequency });
    if (f.violates?.length) qb.andWhere('(i.violation_mask & :mask) <> 0', { mask: maskOf(f.violates) });
    if (f.anyViolation === true) qb.andWhere('i.violationMask > 0');
    if (f.anyViolation === false) qb.andWhere('i.violationMask = 0');
    if (f.search) {
      qb.andWhere(`(i.name LIKE :q ${LIKE_ESCAPE} OR i.implementationCode LIKE :q ${LIKE_ESCAPE} OR i.department LIKE :q ${LIKE_ESCAPE})`, { q: containsPattern(f.search) });
    }
    return paginate(qb, [{ expression: 'i.id', property: 'id', direction: 'ASC' }], args);
  }

  @Authorized()
  @Query(() => ServiceItem, { description: 'One service item in your scope. 事项' })
  async serviceItem(@Arg('id', () => ID, { description: 'Id of the item' }) id: string, @Ctx() ctx: Context): Promise<ServiceItem> {
    const item = await scopedItems(ctx, 'i').andWhere('i.id = :id', { id: parseId(id, 'id') }).getOne();
    if (!item) throw new NotFoundError('ServiceItem', id);
    return item;
  }

  @Authorized()
  @Query(() => [ServiceCatalogueFigures], { description: 'Reform figures of the catalogues in an area, computed by the database. 政务服务指标' })
  async serviceCatalogueFigures(
    @Arg('areaId', () => ID, { nullable: true, description: 'Area (default: your scope). 区划' }) areaId: string | null,
    @Arg('groupBy', () => FigureGroupingEnum, { defaultValue: FigureGroupingEnum.NONE, description: 'Grouping. 分组' }) groupBy: FigureGroupingEnum,
    @Ctx() ctx: Context,
  ): Promise<Array<FigureRow & { district: Area | null }>> {
    const area = queryArea(ctx, parseOptionalId(areaId, 'areaId'));
    const rows = await catalogueFigures(ctx, area, groupBy as FigureGrouping);
    return rows.map((r) => ({ ...r, district: r.districtId === null ? null : (ctx.areas.get(r.districtId) ?? null) }));
  }

  @Authorized()
  @Query(() => [ServiceZone], { description: 'Zones of a district’s single-window hall. 综合受理功能区' })
  async serviceZones(@Arg('districtId', () => ID, { description: 'The district' }) districtId: string, @Ctx() ctx: Context): Promise<ServiceZone[]> {
    const district = readableDistrict(ctx, parseId(districtId, 'districtId'));
    return ctx.db.getRepository(ServiceZone).find({ where: { districtId: district.id }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  @Authorized()
  @Query(() => ServiceBaseline, { nullable: true, description: 'A district’s figures before the reform. 改革前基数' })
  async serviceBaseline(@Arg('districtId', () => ID, { description: 'The district' }) districtId: string, @Ctx() ctx: Context): Promise<ServiceBaseline | null> {
    const district = readableDistrict(ctx, parseId(districtId, 'districtId'));
    return ctx.db.getRepository(ServiceBaseline).findOneBy({ districtId: district.id });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceItem, { description: 'Adds an item to a district’s catalogue. 新增事项' })
  async createServiceItem(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('input', { description: 'The item' }) input: ServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItem> {
    const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
    const fields = fieldsOf(input);
    return mutate(ctx, async (tx) => {
      refuseIfAny(await itemProblems(tx.em, district.id, fields));
      await assertCodeFree(tx.em, district.id, fields.implementationCode);
      const item = tx.em.create(ServiceItem, { ...fields, districtId: district.id, version: 1, violationMask: violationMaskOf(fields) });
      await tx.em.save(item);
      await tx.audit({ action: 'serviceItem.create', entityType: 'ServiceItem', entityId: item.id, areaId: district.id, after: item });
      return item;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceItem, { description: 'Changes an item; refused with CONFLICT when someone changed it since you read it. 修改事项' })
  async updateServiceItem(
    @Arg('id', () => ID, { description: 'The item' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read' }) expectedVersion: number,
    @Arg('input', { description: 'All of its fields' }) input: ServiceItemInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceItem> {
    const itemId = parseId(id, 'id');
    const fields = fieldsOf(input);
    return mutate(ctx, async (tx) => {
      const current = await tx.em.findOneBy(ServiceItem, { id: itemId });
      if (!current || !ctx.viewer.scope!.contains(current.districtId)) throw new NotFoundError('ServiceItem', id);
      editableDistrict(ctx, current.districtId);
      refuseIfAny(await itemProblems(tx.em, current.districtId, fields));
      await assertCodeFree(tx.em, current.districtId, fields.implementationCode, current.id);
      const before = { ...current };
      const changed = await tx.em
        .createQueryBuilder()
        .update(ServiceItem)
        .set({ ...fields, violationMask: violationMaskOf(fields), version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id: itemId, v: expectedVersion })
        .execute();
      if (!changed.affected) {
        throw new ConflictError('该事项已被他人修改，请刷新后重试 (changed by someone else since you read it)', { currentVersion: current.version });
      }
      const after = await tx.em.findOneByOrFail(ServiceItem, { id: itemId });
      await tx.audit({ action: 'serviceItem.update', entityType: 'ServiceItem', entityId: itemId, areaId: current.districtId, before, after });
      return after;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceZone, { description: 'Adds or renames a zone of a district’s hall, with its windows. 保存功能区' })
  async saveServiceZone(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('id', () => ID, { nullable: true, description: 'The zone to change; none to add one' }) idArg: string | null,
    @Arg('name', { description: 'Zone name' }) name: string,
    @Arg('windows', () => [ServiceWindowInput], { description: 'Its windows (replacing the ones it had)' }) windows: ServiceWindowInput[],
    @Ctx() ctx: Context,
  ): Promise<ServiceZone> {
    const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
    const trimmed = name.trim();
    if (trimmed.length < 1 || trimmed.length > 64) throw new UserInputError('name', '名称应为1至64个字 (1 to 64 characters)');
    const numbers = windows.map((w) => w.number.trim());
    const dup = numbers.findIndex((n, i) => numbers.indexOf(n) !== i);
    if (dup >= 0) throw new UserInputError(`windows[${dup}].number`, `窗口号 ${numbers[dup]} 重复 (duplicate window number)`);
    return mutate(ctx, async (tx) => {
      let zone: ServiceZone;
      let before: unknown = null;
      if (idArg) {
        const found = await tx.em.findOneBy(ServiceZone, { id: parseId(idArg, 'id') });
        if (!found || found.districtId !== district.id) throw new NotFoundError('ServiceZone', idArg);
        before = { ...found, windows: await tx.em.findBy(ServiceWindow, { zoneId: found.id }) };
        found.name = trimmed;
        zone = await tx.em.save(found);
        await tx.em.delete(ServiceWindow, { zoneId: zone.id });
      } else {
        const count = await tx.em.countBy(ServiceZone, { districtId: district.id });
        zone = await tx.em.save(tx.em.create(ServiceZone, { districtId: district.id, name: trimmed, sortOrder: count }));
      }
      if (windows.length) await tx.em.insert(ServiceWindow, windows.map((w, i) => ({ zoneId: zone.id, number: numbers[i], name: w.name?.trim() || null })));
      await tx.audit({ action: 'serviceZone.save', entityType: 'ServiceZone', entityId: zone.id, areaId: district.id, before, after: { ...zone, windows: numbers } });
      return zone;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceBaseline, { description: 'Records the district’s windows before the reform. 设置改革前基数' })
  async setServiceBaseline(
    @Arg('districtId', () => ID, { description: 'The district' }) districtIdArg: string,
    @Arg('takenOn', () => LocalDateScalar, { description: 'Date of the baseline' }) takenOn: string,
    @Arg('windowsBefore', () => Int, { description: 'Windows before the reform' }) windowsBefore: number,
    @Ctx() ctx: Context,
  ): Promise<ServiceBaseline> {
    const district = editableDistrict(ctx, parseId(districtIdArg, 'districtId'));
    if (!Number.isInteger(windowsBefore) || windowsBefore < 0 || windowsBefore > 10_000) throw new UserInputError('windowsBefore', '应为0至10000 (0 to 10000)');
    return mutate(ctx, async (tx) => {
      const before = await tx.em.findOneBy(ServiceBaseline, { districtId: district.id });
      const saved = await tx.em.save(ServiceBaseline, { districtId: district.id, takenOn, windowsBefore });
      await tx.audit({ action: 'serviceBaseline.set', entityType: 'ServiceBaseline', entityId: district.id, areaId: district.id, before, after: saved });
      return saved;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ImportResult, { description: 'Imports a district’s catalogue from an uploaded .xlsx: dry run first, then commit (all or nothing); updates by implementation code. 导入事项' })
  importServiceItems(
    @Arg('districtId', () => ID, { description: 'The district' }) districtId: string,
    @Arg('fileId', () => ID, { description: 'The uploaded workbook' }) fileId: string,
    @Arg('dryRun', { description: 'Only check, write nothing' }) dryRun: boolean,
    @Ctx() ctx: Context,
  ): Promise<ImportResult> {
    return importServiceItems(ctx, parseId(districtId, 'districtId'), fileId, dryRun);
  }

  @FieldResolver(() => Area, { description: 'The district whose catalogue it is. 区县' })
  district(@Root() item: ServiceItem, @Ctx() ctx: Context): Area {
    return ctx.areas.get(item.districtId)!;
  }

  @FieldResolver(() => ServiceZone, { nullable: true, description: 'The zone that accepts it. 受理功能区' })
  zone(@Root() item: ServiceItem, @Ctx() ctx: Context): Promise<ServiceZone | null> {
    return zoneOf(ctx, item.zoneId);
  }

  @FieldResolver(() => [ComplianceViolationType], { description: 'The compliance rules it breaks, with reasons. 违规情况' })
  violations(@Root() item: ServiceItem): ComplianceViolationType[] {
    return violationsOf(item).map((v) => ({ rule: v.code, message: v.message }));
  }
}

@Resolver(() => ServiceZone)
export class ServiceZonesResolver {
  @FieldResolver(() => [ServiceWindow], { description: 'Its windows. 窗口' })
  windows(@Root() zone: ServiceZone, @Ctx() ctx: Context): Promise<ServiceWindow[]> {
    return loader(ctx, windowsByZoneLoader).load(zone.id);
  }

  @FieldResolver(() => Int, { description: 'Items in use accepted here. 受理事项数' })
  itemCount(@Root() zone: ServiceZone, @Ctx() ctx: Context): Promise<number> {
    return loader(ctx, itemCountByZoneLoader).load(zone.id);
  }
}

export { COMPLIANCE_LABELS };
