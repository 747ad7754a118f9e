import { ArgsType, Field } from 'type-graphql';
import { ExportFormat } from './exports.types';

@ArgsType()
export class StartExportArgs {
  @Field({ description: 'A GraphQL query selecting exactly one connection (its nodes or edges { node }); paging arguments are set by the export. 查询' })
  query!: string;

  @Field(() => String, { nullable: true, description: 'The query’s variables as a JSON object. 变量 (JSON)' })
  variables?: string | null;

  @Field(() => ExportFormat, { defaultValue: ExportFormat.CSV, description: 'The file format. 格式' })
  format!: ExportFormat;
}
