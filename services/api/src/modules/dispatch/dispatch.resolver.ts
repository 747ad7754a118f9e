import { MUST_DISPATCH_REASON_LABELS } from '@kpd/domain';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { parseId } from '../../core/ids';
import { Connection, type Page } from '../../core/pagination';
import { PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { Problem } from '../problems/problem.entity';
import { scopedProblems } from '../problems/problems.service';
import { Project } from '../projects/project.entity';
import { CreateMeetingInput, DecisionInput, RecordMeetingInput } from './dispatch.inputs';
import { addDecision, createMeeting, hostSuggestion, listMeetings, listOf, previewList, readableMeeting, recordMeeting } from './dispatch.service';
import { DispatchAttendee, DispatchMeeting, MustDispatchReason } from './meeting.entity';

const MeetingConnection = Connection(DispatchMeeting, 'DispatchMeeting');

@ObjectType({ description: 'A project on a dispatch meeting’s report list, with why it is there. 汇报项目' })
class DispatchListEntry {
  @Field(() => Project, { description: 'The project. 项目' })
  project!: Project;

  @Field(() => [MustDispatchReason], { description: 'Why it must be dispatched. 必调原因' })
  reasons!: MustDispatchReason[];

  @Field(() => [String], { description: 'The reasons in words. 原因' })
  labels!: string[];
}

@ObjectType({ description: 'The suggested host of the bimonthly on-site meeting: the best-ranked county of the last ranking. 建议承办县区' })
class MeetingHostSuggestion {
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

@ArgsType()
class MeetingsArgs {
  @Field(() => ID, { nullable: true, description: 'An area in your scope. 区划' })
  areaId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size (at most 100, default 20). 每页条数' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor. 游标' })
  after?: string | null;
}

const labels = (reasons: MustDispatchReason[]) => reasons.map((r) => MUST_DISPATCH_REASON_LABELS[r]);

const attendeesLoader = (ctx: Context) =>
  new DataLoader<number, DispatchAttendee[]>(async (ids) => {
    const rows = await ctx.db.getRepository(DispatchAttendee).find({ where: { meetingId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.meetingId === id));
  });

@Resolver(() => DispatchMeeting)
export class DispatchResolver {
  @Query(() => [DispatchListEntry], { description: 'The report list an area’s dispatch meeting would take now, by the must-dispatch rule (四个必调), with each project’s reasons. 必调清单' })
  async dispatchList(@Arg('areaId', () => ID, { nullable: true, description: 'A district or city (default: your own)' }) areaId: string | null, @Ctx() ctx: Context): Promise<DispatchListEntry[]> {
    return (await previewList(ctx, areaId)).map((e) => ({ project: e.project, reasons: e.reasons, labels: e.labels }));
  }

  @Query(() => MeetingConnection, { description: 'Dispatch meetings in your scope, latest month first. 调度会' })
  dispatchMeetings(@Args() args: MeetingsArgs, @Ctx() ctx: Context): Promise<Page<DispatchMeeting>> {
    return listMeetings(ctx, args.areaId ?? null, { first: args.first, after: args.after });
  }

  @Query(() => DispatchMeeting, { description: 'One dispatch meeting. 调度会' })
  dispatchMeeting(@Arg('id', () => ID, { description: 'Id of the meeting' }) id: string, @Ctx() ctx: Context): Promise<DispatchMeeting> {
    return readableMeeting(ctx, parseId(id, 'id'));
  }

  @Query(() => MeetingHostSuggestion, { nullable: true, description: 'Who should host the city’s bimonthly on-site meeting: the best-ranked county of the last ranking before the month. 建议承办县区' })
  async suggestedMeetingHost(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('period', () => PeriodScalar, { description: 'The meeting’s month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<MeetingHostSuggestion | null> {
    const s = await hostSuggestion(ctx, cityId, period);
    if (!s) return null;
    return {
      host: ctx.areas.get(Number(s.host.areaId))!,
      rank: s.host.rank!,
      score: s.host.score,
      tied: s.tied.map((t) => ctx.areas.get(Number(t.areaId))!),
      basedOn: s.basedOn,
      published: s.published,
    };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DispatchMeeting, { description: 'Creates a dispatch meeting and generates its report list by the must-dispatch rule. 新建调度会' })
  createDispatchMeeting(@Arg('input', () => CreateMeetingInput, { description: 'The meeting' }) input: CreateMeetingInput, @Ctx() ctx: Context): Promise<DispatchMeeting> {
    return createMeeting(ctx, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DispatchMeeting, { description: 'Records when and where a meeting was held, who attended and its minutes. 会议记录' })
  recordDispatchMeeting(
    @Arg('id', () => ID, { description: 'The meeting' }) id: string,
    @Arg('input', () => RecordMeetingInput, { description: 'What happened' }) input: RecordMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<DispatchMeeting> {
    return recordMeeting(ctx, parseId(id, 'id'), input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Problem, { description: 'Records a decision of the meeting as a problem of a listed project, with its owner unit and deadline. 议定事项' })
  addDispatchDecision(
    @Arg('meetingId', () => ID, { description: 'The meeting' }) meetingId: string,
    @Arg('input', () => DecisionInput, { description: 'The decision' }) input: DecisionInput,
    @Ctx() ctx: Context,
  ): Promise<Problem> {
    return addDecision(ctx, parseId(meetingId, 'meetingId'), input);
  }

  @FieldResolver(() => Area, { description: 'The district or city holding it. 召开区县或市' })
  area(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Area {
    return ctx.areas.get(m.areaId)!;
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The hosting county of an on-site meeting. 承办县区' })
  host(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Area | null {
    return m.hostAreaId === null ? null : (ctx.areas.get(m.hostAreaId) ?? null);
  }

  @FieldResolver(() => [DispatchListEntry], { description: 'The report list, in order, with each project’s reasons. 汇报项目清单' })
  async list(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<DispatchListEntry[]> {
    return (await listOf(ctx, m.id)).map((e) => ({ project: e.project, reasons: e.reasons, labels: labels(e.reasons) }));
  }

  @FieldResolver(() => [DispatchAttendee], { description: 'Who attended. 参会人员' })
  attendees(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<DispatchAttendee[]> {
    return loader(ctx, attendeesLoader).load(m.id);
  }

  @FieldResolver(() => [Problem], { description: 'Its decisions: problems with owners and deadlines. 议定事项' })
  decisions(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<Problem[]> {
    return scopedProblems(ctx).andWhere('pr.meeting_id = :m', { m: m.id }).orderBy('pr.id', 'ASC').getMany();
  }

  @FieldResolver(() => String, { description: 'The print-ready meeting pack (one page per listed project). 会议材料（打印）' })
  packUrl(@Root() m: DispatchMeeting): string {
    return `/api/dispatch/meetings/${m.id}/pack.html`;
  }

  @FieldResolver(() => String, { description: 'The meeting pack as a workbook. 会议材料（表格）' })
  packXlsxUrl(@Root() m: DispatchMeeting): string {
    return `/api/dispatch/meetings/${m.id}/pack.xlsx`;
  }
}
