import { ArrayMaxSize, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import { ProcedureState } from './procedure.entity';

@InputType({ description: 'A procedure type of the city’s template, new or changed. 前期手续事项' })
export class ProcedureTypeInput {
  @Field(() => ID, { nullable: true, description: 'The type to change (none: a new type). 编号' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The version read, when changing (a stale one is refused with CONFLICT). 版本' })
  version?: number | null;

  @Field({ description: 'Code, unique in the city: capitals, digits, underscore (e.g. SGXK). 代码' })
  @MaxLength(32)
  code!: string;

  @Field({ description: 'Name. 手续名称' })
  @MaxLength(100)
  name!: string;

  @Field({ description: 'The issuing department. 审批部门' })
  @MaxLength(100)
  department!: string;

  @Field(() => Int, { description: 'Legal time limit in working days. 法定时限（工作日）' })
  @Min(0)
  @Max(1000)
  legalDays!: number;

  @Field(() => Int, { description: 'Promised time limit in working days (at most the legal one). 承诺时限（工作日）' })
  @Min(0)
  @Max(1000)
  promisedDays!: number;

  @Field(() => [String], { description: 'Codes of the types approved before it (none: it can start at once). 前置手续' })
  @ArrayMaxSize(20)
  predecessors!: string[];

  @Field(() => Int, { nullable: true, description: 'Order in the chain view (default: last). 排序' })
  sortOrder?: number | null;
}

@InputType({ description: 'A change to a project’s procedure node. 前期手续办理情况' })
export class ProcedureNodeInput {
  @Field(() => Int, { description: 'The version read (a stale one is refused with CONFLICT). 版本' })
  version!: number;

  @Field(() => ProcedureState, { description: 'Where it stands. 状态' })
  state!: ProcedureState;

  @Field({ description: 'The unit that applies for it and follows it. 责任单位' })
  @MaxLength(128)
  ownerUnit!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was applied for (needed once in progress). 申报日期' })
  requestedDate?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day it was approved (needed once approved). 批复日期' })
  approvedDate?: string | null;

  @Field(() => String, { nullable: true, description: 'The approval document’s number (needed once approved). 批复文号' })
  @MaxLength(100)
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes. 备注' })
  @MaxLength(500)
  note?: string | null;
}
