import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The service guide of one item (办事指南). The lists (materials, steps, fees, pauses, FAQ) are
 * read and written whole with the guide and never filtered on, so each is one JSON text column;
 * money inside them is kept as a string of 分 (exact). `version` rises with every save, like the item's.
 */
@Entity('service_guides')
@Index(['districtId'])
export class ServiceGuideRow {
  @PrimaryColumn({ type: 'int' })
  itemId!: number;

  @Column({ type: 'int' })
  districtId!: number;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @Column({ type: 'text' })
  conditions!: string;

  /** JSON: GuideMaterial[] */
  @Column({ type: 'text' })
  materials!: string;

  /** JSON: GuideStep[] */
  @Column({ type: 'text' })
  steps!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'varchar', length: 200 })
  hours!: string;

  /** JSON: { name, amount (分, a string), basis }[] */
  @Column({ type: 'text' })
  fees!: string;

  /** JSON: GuidePause[] */
  @Column({ type: 'text' })
  pauses!: string;

  @Column({ type: 'varchar', length: 32 })
  contactPhone!: string;

  @Column({ type: 'varchar', length: 32 })
  complaintPhone!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  complaintChannel!: string;

  /** JSON: GuideFaq[] */
  @Column({ type: 'text' })
  faq!: string;

  /** Materials the applicant hands in (not shared), kept on every save for figures. */
  @Column({ type: 'int', default: 0 })
  materialsToSubmit!: number;

  @UpdateDateColumn({ type: 'datetime' })
  updatedAt!: Date;
}
