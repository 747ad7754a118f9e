import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SessionKind {
  SESSION = 'SESSION',
  API = 'API',
}

registerEnumType(SessionKind, { name: 'SessionKind', description: 'A sign-in session or an API token' });

/**
 * A bearer credential: a sign-in session (cookie or header) or an analytics API token.
 * Only the SHA-256 of the token is stored; the token itself is shown once and never again.
 */
@ObjectType('ApiToken', {
  description: 'A read-only token for an analytics tool: its own principal (an analyst), reading its area with its scopes only. API令牌',
})
@Entity('sessions')
@Index(['userId'])
@Index(['kind', 'createdByUserId'])
export class Session {
  @Field(() => ID, { description: 'Stable id of the token (not the secret). 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: SessionKind;

  @Field(() => String, { nullable: true, description: 'What the token is for, e.g. 统计局季度分析. 用途' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  name!: string | null;

  @Column({ type: 'boolean', default: false })
  readOnly!: boolean;

  /** For API tokens: what the token reads (`read:projects read:figures`, see TokenScope); empty for sessions. */
  @Column({ type: 'varchar', length: 200, default: '' })
  scopes!: string;

  /** For API tokens: the area the token reads (within its creator's scope). */
  @Column({ type: 'int', nullable: true })
  areaId!: number | null;

  @Column({ type: 'int', nullable: true })
  createdByUserId!: number | null;

  @Field({ description: 'When the token was created. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the token stops working. 到期时间' })
  @Column({ type: 'datetime', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked, if it was. 吊销时间' })
  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Last use, to the minute. 最近使用' })
  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The address the last use came from (IPv4 or IPv6). 最近使用地址' })
  @Column({ type: 'varchar', length: 45, nullable: true })
  lastIp!: string | null;

  /**
   * A sign-in session still short of a step (`TOTP`, `CHANGE_PASSWORD`, `ENROL_TOTP`): it reads
   * nothing and may only take that step; null once signed in (and for API tokens).
   */
  @Column({ type: 'varchar', length: 16, nullable: true })
  stage!: string | null;

  /** The browser or client that signed in (its User-Agent, cut to 255). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  userAgent!: string | null;

  /** The address the sign-in came from. */
  @Column({ type: 'varchar', length: 45, nullable: true })
  createdIp!: string | null;
}
