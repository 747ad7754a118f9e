import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { LocalDateScalar } from '../../core/scalars';
import { quantityColumn, type Milli } from './quantity';

/**
 * A sub-item of a livelihood project (分项目, 湖州): a part delivered in one place with its own
 * target and progress, evaluated by the delegation (代表团) of that place.
 */
@ObjectType('LivelihoodSubItem', { description: 'A sub-item of a livelihood project with its own target and progress, evaluated by one delegation (湖州). 分项目' })
@Entity('livelihood_sub_items')
@Index(['projectId', 'position'])
export class SubItem {
  @Field(() => ID, { description: 'Id of the sub-item. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => Int, { description: 'Order within the project. 序号' })
  @Column({ type: 'int' })
  position!: number;

  @Field({ description: 'Name, e.g. 海州区老旧小区改造60万平方米. 分项目名称' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'The delegation (代表团) that evaluates it, as on the roster, e.g. 海州区代表团. 评议代表团' })
  @Column({ type: 'varchar', length: 64 })
  delegation!: string;

  @Column({ ...quantityColumn })
  targetQuantity!: Milli;

  @Column({ ...quantityColumn })
  doneQuantity!: Milli;

  @Field({ description: 'Unit of the target. 单位' })
  @Column({ type: 'varchar', length: 32 })
  unit!: string;

  @Field(() => String, { nullable: true, description: 'The latest progress reported. 最新进展' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  progressNote!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When progress was last reported. 报送日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  progressOn!: string | null;

  /** SATISFIED, BASICALLY_SATISFIED or UNSATISFIED, once the delegation has evaluated it. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  rating!: string | null;

  @Field(() => String, { nullable: true, description: 'The delegation’s remarks with its rating. 评议意见' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  ratingNote!: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'When the delegation rated it. 评议日期' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  ratedOn!: string | null;

  @Column({ type: 'int', nullable: true })
  ratedByUserId!: number | null;
}
