import { Field, ID, Int, ObjectType } from 'type-graphql';
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
}

@ObjectType({ description: 'The public light board of an area for a month (上墙公示). 亮灯公示' })
export class LightBoard {
  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field({ description: 'Published for the public. 已公示' })
  published!: boolean;

  @Field(() => [DistrictLightCount], { description: 'Counts per district. 各区县统计' })
  districts!: DistrictLightCount[];

  @Field(() => [BoardEntry], { description: 'Red then yellow projects with their reasons. 红黄灯项目' })
  projects!: BoardEntry[];
}

@ObjectType({ description: 'A light board published for the public. 已公示的亮灯榜' })
export class PublishedLightBoard {
  @Field(() => Area, { description: 'The area shown. 区划' })
  area!: Area;

  @Field(() => PeriodScalar, { description: 'The month. 月份' })
  period!: string;

  @Field(() => Date, { description: 'When it was published. 公示时间' })
  publishedAt!: Date;
}
