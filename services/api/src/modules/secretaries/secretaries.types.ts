import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { LocalDateScalar } from '../../core/scalars';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { Secretary, ServiceLogEntry } from './secretary.entity';

export const SecretaryConnection = Connection(Secretary, 'Secretary');
export const ServiceLogConnection = Connection(ServiceLogEntry, 'ServiceLogEntry');

@ObjectType({ description: 'What a secretary carries on a day. 服务秘书工作量' })
export class SecretaryWorkload {
  @Field(() => LocalDateScalar, { description: 'The day the figures are for. 统计日' })
  today!: string;

  @Field(() => Int, { description: 'Projects it serves that day. 服务项目数' })
  projects!: number;

  @Field(() => Int, { description: 'Its log entries of the last 30 days (today included). 近30天服务日志数' })
  logEntriesLast30Days!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Its last logged contact. 最近联系日期' })
  lastContactDate!: string | null;

  @Field(() => Int, { description: 'Its projects without contact for the city’s N days. 无联系预警项目数' })
  quietProjects!: number;

  @Field(() => Int, { description: 'Problems it answers for (raised by it, or by others while it led the project) still open or in progress that day. 未解决问题' })
  openProblems!: number;

  @Field(() => Int, { description: 'Of those, the ones past their deadline (the problem list’s overdue rule). 逾期问题' })
  overdueProblems!: number;

  @Field(() => Float, { nullable: true, description: 'Average calendar days from raising to resolution of its resolved problems (one decimal); null when none is resolved. 平均办结天数' })
  averageDaysToResolve!: number | null;
}

@ObjectType({ description: 'Secretaries and coverage of an area (a city, a district). 服务秘书配备情况' })
export class SecretaryAreaFigures {
  @Field(() => Area, { description: 'The area. 区划' })
  area!: Area;

  @Field(() => Int, { description: 'Secretaries working in the area. 服务秘书人数' })
  secretaries!: number;

  @Field(() => Int, { description: 'Key projects (library members under construction). 重点项目数' })
  keyProjects!: number;

  @Field(() => Int, { description: 'Key projects with a secretary that day. 已配备秘书项目数' })
  covered!: number;

  @Field(() => Float, { nullable: true, description: 'Covered ÷ key projects, in percent with one decimal. 配备率' })
  coveragePercent!: number | null;

  @Field(() => Int, { description: 'Projects served by a secretary. 服务项目数' })
  projectsServed!: number;

  @Field(() => Float, { nullable: true, description: 'Projects served per secretary (two decimals). 人均服务项目数' })
  projectsPerSecretary!: number | null;

  @Field(() => Int, { description: 'Covered key projects without contact for the city’s N days. 无联系预警项目数' })
  quietProjects!: number;

  uncoveredProjectIds!: number[];
}

@ObjectType({ description: 'Secretary coverage and workload of an area and of each of its districts. 服务秘书总览' })
export class SecretaryOverview {
  @Field(() => LocalDateScalar, { description: 'The day the figures are for. 统计日' })
  today!: string;

  @Field(() => SecretaryAreaFigures, { description: 'The whole area. 合计' })
  total!: SecretaryAreaFigures;

  @Field(() => [SecretaryAreaFigures], { description: 'Each district of the area in your scope. 分区县' })
  districts!: SecretaryAreaFigures[];
}

@ObjectType({ description: 'A key project whose secretaries have not been in touch for the city’s N days. 无联系预警' })
export class QuietProject {
  @Field(() => Project, { description: 'The project. 项目' })
  project!: Project;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last logged contact; none when never contacted. 最近联系日期' })
  lastContactDate!: string | null;

  @Field(() => Int, { nullable: true, description: 'Days since that contact. 未联系天数' })
  daysSinceContact!: number | null;

  @Field(() => Int, { description: 'The city’s N. 预警天数' })
  noContactDays!: number;

  secretaryIds!: number[];
}

export const QuietProjectConnection = Connection(QuietProject, 'QuietProject');
