import { FieldResolver, Resolver, Root } from 'type-graphql';
import { fileUrl, thumbnailUrl } from './files.service';
import { GeoPoint, StoredFile } from './stored-file.entity';

@Resolver(() => StoredFile)
export class UploadedFileResolver {
  @FieldResolver(() => String, { description: 'Where the file is served (signed-in readers only). 地址' })
  url(@Root() file: StoredFile): string {
    return fileUrl(file);
  }

  @FieldResolver(() => String, { nullable: true, description: 'A 400-pixel-wide JPEG of a picture. 缩略图' })
  thumbnailUrl(@Root() file: StoredFile): string | null {
    return thumbnailUrl(file);
  }

  @FieldResolver(() => GeoPoint, { nullable: true, description: 'Where the photo was taken, from its EXIF data (WGS84). 拍摄位置' })
  gps(@Root() file: StoredFile): GeoPoint | null {
    return file.gpsLat !== null && file.gpsLng !== null ? { lat: file.gpsLat, lng: file.gpsLng } : null;
  }
}
