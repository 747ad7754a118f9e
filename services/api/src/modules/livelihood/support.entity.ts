import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One member of the public's support for one candidate in a session's public support poll
 * (征集与初选, 余杭): the supporter is kept only as a salted hash of the phone number given, and the
 * unique key (candidate, supporter) refuses a second support of the same item.
 */
@Entity('livelihood_supports')
@Index(['candidateId', 'supporterHash'], { unique: true })
@Index(['sessionId', 'candidateId'])
export class SupportEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  sessionId!: number;

  @Column({ type: 'int' })
  candidateId!: number;

  /** SHA-256 of the session's salt and the phone number. */
  @Column({ type: 'varchar', length: 64 })
  supporterHash!: string;

  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
