import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, when, with the record as it was before and after. 审计日志 */
@ObjectType('AuditRecord', { description: 'One change made through the API: who, when, what, before and after. 审计记录' })
@Entity('audit_records')
@Index(['areaId', 'id'])
@Index(['entityType', 'entityId'])
@Index(['actorUserId', 'id'])
export class AuditRecord {
  @Field(() => ID, { description: 'Stable id of the record. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'When the change was committed (UTC). 时间' })
  @CreateDateColumn({ type: 'datetime' })
  at!: Date;

  @Column({ type: 'int', nullable: true })
  actorUserId!: number | null;

  @Field(() => String, { nullable: true, description: 'Username of who made the change (none for the public). 操作人' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername!: string | null;

  @Field({ description: 'What was done, e.g. project.update. 操作' })
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Field({ description: 'Kind of record changed, e.g. Project. 对象类型' })
  @Column({ type: 'varchar', length: 48 })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record changed. 对象编号' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  entityId!: string | null;

  /** The area the changed record belongs to: admins read the audit of their own scope. */
  @Column({ type: 'int', nullable: true })
  areaId!: number | null;

  @Field(() => String, { nullable: true, description: 'The record before the change, as JSON. 变更前' })
  @Column({ type: 'text', nullable: true })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'The record after the change, as JSON. 变更后' })
  @Column({ type: 'text', nullable: true })
  after!: string | null;

  @Field(() => String, { nullable: true, description: 'Request id, to find the matching log lines. 请求编号' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId!: string | null;
}
