import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One thing wrong in an imported sheet: where, and why. 导入问题' })
export class ImportProblem {
  @Field(() => Int, { description: 'Row number as the spreadsheet shows it (0: the file itself). 行号' })
  row!: number;

  @Field({ description: 'Column letter, e.g. C; empty when the problem is not one cell’s. 列' })
  column!: string;

  @Field({ description: 'The column’s header, e.g. 实际完成投资. 列名' })
  header!: string;

  @Field({ description: 'Why the cell or row was refused. 原因' })
  reason!: string;
}

@ObjectType({ description: 'What an import found and did. A dry run writes nothing; a commit writes every row or none. 导入结果' })
export class ImportResult {
  @Field({ description: 'True when only checked, nothing written. 试导入' })
  dryRun!: boolean;

  @Field(() => Int, { description: 'Data rows in the sheet. 总行数' })
  totalRows!: number;

  @Field(() => Int, { description: 'Rows without any problem. 有效行数' })
  validRows!: number;

  @Field(() => Int, { description: 'Records created by the commit. 新增' })
  created!: number;

  @Field(() => Int, { description: 'Records updated by the commit. 更新' })
  updated!: number;

  @Field({ description: 'True when the rows were written. 已提交' })
  committed!: boolean;

  @Field(() => [ImportProblem], { description: 'Every problem found, by row and column. 问题清单' })
  problems!: ImportProblem[];
}
