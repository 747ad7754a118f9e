import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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

  /**
   * The record's place in the audit chain, set when the sealing job chains it (null until then).
   * Sealing order, not id order: a transaction that commits late is sealed late.
   */
  @Field(() => Int, { nullable: true, description: 'Place in the audit hash chain; empty until sealed (within a minute). 链序号' })
  @Index({ unique: true })
  @Column({ type: 'int', nullable: true })
  chainSeq!: number | null;

  /** SHA-256 (hex) of the previous record's chain hash and this record's content: an edit breaks every later link. */
  @Field(() => String, { nullable: true, description: 'SHA-256 of the previous link and this record. 链哈希' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  chainHash!: string | null;
}

/**
 * The head of the audit chain: the last sealed record's place and hash. Row id 1; the sealing job
 * locks it, so several processes sealing at once chain each record once. Row id 2, once records have
 * been archived and pruned, holds the last archived record's place and hash: the kept chain's start.
 */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
