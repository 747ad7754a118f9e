import type { Fen } from '@kpd/domain';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';
import { ContractNature, ContractStatus, ProjectDocumentType, VariationKind } from './contracts.entity';

@InputType({ description: 'A document of a project, new or changed. 项目文件' })
export class ProjectDocumentInput {
  @Field(() => ID, { nullable: true, description: 'The document to change (none: a new one). 编号' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when changing. 版本' })
  version?: number | null;

  @Field(() => ProjectDocumentType, { description: 'Type. 文件类型' })
  documentType!: ProjectDocumentType;

  @Field({ description: 'Title. 文件名称' })
  @MaxLength(200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Document number. 文号' })
  @MaxLength(64)
  number?: string | null;

  @Field(() => String, { nullable: true, description: 'Issued by. 发文单位' })
  @MaxLength(128)
  issuer?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on. 印发日期' })
  issuedOn?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The document’s files, uploaded with purpose=document (a PDF or scans); they replace its files; none given: its files stay. 文件' })
  @ArrayMaxSize(10)
  fileIds?: string[] | null;
}

@InputType({ description: 'A contract of a project as signed, new or changed; later changes are variations. 合同' })
export class ProjectContractInput {
  @Field(() => ID, { nullable: true, description: 'The contract to change (none: a new one). 编号' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when changing. 版本' })
  version?: number | null;

  @Field({ description: 'Title. 合同名称' })
  @MaxLength(200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Contract number. 合同编号' })
  @MaxLength(64)
  number?: string | null;

  @Field(() => ContractNature, { description: 'What it buys. 合同类别' })
  nature!: ContractNature;

  @Field(() => ContractStatus, { description: 'Where it stands. 状态' })
  status!: ContractStatus;

  @Field(() => ID, { nullable: true, description: 'The supplier: a party of the project. 承包单位' })
  supplierPartyId?: string | null;

  @Field(() => MoneyScalar, { description: 'The value when signed, in 元. 签约金额' })
  originalValue!: Fen;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Signed on. 签订日期' })
  signedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Works start. 开始日期' })
  startDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Agreed end date. 约定完成日期' })
  originalEndDate?: string | null;
}

@InputType({ description: 'A variation of a contract: what changes, why, and the value or end date before and after. 合同变更' })
export class ContractVariationInput {
  @Field(() => VariationKind, { description: 'What it changes. 变更类型' })
  kind!: VariationKind;

  @Field(() => LocalDateScalar, { description: 'Agreed on. 变更日期' })
  date!: string;

  @Field({ description: 'Why. 变更原因' })
  @MaxLength(500)
  reason!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value changes: the value before (the current value), in 元. 变更前金额' })
  oldValue?: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value changes: the value after, in 元. 变更后金额' })
  newValue?: Fen | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Duration changes: the end date before (the current one). 变更前完成日期' })
  oldEndDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Duration changes: the end date after. 变更后完成日期' })
  newEndDate?: string | null;
}

@InputType({ description: 'A project’s completion: end date, final cost and scope, why they differ from the plan, the acceptance. 竣工登记' })
export class CompletionInput {
  @Field(() => LocalDateScalar, { description: 'Actual completion date. 竣工日期' })
  endDate!: string;

  @Field(() => MoneyScalar, { description: 'Final cost in 元. 决算投资' })
  finalCost!: Fen;

  @Field({ description: 'What was actually built. 实际建设内容' })
  @MaxLength(1000)
  finalScope!: string;

  @Field(() => String, { nullable: true, description: 'Why the cost or date differ from the plan (needed when they do). 偏差说明' })
  @MaxLength(1000)
  deviationReason?: string | null;

  @Field(() => ID, { nullable: true, description: 'The completion acceptance: a document of the project of type COMPLETION_CERTIFICATE. 竣工验收文件' })
  acceptanceDocumentId?: string | null;
}
