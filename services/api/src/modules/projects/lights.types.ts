import type { Fen } from '@kpd/domain';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { PeriodScalar } from '../../core/scalars';
import { Area } from '../../core/areas/area.entity';
import { LightColor } from './light.entity';

@ObjectType({ description: 'Light counts of one district in a month. 区县亮灯统计' })
export class DistrictLightCount {
  @Field(() => Area, { description: 'The district. 区县' })
  district!: Area;

  @Field(() => Int, { description: 'Green lights. 绿灯数' })
  green!: number;

  @Field(() => Int, { description: 'Yellow lights. 黄灯数' })
  yellow!: number;

  @Field(() => Int, { description: 'Red lights. 红灯数' })
  red!: number;

  @Field(() => Int, { description: 'Projects lit. 亮灯项目数' })
  total!: number;
}

@ObjectType({ description: 'A yellow or red project on the board, with why. 公示项目' })
export class BoardEntry {
  @Field(() => ID, { description: 'Id of the project. 项目编号' })
  projectId!: number;

  @Field({ description: 'Project code. 项目编码' })
  code!: string;

  @Field({ description: 'Project name. 项目名称' })
  name!: string;

  @Field({ description: 'District name. 区县' })
  districtName!: string;

  @Field(() => LightColor, { description: 'The light. 灯色' })
  color!: LightColor;

  @Field({ description: 'Why. 原因' })
  reason!: string;

  @Field({ description: 'Reason code. 原因代码' })
  reasonCode!: string;

  /** The board's month (for the nested fields). */
  period?: string;
}

@ObjectType({ description: 'The public light board of an area for a month (上墙公示). 亮灯公示' })
export class LightBoard {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field({ description: 'Published for the public. 已公示' })
  published!: boolean;

  @Field(() => PublishedLightBoard, { nullable: true, description: 'The latest publication covering this board (anonymous callers are shown its rows). 最新公示' })
  publication!: PublishedLightBoard | null;

  @Field(() => [DistrictLightCount], { description: 'Counts per district. 各区县统计' })
  districts!: DistrictLightCount[];

  @Field(() => [BoardEntry], { description: 'Red then yellow projects with their reasons. 红黄灯项目' })
  projects!: BoardEntry[];
}

@ObjectType({ description: 'A light board as published for the public: the rows as shown, who, when and their SHA-256; every version kept. 已公示的亮灯榜' })
export class PublishedLightBoard {
  @Field(() => ID, { description: 'Id of the publication (for `pnpm verify-publication <id>`). 公示编号' })
  id!: number;

  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Int, { description: 'Version: 1 first, higher after a correction. 版本' })
  version!: number;

  @Field(() => Date, { description: 'When it was published. 公示时间' })
  publishedAt!: Date;

  @Field({ description: 'Who published it. 发布人' })
  publishedBy!: string;

  @Field(() => String, { nullable: true, description: 'SHA-256 of `content`, hex (null: published before snapshots were kept). 哈希' })
  sha256!: string | null;

  @Field(() => ID, { nullable: true, description: 'The approved correction this version follows (null: published by an admin). 因更正重新公示' })
  correctionId!: number | null;

  @Field(() => String, { nullable: true, description: 'The published rows as canonical JSON, exactly what the hash covers. 公示内容' })
  content!: string | null;

  @Field(() => [DistrictLightCount], { description: 'Counts per district, as published. 各区县统计' })
  districts!: DistrictLightCount[];

  @Field(() => [BoardEntry], { description: 'Red then yellow projects with their reasons, as published. 红黄灯项目' })
  projects!: BoardEntry[];
}

@ObjectType({ description: 'A milestone and the progress it needs by the end of next month. 节点所需进度' })
export class MilestoneNeed {
  @Field({ description: 'The milestone. 节点' })
  name!: string;

  @Field(() => LocalDateScalar, { description: 'Its due date. 计划完成日期' })
  dueDate!: string;

  @Field(() => Float, { description: 'Progress in percent it needs by the end of next month (100: met). 所需进度' })
  neededProgress!: number;

  @Field(() => Float, { description: 'Its progress now, in percent. 当前进度' })
  progress!: number;
}

@ObjectType({ description: 'What clears a yellow or red light: what next month needs to be green, and when it turns red if it stays behind. 转绿条件' })
export class LightClearing {
  @Field(() => PeriodScalar, { description: 'The month that can turn it green. 下月' })
  nextPeriod!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Investment rule: the least actual investment next month that is green, in 元 (0: nothing planned, a report on time is enough). 所需投资' })
  neededInvestment!: Fen | null;

  @Field(() => PeriodScalar, { nullable: true, description: 'The month it turns red if it stays behind (null: red already). 转红月份' })
  redBy!: string | null;

  @Field(() => [MilestoneNeed], { description: 'Milestone rule: the milestones and the progress each needs by the end of next month. 节点要求' })
  milestones!: MilestoneNeed[];

  @Field({ description: 'In words. 说明' })
  explanation!: string;
}
