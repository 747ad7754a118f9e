import { Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root, Arg } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../core/context';
import { ExportJob } from './export-job.entity';
import { StartExportArgs } from './exports.inputs';
import { exportJob, exportJobs, startExport } from './exports.service';

@Resolver(() => ExportJob)
export class ExportsResolver {
  @Authorized()
  @Mutation(() => ExportJob, {
    description:
      'Exports every row of one connection query into a CSV, XLSX or JSON Lines file, in the background, as you: the same scope and (for a token) the same scopes. Poll exportJob for its status and download link. 批量导出',
  })
  startExport(@Args() args: StartExportArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<ExportJob> {
    // The export runs its query through this very schema and its resolvers.
    return startExport(ctx, info.schema, args);
  }

  @Authorized()
  @Query(() => ExportJob, { description: 'One of your bulk exports: status, rows and download link. 导出任务' })
  exportJob(@Arg('id', () => ID, { description: 'The job’s number. 编号' }) id: string, @Ctx() ctx: Context): Promise<ExportJob> {
    return exportJob(ctx, id);
  }

  @Authorized()
  @Query(() => [ExportJob], { description: 'Your last 50 bulk exports, newest first. 我的导出任务' })
  exportJobs(@Ctx() ctx: Context): Promise<ExportJob[]> {
    return exportJobs(ctx);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Where to download the file once DONE (the requester only). 下载地址' })
  downloadUrl(@Root() job: ExportJob): string | null {
    return job.fileId ? `/api/files/${job.fileId}` : null;
  }
}
