import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import { StoredFile } from '../../core/files';

export enum AdviceStateType {
  PENDING = 'PENDING',
  OVERDUE = 'OVERDUE',
  ANSWERED = 'ANSWERED',
  ANSWERED_LATE = 'ANSWERED_LATE',
}

registerEnumType(AdviceStateType, {
  name: 'SupervisionAdviceState',
  description: 'Where an advice (督办建议) stands against its due day. 办理状态',
  valuesConfig: {
    PENDING: { description: 'Not answered, still within the limit (待答复)' },
    OVERDUE: { description: 'Not answered after its due day (超期未答复)' },
    ANSWERED: { description: 'Answered by its due day (已答复)' },
    ANSWERED_LATE: { description: 'Answered after its due day (超期答复)' },
  },
});

@ObjectType('LivelihoodInspectionPhoto', { description: 'A photo of an inspection with what the key projects’ photo checks noticed (flags, not refusals). 检查照片' })
export class InspectionPhoto {
  @Field(() => StoredFile, { description: 'The picture. 图片' })
  file!: StoredFile;

  @Field({ description: 'Taken (by its EXIF time) before the day of the inspection. 拍摄时间早于检查日期' })
  takenBeforeInspection!: boolean;

  @Field({ description: 'Taken (by its EXIF GPS) outside the congress’s area. 拍摄位置不在本行政区内' })
  outsideArea!: boolean;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day of an earlier inspection of the project with the same picture (perceptual hash). 与此前检查照片重复' })
  reusedFromInspection!: string | null;

  @Field(() => [String], { description: 'The flags in words, for display. 提示' })
  flags!: string[];
}

@ObjectType('LivelihoodSupervisionSummary', { description: 'A project’s supervision in figures: groups, inspections and advices by state. 监督情况' })
export class SupervisionSummaryType {
  @Field(() => Int, { description: 'Supervision groups. 监督小组数' })
  groups!: number;

  @Field(() => Int, { description: 'Inspections recorded. 检查次数' })
  inspections!: number;

  @Field(() => Int, { description: 'Advices issued. 督办建议数' })
  advices!: number;

  @Field(() => Int, { description: 'Advices awaiting an answer within their limit. 待答复' })
  pending!: number;

  @Field(() => Int, { description: 'Advices unanswered after their due day. 超期未答复' })
  overdue!: number;

  @Field(() => Int, { description: 'Advices answered (on time or late). 已答复' })
  answered!: number;
}
