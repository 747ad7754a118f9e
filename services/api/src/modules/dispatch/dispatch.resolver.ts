import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import { parseId } from '../../core/ids';
import type { Page } from '../../core/pagination';
import { PeriodScalar } from '../../core/scalars';
import { loader, type Context } from '../../core/context';
import { Area } from '../../core/areas/area.entity';
import { Problem } from '../problems/problem.entity';
import { decisionsOfMeeting } from '../problems/problems.service';
import { CreateMeetingInput, DecisionInput, MeetingsArgs, RecordMeetingInput } from './dispatch.inputs';
import { attendeesLoader } from './dispatch.loaders';
import { readableMeeting } from './dispatch.scope';
import { addDecision, createMeeting, dispatchListOf, hostSuggestion, listMeetings, meetingList, recordMeeting } from './dispatch.service';
import { DispatchListEntry, MeetingConnection, MeetingHostSuggestion } from './dispatch.types';
import { DispatchAttendee, DispatchMeeting } from './meeting.entity';

@Resolver(() => DispatchMeeting)
export class DispatchResolver {
  @Authorized()
  @Query(() => [DispatchListEntry], { description: 'The report list an area’s dispatch meeting would take now, by the must-dispatch rule (四个必调), with each project’s reasons. 必调清单' })
  dispatchList(@Arg('areaId', () => ID, { nullable: true, description: 'A district or city (default: your own)' }) areaId: string | null, @Ctx() ctx: Context): Promise<DispatchListEntry[]> {
    return dispatchListOf(ctx, areaId);
  }

  @Authorized()
  @Query(() => MeetingConnection, { description: 'Dispatch meetings in your scope, latest month first. 调度会' })
  dispatchMeetings(@Args() args: MeetingsArgs, @Ctx() ctx: Context): Promise<Page<DispatchMeeting>> {
    return listMeetings(ctx, args.areaId ?? null, args);
  }

  @Authorized()
  @Query(() => DispatchMeeting, { description: 'One dispatch meeting. 调度会' })
  dispatchMeeting(@Arg('id', () => ID, { description: 'Id of the meeting' }) id: string, @Ctx() ctx: Context): Promise<DispatchMeeting> {
    return readableMeeting(ctx, parseId(id, 'id'));
  }

  @Authorized()
  @Query(() => MeetingHostSuggestion, { nullable: true, description: 'Who should host the city’s bimonthly on-site meeting: the best-ranked county of the last ranking before the month. 建议承办县区' })
  suggestedMeetingHost(
    @Arg('cityId', () => ID, { description: 'The city' }) cityId: string,
    @Arg('period', () => PeriodScalar, { description: 'The meeting’s month' }) period: string,
    @Ctx() ctx: Context,
  ): Promise<MeetingHostSuggestion | null> {
    return hostSuggestion(ctx, cityId, period);
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
  list(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<DispatchListEntry[]> {
    return meetingList(ctx, m.id);
  }

  @FieldResolver(() => [DispatchAttendee], { description: 'Who attended. 参会人员' })
  attendees(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<DispatchAttendee[]> {
    return loader(ctx, attendeesLoader).load(m.id);
  }

  @FieldResolver(() => [Problem], { description: 'Its decisions: problems with owners and deadlines. 议定事项' })
  decisions(@Root() m: DispatchMeeting, @Ctx() ctx: Context): Promise<Problem[]> {
    return decisionsOfMeeting(ctx, m.id);
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
