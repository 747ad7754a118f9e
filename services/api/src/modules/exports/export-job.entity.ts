import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ExportFormat, ExportStatus } from './exports.types';

/**
 * One bulk export: a connection query run in the background as its requester, page by page, into a
 * file readable by the requester only. The row stays after the process ends (a job still QUEUED or
 * RUNNING when its process stopped is marked FAILED by the next start).
 */
@ObjectType({ description: 'A bulk export of one connection query into a file. 批量导出任务' })
@Entity('export_jobs')
@Index(['requestedByUserId', 'status'])
export class ExportJob {
  @Field(() => ID, { description: 'Job number. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field(() => ExportStatus, { description: 'Where the job stands. 状态' })
  @Column({ type: 'varchar', length: 16 })
  status!: ExportStatus;

  @Field(() => ExportFormat, { description: 'The file format. 格式' })
  @Column({ type: 'varchar', length: 8 })
  format!: ExportFormat;

  @Field({ description: 'The GraphQL document that was exported. 查询' })
  @Column({ type: 'text' })
  query!: string;

  @Field(() => String, { nullable: true, description: 'Its variables as JSON text. 变量' })
  @Column({ type: 'text', nullable: true })
  variables!: string | null;

  @Field({ description: 'The root field of the connection that is exported, e.g. projects. 导出的列表' })
  @Column({ type: 'varchar', length: 64 })
  connection!: string;

  @Field(() => Int, { description: 'Rows written so far (the final count once DONE). 行数' })
  @Column({ type: 'int', default: 0 })
  rowCount!: number;

  @Field(() => Int, { nullable: true, description: 'The rows the list holds, when known from its totalCount. 总行数' })
  @Column({ type: 'int', nullable: true })
  totalCount!: number | null;

  @Field(() => String, { nullable: true, description: 'Why the job failed. 失败原因' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  /** The requester: a person's id, or the negative id of an API token. */
  @Column({ type: 'int' })
  requestedByUserId!: number;

  @Field({ description: 'Who asked for it. 申请人' })
  @Column({ type: 'varchar', length: 64 })
  requestedBy!: string;

  @Column({ type: 'int', nullable: true })
  areaId!: number | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  fileId!: string | null;

  @Field({ description: 'When it was asked for. 申请时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended (DONE or FAILED). 完成时间' })
  @Column({ type: 'datetime', nullable: true })
  finishedAt!: Date | null;
}
