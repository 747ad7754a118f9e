import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../core/pagination';
import { PeriodScalar } from '../../core/scalars';
import { Area } from '../../core/areas/area.entity';
import { Project } from '../projects/project.entity';
import { DispatchMeeting, MustDispatchReason } from './meeting.entity';

export const MeetingConnection = Connection(DispatchMeeting, 'DispatchMeeting');

@ObjectType({ description: 'A project on a dispatch meeting’s report list, with why it is there. 汇报项目' })
export class DispatchListEntry {
  @Field(() => Project, { description: 'The project. 项目' })
  project!: Project;

  @Field(() => [MustDispatchReason], { description: 'Why it must be dispatched. 必调原因' })
  reasons!: MustDispatchReason[];

  @Field(() => [String], { description: 'The reasons in words. 原因' })
  labels!: string[];
}

@ObjectType({ description: 'The suggested host of the bimonthly on-site meeting: the best-ranked county of the last ranking. 建议承办县区' })
export class MeetingHostSuggestion {
  @Field(() => Area, { description: 'The county or district. 县区' })
  host!: Area;

  @Field(() => Int, { description: 'Its rank. 名次' })
  rank!: number;

  @Field(() => Float, { nullable: true, description: 'Its score. 得分' })
  score!: number | null;

  @Field(() => [Area], { description: 'Others with the same rank (the city decides). 并列县区' })
  tied!: Area[];

  @Field(() => PeriodScalar, { description: 'The ranking’s month. 依据排名月份' })
  basedOn!: string;

  @Field({ description: 'Whether that ranking was published. 是否已通报' })
  published!: boolean;
}
