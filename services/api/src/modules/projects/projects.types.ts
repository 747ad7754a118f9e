import { Field, ObjectType } from 'type-graphql';
import { StoredFile } from '../../core/files';
import { Connection } from '../../core/pagination';
import { PeriodScalar } from '../../core/scalars';
import { Project } from './project.entity';

export const ProjectConnection = Connection(Project, 'Project');

@ObjectType({ description: 'Whether a project is in the key-project library, and why. 入库情况' })
export class LibraryMembershipType {
  @Field({ description: 'In the library. 是否入库' })
  member!: boolean;

  @Field({ description: 'Why (threshold, removal). 说明' })
  reason!: string;
}

@ObjectType({ description: 'Where the project is (位置图): the site boundary and the four boundaries in words. 项目位置' })
export class ProjectLocation {
  @Field(() => String, { nullable: true, description: 'The site boundary as GeoJSON text (WGS84, [longitude, latitude]). 范围' })
  geoJson!: string | null;

  @Field(() => String, { nullable: true, description: '东至' })
  east!: string | null;

  @Field(() => String, { nullable: true, description: '西至' })
  west!: string | null;

  @Field(() => String, { nullable: true, description: '南至' })
  south!: string | null;

  @Field(() => String, { nullable: true, description: '北至' })
  north!: string | null;
}

@ObjectType({ description: 'A progress photo of a monthly report, with what the checks noticed (flags, not refusals). 进展照片' })
export class ProgressPhoto {
  @Field(() => StoredFile, { description: 'The picture. 图片' })
  file!: StoredFile;

  @Field({ description: 'Taken (by its EXIF time) before the reported month began. 拍摄时间早于填报月份' })
  takenBeforeMonth!: boolean;

  @Field({ description: 'Taken (by its EXIF GPS) outside the project’s boundary (more than 50 m off). 拍摄位置不在项目范围内' })
  outsideBoundary!: boolean;

  @Field(() => PeriodScalar, { nullable: true, description: 'The earlier month whose report holds the same picture (perceptual hash). 与往月照片重复' })
  reusedFromPeriod!: string | null;

  @Field(() => [String], { description: 'The flags in words, for display. 提示' })
  flags!: string[];
}
