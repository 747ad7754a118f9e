import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Config } from '../../config';
import { inspect } from './inspect';
import { storageFor } from './storage';
import { FilePurpose, StoredFile } from './stored-file.entity';

export interface PictureOwner {
  ownerType: string;
  ownerId: string | number;
  areaId: number | null;
  uploadedByUserId: number;
  /** The file's name as an uploader's camera would give it. */
  name: string;
  /** When it was stored (the storage key's month). */
  storedAt: Date;
  /** PHOTO (the default), or DOCUMENT for a scanned page of a project document. */
  purpose?: FilePurpose.PHOTO | FilePurpose.DOCUMENT;
}

/**
 * Stores a picture made by the service (the demo's renderings, progress photos and scanned documents) exactly as an
 * upload is stored: read by the same inspection (type, size, EXIF time and GPS, perceptual hash),
 * written to the file storage, and attached to its record inside the caller's transaction.
 */
export async function storeMadePicture(em: EntityManager, config: Config, bytes: Buffer, owner: PictureOwner): Promise<StoredFile> {
  // Small already (480×320): shown as they are, without a thumbnail.
  const purpose = owner.purpose ?? FilePurpose.PHOTO;
  const inspected = await inspect(bytes, purpose, config.uploads.maxImagePixels, { withThumbnail: false });
  const id = crypto.randomUUID();
  const at = owner.storedAt;
  const key = `${purpose.toLowerCase()}/${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  const thumbKey = inspected.thumbnail ? `${key}.thumb.jpg` : null;
  const storage = storageFor(config);
  await storage.put(key, bytes, inspected.mime);
  if (thumbKey) await storage.put(thumbKey, inspected.thumbnail!, 'image/jpeg');
  const row = em.create(StoredFile, {
    id,
    purpose,
    storageKey: key,
    thumbnailKey: thumbKey,
    name: owner.name,
    mime: inspected.mime,
    size: bytes.length,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    width: inspected.width,
    height: inspected.height,
    takenAt: inspected.takenAt,
    gpsLat: inspected.gps?.lat ?? null,
    gpsLng: inspected.gps?.lng ?? null,
    perceptualHash: inspected.perceptualHash,
    uploadedByUserId: owner.uploadedByUserId,
    ownerType: owner.ownerType,
    ownerId: String(owner.ownerId),
    areaId: owner.areaId,
    createdAt: at,
  });
  await em.insert(StoredFile, row);
  return row;
}
