import { PageArgsType } from '../../core/pagination';
import type { Fen } from '@kpd/domain';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { MoneyScalar, PeriodScalar } from '../../core/scalars';
import { LightColor } from './light.entity';
import { CorrectionStatus } from './month-close.entity';
import { ProjectCategory, ProjectStage } from './project.entity';

export enum ProjectOrder {
  NAME = 'NAME',
  CODE = 'CODE',
  TOTAL_INVESTMENT_DESC = 'TOTAL_INVESTMENT_DESC',
  UPDATED_DESC = 'UPDATED_DESC',
}

registerEnumType(ProjectOrder, {
  name: 'ProjectOrder',
  description: 'How a project list is sorted. 排序',
  valuesConfig: {
    NAME: { description: 'By name. 按名称' },
    CODE: { description: 'By project code. 按编码' },
    TOTAL_INVESTMENT_DESC: { description: 'Largest total investment first. 按总投资从大到小' },
    UPDATED_DESC: { description: 'Most recently changed first. 按修改时间' },
  },
});

@InputType({ description: 'Which projects to list; every condition given must hold. 项目筛选' })
export class ProjectFilter {
  @Field(() => ID, { nullable: true, description: 'Projects of this area and everything under it (a city, a district). 区划' })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Projects of this district. 区县' })
  districtId?: string | null;

  @Field(() => [ProjectCategory], { nullable: true, description: 'Any of these categories. 类别' })
  categories?: ProjectCategory[] | null;

  @Field(() => [ProjectStage], { nullable: true, description: 'Any of these stages. 阶段' })
  stages?: ProjectStage[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Only members (true) or non-members (false) of the key-project library. 是否入库' })
  libraryMember?: boolean | null;

  @Field(() => LightColor, { nullable: true, description: 'Only projects lit this colour in `lightPeriod`. 灯色' })
  lightColor?: LightColor | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'The month `lightColor` refers to. 亮灯月份' })
  lightPeriod?: string | null;

  @Field(() => String, { nullable: true, description: 'Text in the project name or the enterprise name. 关键词' })
  @IsOptional()
  @MaxLength(64)
  search?: string | null;
}

@InputType({ description: 'A new project for the ledger. 新项目' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'The district. 所属区县' })
  districtId!: string;

  @Field({ description: 'Project code, unique. 项目编码' })
  @MinLength(1)
  @MaxLength(32)
  code!: string;

  @Field({ description: 'Name. 项目名称' })
  @MinLength(1)
  @MaxLength(128)
  name!: string;

  @Field(() => ProjectCategory, { description: 'Category. 类别' })
  category!: ProjectCategory;

  @Field(() => ProjectStage, { description: 'Stage. 阶段' })
  stage!: ProjectStage;

  @Field(() => MoneyScalar, { description: 'Total investment in 元. 总投资' })
  totalInvestment!: Fen;

  @Field(() => PeriodScalar, { description: 'First month of construction. 建设周期开始' })
  constructionStart!: string;

  @Field(() => PeriodScalar, { description: 'Last month of construction. 建设周期结束' })
  constructionEnd!: string;

  @Field({ description: 'Implementing enterprise. 实施企业' })
  @MinLength(1)
  @MaxLength(128)
  enterprise!: string;

  @Field({ description: 'Responsible leader. 包保领导' })
  @MinLength(1)
  @MaxLength(64)
  responsibleLeader!: string;

  @Field({ description: 'Responsible unit. 责任单位' })
  @MinLength(1)
  @MaxLength(128)
  responsibleUnit!: string;

  @Field({ defaultValue: false, description: 'Key-push project. 重点推进项目' })
  keyPush!: boolean;

  @Field({ defaultValue: false, description: 'Major government investment. 重大政府投资项目' })
  majorGovernmentInvestment!: boolean;

  @Field(() => String, { nullable: true, description: 'The national project code (YYYY-AAAAAA-II-TT-NNNNNN), when it has one. 项目代码' })
  @MaxLength(30)
  nationalCode?: string | null;
}

@InputType({ description: 'Changes to a project; omitted fields stay as they are. 项目修改' })
export class UpdateProjectInput {
  @Field(() => Int, { description: 'The version you read (a stale one is refused with CONFLICT). 版本' })
  version!: number;

  @Field(() => String, { nullable: true, description: 'The national project code (YYYY-AAAAAA-II-TT-NNNNNN); an empty string clears it. 项目代码' })
  @MaxLength(30)
  nationalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Name. 项目名称' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  name?: string | null;

  @Field(() => ProjectCategory, { nullable: true, description: 'Category. 类别' })
  category?: ProjectCategory | null;

  @Field(() => ProjectStage, { nullable: true, description: 'New stage; needs `stageReason`. 阶段' })
  stage?: ProjectStage | null;

  @Field(() => String, { nullable: true, description: 'Why the stage changes. 阶段变更原因' })
  @IsOptional()
  @MaxLength(500)
  stageReason?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Total investment in 元. 总投资' })
  totalInvestment?: Fen | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'First month of construction. 建设周期开始' })
  constructionStart?: string | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'Last month of construction. 建设周期结束' })
  constructionEnd?: string | null;

  @Field(() => String, { nullable: true, description: 'Implementing enterprise. 实施企业' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  enterprise?: string | null;

  @Field(() => String, { nullable: true, description: 'Responsible leader. 包保领导' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(64)
  responsibleLeader?: string | null;

  @Field(() => String, { nullable: true, description: 'Responsible unit. 责任单位' })
  @IsOptional()
  @MinLength(1)
  @MaxLength(128)
  responsibleUnit?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Key-push project. 重点推进项目' })
  keyPush?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Major government investment. 重大政府投资项目' })
  majorGovernmentInvestment?: boolean | null;
}

@InputType({ description: 'One year of the annual plan. 年度计划' })
export class PlanYearInput {
  @Field(() => Int, { description: 'Year. 年度' })
  year!: number;

  @Field(() => MoneyScalar, { description: 'Planned investment in 元. 计划投资' })
  plannedInvestment!: Fen;

  @Field({ defaultValue: '', description: 'Planned image progress. 形象进度' })
  @MaxLength(500)
  plannedProgress!: string;
}

@InputType({ description: 'One month of the year’s plan. 月度计划' })
export class PlanMonthInput {
  @Field(() => Int, { description: 'Month 1–12. 月份' })
  month!: number;

  @Field(() => MoneyScalar, { description: 'Planned investment in 元. 计划投资' })
  plannedInvestment!: Fen;

  @Field({ defaultValue: '', description: 'Planned milestone. 计划节点' })
  @MaxLength(500)
  plannedMilestone!: string;
}

@InputType({ description: 'A project’s plan table: the years across the construction period, and one year by month. 项目计划表' })
export class PlanTableInput {
  @Field(() => [PlanYearInput], { description: 'Every year of the construction period; they add up to the total investment. 建设周期年度计划' })
  @ArrayMaxSize(50)
  years!: PlanYearInput[];

  @Field(() => Int, { nullable: true, description: 'The year `months` belongs to. 分月年度' })
  year?: number | null;

  @Field(() => [PlanMonthInput], { nullable: true, description: 'The year by month; they add up to the year. 本年度分月计划' })
  @IsOptional()
  @ArrayMaxSize(12)
  months?: PlanMonthInput[] | null;
}

@InputType({ description: 'The part of a month’s actual investment from one funding source. 资金来源拆分' })
export class InvestmentPartInput {
  @Field({ description: 'The source’s code in the city’s funding-source list. 资金来源代码' })
  @MaxLength(32)
  sourceCode!: string;

  @Field(() => MoneyScalar, { description: 'The amount in 元. 金额' })
  amount!: Fen;
}

@InputType({ description: 'A monthly completion report. 月度完成情况' })
export class MonthlyReportInput {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => PeriodScalar, { description: 'The month reported (not a future month, inside the construction period). 填报月份' })
  period!: string;

  @Field(() => MoneyScalar, { description: 'Actual investment of the month in 元. 实际完成投资' })
  actualInvestment!: Fen;

  @Field({ defaultValue: '', description: 'Physical progress in words. 形象进度' })
  @MaxLength(1000)
  progress!: string;

  @Field(() => [ID], { nullable: true, description: 'Uploaded progress photos (replace the report’s photos when given). 进展照片' })
  @IsOptional()
  @ArrayMaxSize(20)
  photoIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'The version you read when changing a report; omit for a new report. 版本' })
  version?: number | null;

  @Field(() => [InvestmentPartInput], {
    nullable: true,
    description: 'The actual investment split by funding source: the parts add up exactly to it, each source of the city’s list once. [] removes the split; omitted keeps it (refused when the amount changes). 按资金来源拆分',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  investmentBySource?: InvestmentPartInput[] | null;
}

@InputType({ description: 'Where the project is: the site boundary and the four boundaries in words. 位置图' })
export class LocationInput {
  @Field({ description: 'GeoJSON Polygon or MultiPolygon as text, [longitude, latitude]. 范围（GeoJSON）' })
  @MaxLength(200_000)
  geoJson!: string;

  @Field({ defaultValue: false, description: 'The coordinates were read off a Chinese map (GCJ-02) and are converted to WGS84. 火星坐标' })
  gcj02!: boolean;

  @Field({ description: 'East boundary. 东至' })
  @MinLength(1)
  @MaxLength(200)
  east!: string;

  @Field({ description: 'West boundary. 西至' })
  @MinLength(1)
  @MaxLength(200)
  west!: string;

  @Field({ description: 'South boundary. 南至' })
  @MinLength(1)
  @MaxLength(200)
  south!: string;

  @Field({ description: 'North boundary. 北至' })
  @MinLength(1)
  @MaxLength(200)
  north!: string;
}

@InputType('ProjectMilestoneInput', { description: 'A milestone of the project. 节点任务' })
export class MilestoneInput {
  @Field({ description: 'What is to be done. 节点名称' })
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Start date YYYY-MM-DD. 开始日期' })
  startDate?: string | null;

  @Field({ description: 'Due date YYYY-MM-DD. 计划完成日期' })
  dueDate!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Weight. 权重' })
  @Min(0)
  @Max(1000)
  weight!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Progress in percent. 完成进度' })
  @Min(0)
  @Max(100)
  progress!: number;

  @Field(() => String, { nullable: true, description: 'Date met YYYY-MM-DD. 实际完成日期' })
  metDate?: string | null;
}

@ArgsType()
export class ProjectsArgs extends PageArgsType {
  @Field(() => ProjectFilter, { nullable: true, description: 'Which projects. 筛选' })
  filter?: ProjectFilter | null;

  @Field(() => ProjectOrder, { defaultValue: ProjectOrder.NAME, description: 'Sort order. 排序' })
  orderBy!: ProjectOrder;

}

@ArgsType()
export class RenderingArgs {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => [ID], { description: 'Uploaded pictures (replace the renderings). 效果图' })
  @ArrayMaxSize(10)
  fileIds!: string[];
}

@ArgsType()
export class RemovalArgs {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => PeriodScalar, { description: 'The month of the red light. 红灯月份' })
  period!: string;

  @Field({ description: 'True: remove from the library; false: keep it. 是否剔除' })
  confirm!: boolean;

  @Field({ description: 'The reason for the decision. 理由' })
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'A late or changed report for a closed month, as a correction request. 关账后补报/更正' })
export class ReportCorrectionInput {
  @Field(() => ID, { description: 'The project. 项目' })
  projectId!: string;

  @Field(() => PeriodScalar, { description: 'The closed month. 月份' })
  period!: string;

  @Field(() => MoneyScalar, { description: 'Actual investment of the month in 元. 实际完成投资' })
  actualInvestment!: Fen;

  @Field({ defaultValue: '', description: 'Physical progress in words. 形象进度' })
  @MaxLength(1000)
  progress!: string;

  @Field({ description: 'Why the closed month should change. 更正理由' })
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'Which corrections to list. 更正筛选' })
export class CorrectionFilter {
  @Field(() => CorrectionStatus, { nullable: true, description: 'Only in this state. 状态' })
  status?: CorrectionStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only of this area and below. 区划' })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only of this project. 项目' })
  projectId?: string | null;
}

@ArgsType()
export class CorrectionsArgs extends PageArgsType {
  @Field(() => CorrectionFilter, { nullable: true, description: 'Which corrections. 筛选' })
  filter?: CorrectionFilter | null;

}
