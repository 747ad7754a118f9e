import { ArrayMaxSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';

@InputType({ description: 'A supervision group to form. 监督小组' })
export class SupervisionGroupInput {
  @Field({ description: 'Name, e.g. 第一监督小组. 小组名称' })
  @MaxLength(64)
  name!: string;

  @Field(() => [ID], { description: 'Roster entries (RosterEntry ids) of the session that adopted the project. 成员' })
  @ArrayMaxSize(30)
  memberIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The roster entry of the leader, one of the members. 组长' })
  @IsOptional()
  leaderId?: string | null;
}

@InputType({ description: 'An advice (督办建议) issued with an inspection. 督办建议' })
export class SupervisionAdviceInput {
  @Field({ description: 'What the group advises the lead department to do. 督办内容' })
  @MaxLength(500)
  content!: string;

  @Field(() => Int, { nullable: true, description: 'Working days allowed for the answer (default 15, at most 60). 答复时限（工作日）' })
  @IsOptional()
  workingDays?: number | null;
}

@InputType({ description: 'An inspection of a livelihood project. 监督检查' })
export class InspectionInput {
  @Field(() => LocalDateScalar, { description: 'Day of the inspection (not in the future). 检查日期' })
  inspectedOn!: string;

  @Field({ description: 'Where. 检查地点' })
  @MaxLength(200)
  place!: string;

  @Field({ description: 'What the group found. 发现问题' })
  @MaxLength(2000)
  findings!: string;

  @Field(() => [ID], { defaultValue: [], description: 'Uploaded photos (POST /api/files?purpose=photo). 现场照片' })
  @ArrayMaxSize(20)
  photoIds!: string[];

  @Field(() => [SupervisionAdviceInput], { defaultValue: [], description: 'Advices to the lead department. 督办建议' })
  @ArrayMaxSize(10)
  advices!: SupervisionAdviceInput[];
}

@InputType({ description: 'The lead department’s answer to an advice. 答复' })
export class AdviceAnswerInput {
  @Field({ description: 'The answer: what was done or is planned. 答复内容' })
  @MaxLength(2000)
  answer!: string;

  @Field({ description: 'Who answers for the department, e.g. 市住房和城乡建设局 王强. 答复人' })
  @MaxLength(100)
  answeredBy!: string;
}
