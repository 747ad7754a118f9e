import type { Fen } from '@kpd/domain';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../core/auth/user.entity';
import type { Context } from '../../core/context';
import { StoredFile } from '../../core/files';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { ContractVariation, ProjectCompletion, ProjectContract, ProjectDocument } from './contracts.entity';
import { CompletionInput, ContractVariationInput, ProjectContractInput, ProjectDocumentInput } from './contracts.inputs';
import {
  acceptanceOf, addContractVariation, completeProject, completionOf, contractsOf, currentTerms, documentsOf, filesOfDocument, removeProjectDocument, saveProjectContract, saveProjectDocument, supplierOf, variationsOf,
} from './contracts.service';
import { ProjectParty } from './party.entity';
import { Project } from './project.entity';

@Resolver(() => ProjectDocument)
export class ContractsResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectDocument, { description: 'Files or changes a typed document of a project; an admin of the project’s area. 登记项目文件' })
  saveProjectDocument(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => ProjectDocumentInput, { description: 'The document' }) input: ProjectDocumentInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectDocument> {
    return saveProjectDocument(ctx, projectId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Removes a document of a project (not its completion acceptance); an admin of the project’s area. 删除项目文件' })
  removeProjectDocument(@Arg('id', () => ID, { description: 'The document' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return removeProjectDocument(ctx, id);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectContract, { description: 'Records or changes a contract of a project as signed; an admin of the project’s area. 登记合同' })
  saveProjectContract(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => ProjectContractInput, { description: 'The contract' }) input: ProjectContractInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectContract> {
    return saveProjectContract(ctx, projectId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ContractVariation, { description: 'Records a variation of a contract with its reason, starting from the terms as they stand; an admin of the project’s area. 登记合同变更' })
  addContractVariation(
    @Arg('contractId', () => ID, { description: 'The contract' }) contractId: string,
    @Arg('input', () => ContractVariationInput, { description: 'The variation' }) input: ContractVariationInput,
    @Ctx() ctx: Context,
  ): Promise<ContractVariation> {
    return addContractVariation(ctx, contractId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ProjectCompletion, { description: 'Records a project’s completion (or corrects it) and moves it to COMPLETED; an admin of the project’s area. 竣工登记' })
  completeProject(
    @Arg('projectId', () => ID, { description: 'The project' }) projectId: string,
    @Arg('input', () => CompletionInput, { description: 'The completion record' }) input: CompletionInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectCompletion> {
    return completeProject(ctx, projectId, input);
  }
}

@Resolver(() => ProjectContract)
export class ProjectContractFieldsResolver {
  @FieldResolver(() => ProjectParty, { nullable: true, description: 'The supplier. 承包单位' })
  supplier(@Root() c: ProjectContract, @Ctx() ctx: Context): Promise<ProjectParty | null> {
    return supplierOf(ctx, c);
  }

  @FieldResolver(() => [ContractVariation], { complexity: 5, description: 'Its variations, in order. 合同变更' })
  variations(@Root() c: ProjectContract, @Ctx() ctx: Context): Promise<ContractVariation[]> {
    return variationsOf(ctx, c);
  }

  @FieldResolver(() => MoneyScalar, { description: 'The value after its variations, in 元. 现行金额' })
  async currentValue(@Root() c: ProjectContract, @Ctx() ctx: Context): Promise<Fen> {
    return (await currentTerms(ctx, c)).value;
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: 'The end date after its variations. 现行完成日期' })
  async currentEndDate(@Root() c: ProjectContract, @Ctx() ctx: Context): Promise<string | null> {
    return (await currentTerms(ctx, c)).endDate;
  }
}

@Resolver(() => ProjectDocument)
export class ProjectDocumentFieldsResolver {
  @FieldResolver(() => [StoredFile], { description: 'The document’s files (a PDF or scans), each at /api/files/<id>. 文件' })
  files(@Root() d: ProjectDocument, @Ctx() ctx: Context): Promise<StoredFile[]> {
    return filesOfDocument(ctx, d);
  }
}

@Resolver(() => ProjectCompletion)
export class ProjectCompletionFieldsResolver {
  @FieldResolver(() => ProjectDocument, { nullable: true, description: 'The completion acceptance document. 竣工验收文件' })
  acceptance(@Root() c: ProjectCompletion, @Ctx() ctx: Context): Promise<ProjectDocument | null> {
    return acceptanceOf(ctx, c);
  }
}

@Resolver(() => Project)
export class ProjectContractsResolver {
  @FieldResolver(() => [ProjectDocument], { complexity: 5, description: 'Its documents by type. 项目文件' })
  documents(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectDocument[]> {
    return documentsOf(ctx, project);
  }

  @FieldResolver(() => [ProjectContract], { complexity: 5, description: 'Its contracts with their variations. 合同' })
  contracts(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectContract[]> {
    return contractsOf(ctx, project);
  }

  @FieldResolver(() => ProjectCompletion, { nullable: true, description: 'Its completion record, once completed. 竣工信息' })
  completion(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectCompletion | null> {
    return completionOf(ctx, project);
  }
}
