import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ComplianceCode, ServiceItemType } from '@kpd/domain';
import { Connection } from '../../core/pagination';
import { Area } from '../../core/areas/area.entity';
import { ComplianceRuleEnum, ServiceItem, ServiceItemTypeEnum } from './service-item.entity';
import type { ShareValue } from './figures.service';

@ObjectType({ description: 'A rule an item breaks, with the reason in words. 违规情况' })
export class ComplianceViolationType {
  @Field(() => ComplianceRuleEnum, { description: 'The rule. 规则' })
  rule!: ComplianceCode;

  @Field({ description: 'Why, with the item’s figures. 说明' })
  message!: string;
}

@ObjectType('Share', { description: 'A part of a whole: numerator ÷ denominator, with the percentage (one decimal). 比率' })
export class ShareType {
  @Field(() => Int, { description: 'The part. 分子' })
  numerator!: number;

  @Field(() => Int, { description: 'The whole. 分母' })
  denominator!: number;

  @Field(() => Float, { nullable: true, description: 'Percent with one decimal; null when the whole is empty. 百分比' })
  percent!: number | null;
}

@ObjectType({ description: 'A catalogue’s reform figures for an area, a district or a type. 政务服务改革指标' })
export class ServiceCatalogueFigures {
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

export const ServiceItemConnection = Connection(ServiceItem, 'ServiceItem');
