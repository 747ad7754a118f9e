import { PageArgsType } from '../../core/pagination';
import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import { ProblemCategory, ProblemLevel, ProblemStatus } from './problem.entity';

@InputType({ description: 'A new problem of a project. 新增问题' })
export class RaiseProblemInput {
  @Field(() => ID, { description: 'The project held up. 项目' })
  projectId!: string;

  @Field(() => ProblemCategory, { description: 'Category. 问题类别' })
  category!: ProblemCategory;

  @Field({ description: 'The problem in a line. 问题' })
  @MaxLength(200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details. 问题描述' })
  @MaxLength(2000)
  description?: string | null;

  @Field({ description: 'The unit that owns the solution. 责任单位' })
  @MaxLength(128)
  ownerUnit!: string;

  @Field(() => Int, { description: 'Time limit in working days; the deadline is computed on the holiday calendar. 办结时限（工作日）' })
  @Min(1)
  @Max(250)
  workingDays!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was raised (default today; not in the future). 提出日期' })
  raisedDate?: string | null;

  @Field(() => ProblemLevel, { nullable: true, description: 'District (default) or city; city needs a city admin and a city leader. 督办层级' })
  level?: ProblemLevel | null;

  @Field(() => String, { nullable: true, description: 'The city leader of a listed problem. 牵头市领导' })
  @MaxLength(64)
  cityLeader?: string | null;
}

@InputType({ description: 'What a move of a problem carries. 办理信息' })
export class ProblemMoveInput {
  @Field(() => Int, { description: 'The version read (a stale one is refused with CONFLICT). 版本' })
  version!: number;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of the move (default today; not in the future). 办理日期' })
  date?: string | null;

  @Field(() => [String], { nullable: true, description: 'CLOSE_OUT: the evidence, at least one item. 销号佐证' })
  @ArrayMaxSize(20)
  @MaxLength(500, { each: true })
  evidence?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'CLOSE_OUT: uploaded pictures of the evidence (purpose=photo), with or instead of the text. 佐证附件' })
  @ArrayMaxSize(10)
  evidenceFileIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'REOPEN and REQUEST_ESCALATION: why. 理由' })
  @MaxLength(500)
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'ESCALATE: the city leader in charge. 牵头市领导' })
  @MaxLength(64)
  cityLeader?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'ESCALATE or REOPEN: a new deadline. 新的办结期限' })
  deadline?: string | null;
}

@InputType({ description: 'Which problems. 问题筛选' })
export class ProblemFilter {
  @Field(() => ID, { nullable: true, description: 'An area in your scope (and everything under it). 区划' })
  areaId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One project. 项目' })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Problems decided at this dispatch meeting. 调度会' })
  meetingId?: string | null;

  @Field(() => [ProblemStatus], { nullable: true, description: 'Statuses. 状态' })
  statuses?: ProblemStatus[] | null;

  @Field(() => [ProblemCategory], { nullable: true, description: 'Categories. 类别' })
  categories?: ProblemCategory[] | null;

  @Field(() => [ProblemLevel], { nullable: true, description: 'Levels. 层级' })
  levels?: ProblemLevel[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Open or in progress past the deadline (true) or not (false). 是否逾期' })
  overdue?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'District problems due for city supervision: deadline passed or escalation asked. 待提级' })
  escalationDue?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day “overdue” is judged on (default today). 统计日期' })
  asOf?: string | null;
}

@ArgsType()
export class ProblemsArgs extends PageArgsType {
  @Field(() => ProblemFilter, { nullable: true, description: 'Which problems. 筛选' })
  filter?: ProblemFilter | null;

}
