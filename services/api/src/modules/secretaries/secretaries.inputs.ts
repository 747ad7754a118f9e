import { PageArgsType } from '../../core/pagination';
import { IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, PeriodScalar } from '../../core/scalars';
import { ServiceKind, TeamRole } from './secretary.entity';

@InputType({ description: 'A new service secretary. 新增服务秘书' })
export class CreateSecretaryInput {
  @Field(() => ID, { description: 'The district the secretary works in. 所属区县' })
  districtId!: string;

  @Field({ description: 'Name. 姓名' })
  @MinLength(1)
  @MaxLength(64)
  name!: string;

  @Field({ description: 'Work unit. 工作单位' })
  @MinLength(1)
  @MaxLength(128)
  workUnit!: string;

  @Field({ defaultValue: '', description: 'Title or post. 职务' })
  @MaxLength(64)
  title!: string;

  @Field({ defaultValue: '', description: 'Telephone and other contact details (admins only). 联系方式' })
  @MaxLength(200)
  contact!: string;

  @Field(() => ID, { nullable: true, description: 'The SECRETARY account the person signs in with. 登录账号' })
  @IsOptional()
  userId?: string | null;
}

@InputType({ description: 'Changes to a secretary; omitted fields stay. 修改服务秘书' })
export class UpdateSecretaryInput {
  @Field(() => Int, { description: 'The version read (a stale version is refused with CONFLICT). 版本' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'Name. 姓名' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Work unit. 工作单位' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  workUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'Title or post. 职务' })
  @IsOptional()
  @MaxLength(64)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Contact details. 联系方式' })
  @IsOptional()
  @MaxLength(200)
  contact?: string | null;
}

@InputType({ description: 'A secretary assigned to a project. 任命服务秘书' })
export class AssignSecretaryInput {
  @Field(() => ID, { description: 'The secretary. 服务秘书' })
  secretaryId!: string;

  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => LocalDateScalar, { description: 'First day. 开始日期' })
  startDate!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; leave empty while it runs. 结束日期' })
  @IsOptional()
  endDate?: string | null;

  @Field(() => TeamRole, { defaultValue: TeamRole.SOLE, description: 'Sole secretary, or lead or member of a reinforced team. 团队角色' })
  teamRole!: TeamRole;
}

@InputType({ description: 'A contact with a project. 服务日志' })
export class ServiceLogInput {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => ServiceKind, { description: 'Visit, call, meeting or approval help. 服务方式' })
  kind!: ServiceKind;

  @Field(() => LocalDateScalar, { description: 'The day (not in the future). 日期' })
  date!: string;

  @Field({ description: 'What was done or found. 内容摘要' })
  @MinLength(1)
  @MaxLength(1000)
  summary!: string;

  @Field(() => ID, { nullable: true, description: 'Whose contact it was: required when an admin logs it, your own when a secretary does. 服务秘书' })
  @IsOptional()
  secretaryId?: string | null;
}

@InputType({ description: 'A third-party evaluation score. 第三方评估评分' })
export class EvaluationInput {
  @Field(() => ID, { description: 'The secretary. 服务秘书' })
  secretaryId!: string;

  @Field(() => PeriodScalar, { description: 'The month the evaluation closes. 评估期' })
  period!: string;

  @Field(() => Int, { description: 'Score, 0–100. 评分' })
  @Min(0)
  @Max(100)
  score!: number;

  @Field({ defaultValue: '', description: 'Comments. 评语' })
  @MaxLength(1000)
  comments!: string;
}

@InputType({ description: 'Which secretaries. 服务秘书筛选' })
export class SecretaryFilter {
  @Field(() => ID, { nullable: true, description: 'Secretaries of this area and everything under it. 区划' })
  @IsOptional()
  areaId?: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the name or work unit. 关键词' })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;
}

@InputType({ description: 'Which service-log entries. 服务日志筛选' })
export class ServiceLogFilter {
  @Field(() => ID, { nullable: true, description: 'Entries of projects in this area. 区划' })
  @IsOptional()
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One project. 项目' })
  @IsOptional()
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One secretary. 服务秘书' })
  @IsOptional()
  secretaryId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'From this day. 起始日期' })
  @IsOptional()
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'To this day. 截止日期' })
  @IsOptional()
  to?: string | null;
}

@ArgsType()
export class AreaDayArgs extends PageArgsType {
  @Field(() => ID, { nullable: true, description: 'The area (default: your scope). 区划' })
  areaId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day (default: today, Asia/Shanghai). 统计日' })
  today?: string | null;
}
