import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { Role } from '../../core/auth/user.entity';
import { loader, type Context } from '../../core/context';
import type { Page } from '../../core/pagination';
import { Area } from '../../core/areas/area.entity';
import { caseView } from './cases.service';
import { ServiceCaseType } from './cases.types';
import {
  RateServiceCaseInput,
  RectificationStepInput,
  ServiceRatingFiguresArgs,
  ServiceRectificationsArgs,
} from './ratings.inputs';
import {
  issueRatingLink,
  listRectifications,
  publicRatingForm,
  rateServiceCase,
  ratingFigures,
  ratingView,
  recordStep,
  rectificationById,
} from './ratings.service';
import {
  PublicRatingFormType,
  RatingLinkType,
  RectificationStepType,
  ServiceRatingFigures,
  ServiceRatingType,
  ServiceRectificationConnection,
  ServiceRectificationType,
  type RatingFigureRow,
} from './ratings.types';
import { ServiceItem } from './service-item.entity';
import {
  caseLoader,
  itemLoader,
  ratingByCaseLoader,
  stepsByRectificationLoader,
  windowOf,
} from './service-items.loaders';
import { ServiceWindow } from './service-zone.entity';

@Resolver(() => ServiceRatingType)
export class ServiceRatingsResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => RatingLinkType, {
    description:
      'Issues the one-time rating link of a decided case for its applicant; issuing again replaces an unused link. 生成评价链接',
  })
  issueServiceRatingLink(
    @Arg('caseId', () => ID, { description: 'The case' }) caseId: string,
    @Ctx() ctx: Context,
  ): Promise<RatingLinkType> {
    return issueRatingLink(ctx, caseId);
  }

  @Public('the applicant opens the rating page from the link without signing in; the token is the credential (好差评)')
  @Query(() => PublicRatingFormType, {
    description: 'The case a rating link is for, and whether it is rated already; NOT_FOUND for an unknown token. 评价页面',
  })
  publicServiceRating(
    @Arg('token', { description: 'The token of the link' }) token: string,
    @Ctx() ctx: Context,
  ): Promise<PublicRatingFormType> {
    return publicRatingForm(ctx, token);
  }

  @Public('the applicant rates through the link without signing in; the token is the credential, spent once (好差评)')
  @Mutation(() => PublicRatingFormType, {
    description:
      'Rates the case of a link, once (CONFLICT after); a bad rating (1 or 2) opens its rectification. 办件评价',
  })
  rateServiceCase(
    @Arg('token', { description: 'The token of the link' }) token: string,
    @Arg('input', { description: 'The rating' }) input: RateServiceCaseInput,
    @Ctx() ctx: Context,
  ): Promise<PublicRatingFormType> {
    return rateServiceCase(ctx, token, input);
  }

  @FieldResolver(() => ServiceCaseType, { nullable: true, description: 'The case rated. 办件' })
  async case(@Root() r: ServiceRatingType, @Ctx() ctx: Context): Promise<ServiceCaseType | null> {
    const row = await loader(ctx, caseLoader).load(r.caseId);
    return row ? caseView(row) : null;
  }
}

@Resolver(() => ServiceRectificationType)
export class ServiceRectificationsResolver {
  @Authorized()
  @Query(() => ServiceRectificationConnection, {
    description: 'Rectifications of bad ratings in your scope, the nearest deadline first. 差评整改',
  })
  serviceRectifications(
    @Args() args: ServiceRectificationsArgs,
    @Ctx() ctx: Context,
  ): Promise<Page<ServiceRectificationType>> {
    return listRectifications(ctx, args);
  }

  @Authorized()
  @Query(() => ServiceRectificationType, { description: 'One rectification in your scope. 差评整改' })
  serviceRectification(
    @Arg('id', () => ID, { description: 'The rectification' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ServiceRectificationType> {
    return rectificationById(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ServiceRectificationType, {
    description:
      'Records the step a rectification waits for: verify → rectify → feedback → return visit. 整改办理',
  })
  recordRectificationStep(
    @Arg('id', () => ID, { description: 'The rectification' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version you read' }) expectedVersion: number,
    @Arg('input', { description: 'The step' }) input: RectificationStepInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceRectificationType> {
    return recordStep(ctx, id, expectedVersion, input);
  }

  @Authorized()
  @Query(() => [ServiceRatingFigures], {
    description:
      'Rating figures per district, department or window, computed by the database; rates only from the minimum sample up. 好差评指标',
  })
  serviceRatingFigures(@Args() args: ServiceRatingFiguresArgs, @Ctx() ctx: Context): Promise<RatingFigureRow[]> {
    return ratingFigures(ctx, args);
  }

  @FieldResolver(() => [RectificationStepType], { description: 'The steps recorded, oldest first. 整改记录' })
  steps(@Root() r: ServiceRectificationType, @Ctx() ctx: Context): Promise<RectificationStepType[]> {
    return loader(ctx, stepsByRectificationLoader).load(r.id);
  }

  @FieldResolver(() => ServiceRatingType, { nullable: true, description: 'The bad rating. 差评' })
  async rating(@Root() r: ServiceRectificationType, @Ctx() ctx: Context): Promise<ServiceRatingType | null> {
    const row = await loader(ctx, ratingByCaseLoader).load(r.caseId);
    return row ? ratingView(row) : null;
  }

  @FieldResolver(() => ServiceItem, { nullable: true, description: 'The item of the case. 事项' })
  item(@Root() r: ServiceRectificationType, @Ctx() ctx: Context): Promise<ServiceItem | null> {
    return loader(ctx, itemLoader).load(r.itemId);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true, description: 'The window that accepted the case. 窗口' })
  window(@Root() r: ServiceRectificationType, @Ctx() ctx: Context): Promise<ServiceWindow | null> {
    return windowOf(ctx, r.windowId);
  }

  @FieldResolver(() => Area, { nullable: true, description: 'The district. 区县' })
  district(@Root() r: ServiceRectificationType, @Ctx() ctx: Context): Area | null {
    return ctx.areas.get(r.districtId) ?? null;
  }
}

@Resolver(() => ServiceRatingFigures)
export class ServiceRatingFiguresResolver {
  @FieldResolver(() => Area, { nullable: true, description: 'The district, when grouped by district. 区县' })
  district(@Root() row: RatingFigureRow, @Ctx() ctx: Context): Area | null {
    return row.districtId === null ? null : (ctx.areas.get(row.districtId) ?? null);
  }

  @FieldResolver(() => ServiceWindow, { nullable: true, description: 'The window, when grouped by window (none: online). 窗口' })
  window(@Root() row: RatingFigureRow, @Ctx() ctx: Context): Promise<ServiceWindow | null> {
    return windowOf(ctx, row.windowId);
  }
}
