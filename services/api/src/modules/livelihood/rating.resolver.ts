import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { parseId, parseOptionalId } from '../../core/ids';
import { findSession } from './access';
import { evaluationResult } from './delivery.service';
import { EvaluationRound } from './project.entity';
import { PublicSurvey } from './rating.entity';
import { PublicSurveyInput, RatingRuleInput } from './rating.inputs';
import * as rating from './rating.service';
import { RatingRuleType } from './rating.types';

function ruleType(ctx: Context, r: Omit<rating.EffectiveRule, 'areaId'> & { areaId?: number | null }): RatingRuleType {
  return { ...r, area: r.areaId ? (ctx.areas.get(r.areaId) ?? null) : null };
}

@Resolver(() => RatingRuleType)
export class RatingRuleResolver {
  @Public('the weights of the year-end satisfaction are published with its result')
  @Query(() => RatingRuleType, { description: 'The satisfaction weights that hold for an area’s congress or one of its sessions; public. 满意度测评权重' })
  async livelihoodRatingRule(
    @Arg('areaId', () => ID, { description: 'City, county or township. 地区' }) areaId: string,
    @Arg('sessionId', () => ID, { nullable: true, description: 'One session of that congress. 会议' }) sessionId: string | null,
    @Ctx() ctx: Context,
  ): Promise<RatingRuleType> {
    return ruleType(ctx, await rating.ratingRuleOf(ctx, parseId(areaId, 'areaId'), parseOptionalId(sessionId, 'sessionId')));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => RatingRuleType, { description: 'Sets the weights of delegates and the public in the year-end satisfaction (镇海: households 60 of 100) for an area’s congress or one session (the admins who run it). 设置满意度测评权重' })
  async setLivelihoodRatingRule(@Arg('input', () => RatingRuleInput, { description: 'The weights' }) input: RatingRuleInput, @Ctx() ctx: Context): Promise<RatingRuleType> {
    return ruleType(
      ctx,
      await rating.setRatingRule(ctx, {
        areaId: parseId(input.areaId, 'input.areaId'),
        sessionId: parseOptionalId(input.sessionId, 'input.sessionId'),
        delegateWeight: input.delegateWeight,
        publicWeight: input.publicWeight,
        satisfiedFrom: input.satisfiedFrom,
        basicFrom: input.basicFrom,
      }),
    );
  }
}

@Resolver(() => PublicSurvey)
export class PublicSurveyResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => [PublicSurvey], { description: 'Enters the public survey’s counts for projects of an open evaluation (the admins who run the congress). 录入群众满意度调查结果' })
  recordLivelihoodPublicSurvey(
    @Arg('sessionId', () => ID, { description: 'Session id' }) sessionId: string,
    @Arg('year', () => Int, { description: 'Year' }) year: number,
    @Arg('input', () => PublicSurveyInput, { description: 'The survey' }) input: PublicSurveyInput,
    @Ctx() ctx: Context,
  ): Promise<PublicSurvey[]> {
    return rating.recordPublicSurvey(
      ctx,
      parseId(sessionId, 'sessionId'),
      year,
      input.source,
      input.entries.map((e, i) => ({ projectId: parseId(e.projectId, `input.entries[${i}].projectId`), satisfied: e.satisfied, basic: e.basicallySatisfied, unsatisfied: e.unsatisfied })),
    );
  }

  @FieldResolver(() => Int, { description: 'Households answering 基本满意. 基本满意' })
  basicallySatisfied(@Root() s: PublicSurvey): number {
    return s.basic;
  }
}

@Resolver(() => EvaluationRound)
export class EvaluationRatingResolver {
  @FieldResolver(() => RatingRuleType, { description: 'The weights: those it was counted with once closed, those that hold now while open. 测评权重' })
  async ratingRule(@Root() e: EvaluationRound, @Ctx() ctx: Context): Promise<RatingRuleType> {
    const counted = evaluationResult(e);
    // Results counted before the public's part were counted by the delegates alone.
    if (counted) return ruleType(ctx, counted.rule ?? rating.DEFAULT_RULE);
    const session = await findSession(ctx, e.sessionId);
    return ruleType(ctx, await rating.ratingRuleOf(ctx, session.areaId, session.id));
  }

  @FieldResolver(() => [PublicSurvey], { description: 'The public survey’s counts entered: published once counted, to the congress’s admins while open. 群众测评录入' })
  async publicSurveys(@Root() e: EvaluationRound, @Ctx() ctx: Context): Promise<PublicSurvey[]> {
    return rating.surveysOf(ctx, e, await findSession(ctx, e.sessionId));
  }
}
