import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum AreaLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  TOWNSHIP = 'TOWNSHIP',
}

export enum AreaKind {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  DEMONSTRATION_ZONE = 'DEMONSTRATION_ZONE',
  URBAN_DISTRICT = 'URBAN_DISTRICT',
  COUNTY = 'COUNTY',
  COUNTY_LEVEL_CITY = 'COUNTY_LEVEL_CITY',
  DEVELOPMENT_ZONE = 'DEVELOPMENT_ZONE',
  TOWN = 'TOWN',
  TOWNSHIP = 'TOWNSHIP',
  SUBDISTRICT = 'SUBDISTRICT',
}

registerEnumType(AreaLevel, {
  name: 'AreaLevel',
  description: 'Where an area stands in the tree: province → city → district/county/zone → township. 层级',
  valuesConfig: {
    PROVINCE: { description: 'Province level. 省' },
    CITY: { description: 'City level (including zones under the province). 市（含省直管示范区）' },
    DISTRICT: { description: 'District level: districts, counties, county-level cities, development zones. 区、县、县级市、开发区' },
    TOWNSHIP: { description: 'Township level: towns, townships, subdistricts. 镇、乡、街道' },
  },
});

registerEnumType(AreaKind, {
  name: 'AreaKind',
  description: 'What kind of administrative area it is. 区划类型',
  valuesConfig: {
    PROVINCE: { description: 'Province. 省' },
    CITY: { description: 'Prefecture-level city. 地级市' },
    DEMONSTRATION_ZONE: { description: 'Demonstration zone. 示范区' },
    URBAN_DISTRICT: { description: 'Urban district. 市辖区' },
    COUNTY: { description: 'County (including autonomous counties). 县（含自治县）' },
    COUNTY_LEVEL_CITY: { description: 'County-level city. 县级市' },
    DEVELOPMENT_ZONE: { description: 'Development zone or high-tech zone. 开发区、高新区' },
    TOWN: { description: 'Town. 镇' },
    TOWNSHIP: { description: 'Township. 乡' },
    SUBDISTRICT: { description: 'Subdistrict. 街道' },
  },
});

@ObjectType('Area', { description: 'An administrative area: province, city, district/county/zone or township. 行政区划' })
@Entity('areas')
@Index(['parentId', 'sortOrder'])
@Index(['path'])
@Index(['level'])
export class Area {
  @Field(() => ID, { description: 'Stable id of the area. 编号' })
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'int', nullable: true })
  parentId!: number | null;

  @Field(() => AreaLevel, { description: 'Level in the tree. 层级' })
  @Column({ type: 'varchar', length: 16 })
  level!: AreaLevel;

  @Field(() => AreaKind, { description: 'Kind of area. 类型' })
  @Column({ type: 'varchar', length: 24 })
  kind!: AreaKind;

  @Field({ description: 'Official name, e.g. 苏家屯区. 名称' })
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Administrative division code (行政区划代码), e.g. 210111; none for zones without one',
  })
  @Column({ type: 'varchar', length: 12, nullable: true, unique: true })
  code!: string | null;

  /** Ids from the root down to this area, e.g. "/1/2/9/": "under X" is a prefix match. */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  @Column({ type: 'int', default: 0 })
  sortOrder!: number;
}
