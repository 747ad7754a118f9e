import { DOCUMENT_TYPES, type Fen } from '@kpd/domain';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { moneyColumn } from '../../core/columns';
import { bilingualValues } from '../../core/enum-values';
import { LocalDateScalar, MoneyScalar } from '../../core/scalars';

/** A document's type: the OC4IDS documentType code it is published under (the value stored). */
export enum ProjectDocumentType {
  PROJECT_PLAN = 'projectPlan',
  FEASIBILITY_STUDY = 'feasibilityStudy',
  BUDGET_APPROVAL = 'budgetApproval',
  LAND_AND_SETTLEMENT_IMPACT = 'landAndSettlementImpact',
  ENVIRONMENTAL_IMPACT = 'environmentalImpact',
  TECHNICAL_SPECIFICATIONS = 'technicalSpecifications',
  CONTRACT_SIGNED = 'contractSigned',
  PHYSICAL_PROGRESS_REPORT = 'physicalProgressReport',
  FINANCIAL_AUDIT_REPORT = 'financialAuditReport',
  COMPLETION_CERTIFICATE = 'completionCertificate',
  ILLUSTRATION = 'illustration',
}

const DOCUMENT_TYPE_ENGLISH: Record<keyof typeof ProjectDocumentType, string> = {
  PROJECT_PLAN: 'Project proposal (OC4IDS projectPlan)',
  FEASIBILITY_STUDY: 'Feasibility study report (OC4IDS feasibilityStudy)',
  BUDGET_APPROVAL: 'Project approval or investment decision (OC4IDS budgetApproval)',
  LAND_AND_SETTLEMENT_IMPACT: 'Land use and resettlement (OC4IDS landAndSettlementImpact)',
  ENVIRONMENTAL_IMPACT: 'Environmental impact assessment (OC4IDS environmentalImpact)',
  TECHNICAL_SPECIFICATIONS: 'Planning and design documents (OC4IDS technicalSpecifications)',
  CONTRACT_SIGNED: 'A signed contract (OC4IDS contractSigned)',
  PHYSICAL_PROGRESS_REPORT: 'A progress report (OC4IDS physicalProgressReport)',
  FINANCIAL_AUDIT_REPORT: 'An audit report (OC4IDS financialAuditReport)',
  COMPLETION_CERTIFICATE: 'Completion acceptance (OC4IDS completionCertificate)',
  ILLUSTRATION: 'Site photos, e.g. close-out evidence (OC4IDS illustration)',
};

registerEnumType(ProjectDocumentType, {
  name: 'ProjectDocumentType',
  description: 'A document’s type, published as its OC4IDS documentType code. 文件类型',
  valuesConfig: bilingualValues(
    DOCUMENT_TYPE_ENGLISH,
    Object.fromEntries(Object.entries(ProjectDocumentType).map(([k, code]) => [k, DOCUMENT_TYPES[code]])) as Record<keyof typeof ProjectDocumentType, string>,
  ),
});

export enum ContractNature {
  DESIGN = 'design',
  CONSTRUCTION = 'construction',
  SUPERVISION = 'supervision',
}
registerEnumType(ContractNature, {
  name: 'ContractNature',
  description: 'What a contract buys (OC4IDS contractNature). 合同类别',
  valuesConfig: bilingualValues({ DESIGN: 'Design', CONSTRUCTION: 'Construction works', SUPERVISION: 'Construction supervision' }, { DESIGN: '设计', CONSTRUCTION: '施工', SUPERVISION: '监理' }),
});

export enum ContractStatus {
  PRE_AWARD = 'pre-award',
  ACTIVE = 'active',
  CLOSED = 'closed',
}
registerEnumType(ContractStatus, {
  name: 'ContractStatus',
  description: 'Where a contracting process stands (OC4IDS contractingProcessStatus). 合同状态',
  valuesConfig: bilingualValues({ PRE_AWARD: 'Being tendered', ACTIVE: 'Signed and running', CLOSED: 'Finished' }, { PRE_AWARD: '招标中', ACTIVE: '履行中', CLOSED: '已结束' }),
});

export enum VariationKind {
  VALUE = 'value',
  DURATION = 'duration',
  SCOPE = 'scope',
}
registerEnumType(VariationKind, {
  name: 'VariationKind',
  description: 'What a contract variation changes (OC4IDS modificationType). 变更类型',
  valuesConfig: bilingualValues({ VALUE: 'The contract value', DURATION: 'The end date', SCOPE: 'The scope of work' }, { VALUE: '金额变更', DURATION: '工期变更', SCOPE: '内容变更' }),
});

/** A typed document of a project (项目文件): an approval, a report, a contract, evidence, with its number, issuer and date. */
@ObjectType('ProjectDocument', { description: 'A typed document of a project: approval, report, contract or evidence. 项目文件' })
@Entity('project_documents')
@Index(['projectId', 'documentType'])
export class ProjectDocument {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => ProjectDocumentType, { description: 'Type. 文件类型' })
  @Column({ type: 'varchar', length: 40 })
  documentType!: ProjectDocumentType;

  @Field({ description: 'Title. 文件名称' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Document number, e.g. 沈发改审批〔2020〕12号. 文号' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'Issued by. 发文单位' })
  @Column({ type: 'varchar', length: 128, nullable: true })
  issuer!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Issued on. 印发日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  issuedOn!: string | null;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;

  @Field({ description: 'When it was filed. 登记时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}

/** A contracting process of a project (合同): design, works or supervision, with its supplier and value. */
@ObjectType('ProjectContract', { description: 'A contracting process of a project with its supplier, value and variations. 合同' })
@Entity('project_contracts')
@Index(['projectId'])
export class ProjectContract {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Title. 合同名称' })
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Contract number. 合同编号' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  number!: string | null;

  @Field(() => ContractNature, { description: 'What it buys. 合同类别' })
  @Column({ type: 'varchar', length: 16 })
  nature!: ContractNature;

  @Field(() => ContractStatus, { description: 'Where it stands. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ContractStatus;

  /** The supplier: a party of the same project (参建单位). */
  @Column({ type: 'int', nullable: true })
  supplierPartyId!: number | null;

  @Field(() => MoneyScalar, { description: 'The value when signed, in 元. 签约金额' })
  @Column(moneyColumn)
  originalValue!: Fen;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Signed on. 签订日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  signedOn!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Works start. 开始日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Agreed end date when signed. 约定完成日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  originalEndDate!: string | null;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;
}

/** A variation of a contract (合同变更): what changed, why, and the value or end date before and after. */
@ObjectType('ContractVariation', { description: 'A variation of a contract with its reason and the value or end date before and after. 合同变更' })
@Entity('contract_variations')
@Index(['contractId', 'seq'], { unique: true })
export class ContractVariation {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  contractId!: number;

  @Column({ type: 'int' })
  projectId!: number;

  /** The variation's place in its contract's order (1, 2, …); unique, so two at once cannot both start from the same terms. */
  @Field(() => Int, { description: 'Its number within the contract. 序号' })
  @Column({ type: 'int' })
  seq!: number;

  @Field(() => VariationKind, { description: 'What it changes. 变更类型' })
  @Column({ type: 'varchar', length: 16 })
  kind!: VariationKind;

  @Field(() => LocalDateScalar, { description: 'Agreed on. 变更日期' })
  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @Field({ description: 'Why. 变更原因' })
  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value before, in 元. 变更前金额' })
  @Column({ ...moneyColumn, nullable: true })
  oldValue!: Fen | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Value after, in 元. 变更后金额' })
  @Column({ ...moneyColumn, nullable: true })
  newValue!: Fen | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End date before. 变更前完成日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  oldEndDate!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'End date after. 变更后完成日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  newEndDate!: string | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it. 登记人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  recordedBy!: string | null;
}

/** The completion record of a project (竣工): actual end date, final cost and scope, why they differ from the plan, the acceptance document. */
@ObjectType('ProjectCompletion', { description: 'A project’s completion record: end date, final cost and scope, deviations and acceptance. 竣工信息' })
@Entity('project_completions')
@Index(['projectId'], { unique: true })
export class ProjectCompletion {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => LocalDateScalar, { description: 'Actual completion date. 竣工日期' })
  @Column({ type: 'varchar', length: 10 })
  endDate!: string;

  @Field(() => MoneyScalar, { description: 'Final cost in 元. 决算投资' })
  @Column(moneyColumn)
  finalCost!: Fen;

  @Field({ description: 'What was actually built. 实际建设内容' })
  @Column({ type: 'varchar', length: 1000 })
  finalScope!: string;

  @Field({ description: 'Why the cost, date or scope differ from the plan (empty when they do not). 偏差说明' })
  @Column({ type: 'varchar', length: 1000 })
  deviationReason!: string;

  /** The completion acceptance (竣工验收), a document of the project. */
  @Column({ type: 'int', nullable: true })
  acceptanceDocumentId!: number | null;

  @Field(() => String, { nullable: true, description: 'Who recorded it. 登记人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  recordedBy!: string | null;

  @Field({ description: 'When it was recorded. 登记时间' })
  @CreateDateColumn({ type: 'datetime' })
  recordedAt!: Date;
}
