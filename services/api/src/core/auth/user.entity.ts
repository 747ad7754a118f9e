import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../crypto/field-encryption';

export enum Role {
  ADMIN = 'ADMIN',
  SECRETARY = 'SECRETARY',
  DELEGATE = 'DELEGATE',
  ANALYST = 'ANALYST',
  EVALUATOR = 'EVALUATOR',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'What a signed-in user may do; the area they are scoped to says where. 角色',
  valuesConfig: {
    ADMIN: { description: 'Administrator of a province, city or district (发改委/发改局/督查)' },
    SECRETARY: { description: 'Service secretary or responsible unit reporting for its projects (服务秘书)' },
    DELEGATE: { description: "People's-congress delegate (人大代表)" },
    ANALYST: { description: 'Read-only analyst or analytics tool (分析员，只读)' },
    EVALUATOR: { description: 'Third-party evaluator of service secretaries (第三方评估)' },
  },
});

@ObjectType('User', { description: 'A person or tool that signs in. 用户' })
@Entity('users')
@Index(['areaId'])
export class User {
  @Field(() => ID, { description: 'Stable id of the account. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Sign-in name, lower case, e.g. admin.sujiatun. 用户名' })
  @Column({ type: 'varchar', length: 64, unique: true })
  username!: string;

  @Field({ description: 'Name shown in the admin. 显示名' })
  @Column({ type: 'varchar', length: 64 })
  displayName!: string;

  /** scrypt$N$r$p$salt$hash — never selected into GraphQL. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash!: string;

  @Field(() => Role, { description: 'What the account may do. 角色' })
  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The area this user's scope covers (everything under it). */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'Whether the account may sign in. 启用' })
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'int', default: 0 })
  failedLogins!: number;

  @Field(() => Date, { nullable: true, description: 'Sign-in refused until this time after repeated failures. 锁定至' })
  @Column({ type: 'datetime', nullable: true })
  lockedUntil!: Date | null;

  /** The confirmed TOTP secret (base32, encrypted at rest); null until a second factor is enrolled. Never selected into GraphQL. */
  @Column({ type: 'varchar', length: 255, nullable: true, transformer: encrypted({ table: 'users', column: 'totp_secret', property: 'totpSecret' }) })
  totpSecret!: string | null;

  /** A secret shown for enrolment and not yet confirmed with a code from it (encrypted at rest). */
  @Column({ type: 'varchar', length: 255, nullable: true, transformer: encrypted({ table: 'users', column: 'totp_pending_secret', property: 'totpPendingSecret' }) })
  totpPendingSecret!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the second factor (TOTP) was enrolled; null: none. 两步验证启用时间' })
  @Column({ type: 'datetime', nullable: true })
  totpEnabledAt!: Date | null;

  /** The last TOTP step accepted: a code of this step or an earlier one is refused (no replay). */
  @Column({ type: 'int', nullable: true })
  totpLastStep!: number | null;

  /** When the password was last set; null for accounts older than the password policy (their creation counts). */
  @Column({ type: 'datetime', nullable: true })
  passwordChangedAt!: Date | null;

  @Field({ description: 'The password was set by an admin (or has run out): the next sign-in must change it. 须修改密码' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** The hashes of the previous passwords, newest first (JSON), for PASSWORD_HISTORY. Never selected into GraphQL. */
  @Column({ type: 'text', nullable: true })
  passwordHistory!: string | null;

  @Field({ description: 'When the account was created. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
