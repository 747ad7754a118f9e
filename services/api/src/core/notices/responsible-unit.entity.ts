import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { encrypted } from '../crypto/field-encryption';

/**
 * A responsible unit in an area's directory (责任单位名录): a department or company that owns problems
 * (`Problem.ownerUnit`) and usually has no account. While enabled, the deadline reminders of the
 * problems it owns in the area go out to its contact through the area's outbound channels.
 */
@ObjectType({ description: 'A responsible unit in an area’s directory: who gets its problems’ deadline reminders by SMS. 责任单位' })
@Entity('responsible_units')
@Index(['areaId', 'name'], { unique: true })
export class ResponsibleUnit {
  @Field(() => ID, { description: 'Unit number. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  /** The district or city whose directory lists it. */
  @Column({ type: 'int' })
  areaId!: number;

  @Field({ description: 'The unit’s name, as problems name their owner unit; unique in its area. 单位名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** Its contact person (GraphQL: readable by those who read contacts). */
  @Column({ type: 'varchar', length: 32 })
  contactName!: string;

  /** The contact's mobile number, encrypted at rest (GraphQL: readable by those who read contacts). */
  @Column({ type: 'varchar', length: 512, transformer: encrypted({ table: 'responsible_units', column: 'phone', property: 'phone' }) })
  phone!: string;

  @Field({ description: 'Whether it is sent its problems’ reminders. 启用' })
  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Field({ description: 'Who entered it. 录入人' })
  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @Field({ description: 'When it was entered. 录入时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;

  @Field({ description: 'When it was last changed. 修改时间' })
  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
