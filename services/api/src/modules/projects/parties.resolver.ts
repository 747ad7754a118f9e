import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { ProjectParty } from './party.entity';
import { ProjectPartyInput } from './parties.inputs';
import { partiesOf, removeProjectParty, saveProjectParty } from './parties.service';
import { Project } from './project.entity';

@Resolver(() => ProjectParty)
export class PartiesResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectParty, { description: 'Adds or changes a party of a project, its unified social credit code checked; an admin of the project’s area. 登记参建单位' })
  saveProjectParty(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => ProjectPartyInput, { description: 'The party' }) input: ProjectPartyInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectParty> {
    return saveProjectParty(ctx, projectId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Removes a party from a project; an admin of the project’s area. 删除参建单位' })
  removeProjectParty(@Arg('id', () => ID, { description: 'The party' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return removeProjectParty(ctx, id);
  }
}

@Resolver(() => Project)
export class ProjectPartiesResolver {
  @FieldResolver(() => [ProjectParty], { complexity: 5, description: 'The organisations taking part. 参建单位' })
  parties(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectParty[]> {
    return partiesOf(ctx, project);
  }
}
