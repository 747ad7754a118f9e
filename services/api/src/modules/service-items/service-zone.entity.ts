import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A functional zone of a district's single-window hall (一窗受理 功能区). */
@ObjectType({ description: 'A functional zone of the single-window hall. 综合受理功能区' })
@Entity('service_zones')
@Index(['districtId', 'sortOrder'])
export class ServiceZone {
  @Field(() => ID, { description: 'Stable id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Field({ description: 'Name, e.g. 不动产交易服务区. 名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field(() => Int, { description: 'Order in the hall. 排序' })
  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}

/** A window (counter) of a zone. */
@ObjectType({ description: 'A window of a zone. 窗口' })
@Entity('service_windows')
@Index(['zoneId', 'number'], { unique: true })
export class ServiceWindow {
  @Field(() => ID, { description: 'Stable id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  zoneId!: number;

  @Field({ description: 'Window number, e.g. A03. 窗口号' })
  @Column({ type: 'varchar', length: 16 })
  number!: string;

  @Field(() => String, { nullable: true, description: 'What the window handles. 窗口名称' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  name!: string | null;
}

/**
 * The district's figures before the single-window reform, against which "after" is measured:
 * the windows the hall had then (materials before are kept per item).
 */
@ObjectType({ description: 'The state before the single-window reform, to measure against. 改革前基数' })
@Entity('service_baselines')
export class ServiceBaseline {
  @PrimaryColumn({ type: 'int' })
  districtId!: number;

  @Field({ description: 'When the baseline was taken. 基数日期' })
  @Column({ type: 'date' })
  takenOn!: string;

  @Field(() => Int, { description: 'Windows in the hall before the reform. 改革前窗口数' })
  @Column({ type: 'int' })
  windowsBefore!: number;
}
