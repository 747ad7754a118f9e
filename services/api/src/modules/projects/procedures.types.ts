import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../core/scalars';
import { ProcedureNode, ProcedureType } from './procedure.entity';

@ObjectType({ description: 'How a node stands on a day: due, taken, overdue. 手续时效' })
export class ProcedureTiming {
  @Field(() => Int, { nullable: true, description: 'Working days from the request to approval, or to today while in progress. 已用工作日' })
  workingDaysTaken!: number | null;

  @Field({ description: 'In progress past its promised due date. 逾期' })
  overdue!: boolean;

  @Field(() => Int, { description: 'Working days past the due date (0 when not overdue). 逾期工作日' })
  daysOverdue!: number;

  @Field({ description: 'Approved later than promised. 超时办结' })
  approvedLate!: boolean;
}

@ObjectType({ description: 'A project’s pre-construction procedures as a chain, with the node that holds it up. 前期手续链' })
export class ProcedureChain {
  @Field(() => [ProcedureNode], { description: 'The nodes, in chain order. 手续节点' })
  nodes!: ProcedureNode[];

  @Field(() => ProcedureNode, { nullable: true, description: 'The node that holds the project up (most overdue, else in progress and due first, else next to apply for); null when done or not started. 卡点手续' })
  heldBy!: ProcedureNode | null;

  @Field(() => [String], { description: 'Codes of the nodes the project waits on now (every predecessor done). 当前办理中的手续' })
  frontier!: string[];

  @Field({ description: 'Every node approved or not required. 手续齐全' })
  complete!: boolean;

  @Field(() => Int, { description: 'The chain’s total: the critical path of promised limits, in working days (parallel nodes count once). 总承诺时限（工作日）' })
  totalPromisedDays!: number;

  @Field(() => LocalDateScalar, { description: 'The day the figures are computed for. 计算日期' })
  today!: string;
}

@ObjectType({ description: 'A city’s procedure template with its total against the construction-approval limit. 前期手续模板' })
export class ProcedureTemplate {
  @Field(() => ID, { description: 'The city. 城市' })
  cityId!: number;

  @Field({ description: 'The city’s name. 城市名称' })
  cityName!: string;

  @Field(() => [ProcedureType], { description: 'The types, in chain order. 手续事项' })
  types!: ProcedureType[];

  @Field(() => Int, { description: 'The critical path of promised limits, in working days. 总承诺时限（工作日）' })
  totalPromisedDays!: number;

  @Field(() => Int, { description: 'The critical path of legal limits, in working days. 总法定时限（工作日）' })
  totalLegalDays!: number;

  @Field(() => [String], { description: 'Codes on the promised critical path. 关键路径' })
  criticalPath!: string[];

  @Field(() => Int, { description: 'The construction-approval limit the total is held to (50 working days, report 000). 审批时限要求（工作日）' })
  limitDays!: number;

  @Field({ description: 'The total is within the limit. 符合时限要求' })
  withinLimit!: boolean;
}

@ObjectType({ description: 'A department’s procedures in an area: open, overdue, projects it blocks. 部门手续办理情况' })
export class ProcedureDepartmentRow {
  @Field({ description: 'The department. 审批部门' })
  department!: string;

  @Field(() => Int, { description: 'Nodes in progress. 办理中' })
  inProgress!: number;

  @Field(() => Int, { description: 'Nodes in progress past their due date. 逾期手续' })
  overdue!: number;

  @Field(() => Int, { description: 'Projects with an overdue node of the department (held up by it). 卡住的项目' })
  blockedProjects!: number;
}

@ObjectType({ description: 'One procedure across an area’s projects: how long it took against its limits. 手续用时' })
export class ProcedureTypeRow {
  @Field({ description: 'Code. 代码' })
  code!: string;

  @Field({ description: 'Name. 手续名称' })
  name!: string;

  @Field({ description: 'The issuing department. 审批部门' })
  department!: string;

  @Field(() => Int, { nullable: true, description: 'Promised limit in working days (the largest among the nodes). 承诺时限' })
  promisedDays!: number | null;

  @Field(() => Int, { nullable: true, description: 'Legal limit in working days (the largest among the nodes). 法定时限' })
  legalDays!: number | null;

  @Field(() => Int, { description: 'Approved nodes. 已办结' })
  approved!: number;

  @Field(() => Float, { nullable: true, description: 'Average working days from request to approval (null: none approved). 平均用时（工作日）' })
  averageDays!: number | null;

  @Field(() => Int, { description: 'Approved later than promised. 超时办结' })
  approvedLate!: number;

  @Field(() => Int, { description: 'In progress past their due date. 逾期' })
  overdue!: number;
}

@ObjectType({ description: 'Pre-construction procedure figures of an area, computed by the database. 前期手续统计' })
export class ProcedureFigures {
  @Field(() => ID, { description: 'The area. 区划' })
  areaId!: number;

  @Field(() => LocalDateScalar, { description: 'The day overdue is judged on. 统计日期' })
  today!: string;

  @Field(() => Int, { description: 'Projects with a procedure chain. 有手续链的项目' })
  projects!: number;

  @Field(() => Int, { description: 'Projects held up by an overdue node. 手续逾期项目' })
  blockedProjects!: number;

  @Field(() => Int, { description: 'Overdue nodes. 逾期手续' })
  overdueNodes!: number;

  @Field(() => [ProcedureDepartmentRow], { description: 'By department, most overdue first. 按部门' })
  byDepartment!: ProcedureDepartmentRow[];

  @Field(() => [ProcedureTypeRow], { description: 'By procedure, in chain order. 按手续' })
  byType!: ProcedureTypeRow[];

  @Field(() => ProcedureTemplate, { description: 'The city’s template and its total against the construction-approval limit. 城市模板' })
  template!: ProcedureTemplate;
}
