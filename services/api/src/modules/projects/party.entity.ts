import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum PartyRole {
  OWNER = 'OWNER',
  IMPLEMENTER = 'IMPLEMENTER',
  CONTRACTOR = 'CONTRACTOR',
  DESIGNER = 'DESIGNER',
  SUPERVISOR = 'SUPERVISOR',
}

registerEnumType(PartyRole, {
  name: 'PartyRole',
  description: 'What a party does for a project. 参建单位角色',
  valuesConfig: {
    OWNER: { description: 'The owner (project legal person). 建设单位（项目法人）' },
    IMPLEMENTER: { description: 'The implementing enterprise. 实施企业' },
    CONTRACTOR: { description: 'A construction contractor. 施工单位' },
    DESIGNER: { description: 'A designer. 设计单位' },
    SUPERVISOR: { description: 'A construction supervisor. 监理单位' },
  },
});

/** A party of a project (参建单位): an organisation identified by its unified social credit code. */
@ObjectType('ProjectParty', { description: 'An organisation taking part in a project, with its unified social credit code. 参建单位' })
@Entity('project_parties')
@Index(['projectId', 'role', 'creditCode'], { unique: true })
@Index(['creditCode'])
export class ProjectParty {
  @Field(() => ID, { description: 'Id. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int' })
  projectId!: number;

  @Column({ type: 'int' })
  areaId!: number;

  @Field(() => PartyRole, { description: 'Its role. 角色' })
  @Column({ type: 'varchar', length: 16 })
  role!: PartyRole;

  @Field({ description: 'Name. 单位名称' })
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Field({ description: 'Unified social credit code (GB 32100-2015). 统一社会信用代码' })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Field(() => Int, { description: 'Version, for optimistic concurrency. 版本' })
  @Column({ type: 'int' })
  version!: number;
}
