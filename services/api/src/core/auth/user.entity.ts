import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

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

  @Field({ description: 'When the account was created. 创建时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
