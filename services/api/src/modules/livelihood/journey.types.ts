import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum JourneyStage {
  SUBMITTED = 'SUBMITTED',
  SCREENED = 'SCREENED',
  MERGED = 'MERGED',
  CANDIDATE = 'CANDIDATE',
  VOTED = 'VOTED',
  RESERVED = 'RESERVED',
  WITHDRAWN = 'WITHDRAWN',
  DELIVERY = 'DELIVERY',
  INSPECTED = 'INSPECTED',
  ANSWERED = 'ANSWERED',
  COMPLETED = 'COMPLETED',
  EVALUATED = 'EVALUATED',
}

registerEnumType(JourneyStage, {
  name: 'JourneyStage',
  description: 'A step on a proposal’s path from the proposer to the year-end evaluation. 办理环节',
  valuesConfig: {
    SUBMITTED: { description: 'Received (提交)' },
    SCREENED: { description: 'Screened with a published outcome (筛选)' },
    MERGED: { description: 'Merged into another proposal, whose path it follows (合并)' },
    CANDIDATE: { description: 'On a session’s candidate list (列入候选)' },
    VOTED: { description: 'The delegates’ vote on it, counted (票决)' },
    RESERVED: { description: 'Put in the reserve library (入储备库)' },
    WITHDRAWN: { description: 'Taken out of the reserve (出库)' },
    DELIVERY: { description: 'Adopted and being delivered (实施)' },
    INSPECTED: { description: 'Inspected by a delegates’ supervision group, with findings and advices (监督检查)' },
    ANSWERED: { description: 'The lead department answered a supervision advice (答复督办建议)' },
    COMPLETED: { description: 'Closed out (销号)' },
    EVALUATED: { description: 'Rated at the year-end evaluation (人大评)' },
  },
});

@ObjectType('ProposalJourneyStep', { description: 'One step on a proposal’s path, public. 办理进程' })
export class ProposalJourneyStep {
  @Field(() => JourneyStage, { description: 'Which step. 环节' })
  stage!: JourneyStage;

  @Field(() => String, { nullable: true, description: 'When (a day, YYYY-MM-DD), when known. 日期' })
  on!: string | null;

  @Field({ description: 'What happened, in Chinese. 事项' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details: the reason, the votes, the progress. 说明' })
  detail!: string | null;

  @Field(() => ID, { nullable: true, description: 'The session concerned. 会议' })
  sessionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The livelihood project concerned. 项目' })
  projectId!: string | null;
}
