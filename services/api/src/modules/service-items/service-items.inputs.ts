import { PageArgsType } from '../../core/pagination';
import { IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import type { ComplianceCode, Fen, ServiceItemType } from '@kpd/domain';
import { MoneyScalar } from '../../core/scalars';
import { CaseKindEnum, ComplianceRuleEnum, OnlineDepthEnum, ServiceItem, ServiceItemStatus, ServiceItemTypeEnum } from './service-item.entity';

@InputType({ description: 'Which service items to list. 事项筛选' })
export class ServiceItemFilter {
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
export class ServiceItemsArgs extends PageArgsType {
  @Field(() => ServiceItemFilter, { nullable: true, description: 'Which items. 筛选' })
  filter?: ServiceItemFilter;

}

@InputType({ description: 'A service item’s fields. 事项信息' })
export class ServiceItemInput {
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
export class ServiceWindowInput {
  @Field({ description: 'Window number. 窗口号' })
  @Length(1, 16)
  number!: string;

  @Field(() => String, { nullable: true, description: 'What it handles. 窗口名称' })
  @IsOptional()
  @Length(0, 64)
  name?: string | null;
}
