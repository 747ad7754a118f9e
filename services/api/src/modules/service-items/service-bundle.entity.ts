import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A "一件事" bundle of a district: items of several departments done as one application. */
@Entity('service_bundles')
@Index(['districtId', 'name'], { unique: true })
export class ServiceBundle {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description!: string;

  /** A cap on the combined promised limit in working days (工程建设项目审批 ≤ 50); null: none. */
  @Column({ type: 'int', nullable: true })
  limitDays!: number | null;

  /** Its parts outside the district's catalogue (BundlePart[] as JSON: tax office, seal filing, bank…); null: none. */
  @Column({ type: 'text', nullable: true })
  parts!: string | null;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}

/** An item of a bundle and the stage it runs in (items of a stage side by side, stages in turn). */
@Entity('service_bundle_items')
@Index(['bundleId', 'itemId'], { unique: true })
@Index(['itemId'])
export class ServiceBundleItem {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  bundleId!: number;

  @Column({ type: 'int' })
  itemId!: number;

  @Column({ type: 'int' })
  stage!: number;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
