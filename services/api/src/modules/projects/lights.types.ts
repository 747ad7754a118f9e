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
