import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export enum FilePurpose {
  PHOTO = 'PHOTO',
  SPREADSHEET = 'SPREADSHEET',
  EXPORT = 'EXPORT',
  DOCUMENT = 'DOCUMENT',
}

registerEnumType(FilePurpose, {
  name: 'FilePurpose',
  description: 'What a file was uploaded as. 文件用途',
  valuesConfig: { PHOTO: { description: 'A JPEG, PNG or WebP picture. 图片' }, SPREADSHEET: { description: 'An .xlsx workbook to import. 表格' },
    EXPORT: { description: 'A file written by a bulk export (CSV, XLSX or JSON Lines), readable by its requester only. 导出文件' },
    DOCUMENT: { description: 'A document of a project (an approval, a contract, a completion acceptance): a PDF, or a scan as JPEG, PNG or WebP. 项目文件' },
  },
});

@ObjectType({ description: 'A GPS position in WGS84 degrees. 坐标' })
export class GeoPoint {
  @Field(() => Float, { description: 'Latitude in degrees. 纬度' })
  lat!: number;

  @Field(() => Float, { description: 'Longitude in degrees. 经度' })
  lng!: number;
}

/**
 * An uploaded file. Its id is random (not a sequence), its storage key never comes from the
 * client's file name, and a module that attaches it to a record decides who may read it.
 */
@ObjectType('UploadedFile', { description: 'An uploaded picture or workbook. 上传文件' })
@Entity('files')
@Index(['ownerType', 'ownerId'])
@Index(['uploadedByUserId', 'createdAt'])
export class StoredFile {
  @Field(() => ID, { description: 'Random id of the file. 编号' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Field(() => FilePurpose, { description: 'What it was uploaded as. 用途' })
  @Column({ type: 'varchar', length: 16 })
  purpose!: FilePurpose;

  @Column({ type: 'varchar', length: 96 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 112, nullable: true })
  thumbnailKey!: string | null;

  @Field({ description: 'The name it had on the uploader’s computer (shown only; never a path). 文件名' })
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Field({ description: 'Type detected from the content, e.g. image/jpeg. 类型' })
  @Column({ type: 'varchar', length: 80 })
  mime!: string;

  @Field(() => Int, { description: 'Size in bytes. 大小' })
  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Field(() => Int, { nullable: true, description: 'Picture width in pixels. 宽' })
  @Column({ type: 'int', nullable: true })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Picture height in pixels. 高' })
  @Column({ type: 'int', nullable: true })
  height!: number | null;

  @Field(() => Date, { nullable: true, description: 'When the photo was taken, from its EXIF data. 拍摄时间' })
  @Column({ type: 'datetime', nullable: true })
  takenAt!: Date | null;

  @Column({ type: 'double', nullable: true })
  gpsLat!: number | null;

  @Column({ type: 'double', nullable: true })
  gpsLng!: number | null;

  /** 64-bit difference hash (hex) of a picture, to recognise a photo used again. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  perceptualHash!: string | null;

  @Column({ type: 'int' })
  uploadedByUserId!: number;

  @Column({ type: 'varchar', length: 32, nullable: true })
  ownerType!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ownerId!: string | null;

  @Column({ type: 'int', nullable: true })
  areaId!: number | null;

  @Field({ description: 'When it was uploaded. 上传时间' })
  @CreateDateColumn({ type: 'datetime' })
  createdAt!: Date;
}
