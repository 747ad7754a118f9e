import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Public } from '../../core/auth/policy';
import { parseId } from '../../core/ids';
import type { Context } from '../../core/context';
import { SupportReceiptType } from './livelihood.types';
import * as support from './support.service';

@Resolver()
export class SupportResolver {
  @Public('the public support poll is open to anyone with a mobile number, one support per number per item (余杭)')
  @Mutation(() => SupportReceiptType, {
    description: 'A member of the public supports a candidate in the session’s open support poll: one support per mobile number per item, throttled per address; advice to the delegates. 公众支持',
  })
  supportLivelihoodCandidate(
    @Arg('candidateId', () => ID, { description: 'The candidate' }) candidateId: string,
    @Arg('phone', { description: 'The supporter’s mobile number (kept only as a salted hash). 手机号码' }) phone: string,
    @Ctx() ctx: Context,
  ): Promise<SupportReceiptType> {
    return support.supportCandidate(ctx, parseId(candidateId, 'candidateId'), phone);
  }
}
