import { createHash } from 'node:crypto';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../core/errors.js';
import { LIMITS, PHOTO_MIME_TYPES, type PhotoMimeType } from './model.js';

/** A photo as sent in a JSON body. */
export interface PhotoUpload {
  readonly mimeType: string;
  readonly dataBase64: string;
}

/** A checked photo, ready to store. */
export interface PhotoData {
  readonly mimeType: PhotoMimeType;
  readonly data: Buffer;
  readonly sizeBytes: number;
  readonly sha256: string;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when the bytes start as the declared image format does (its "magic number"). */
export function matchesMagic(mimeType: PhotoMimeType, data: Uint8Array): boolean {
  const starts = (bytes: readonly number[], offset = 0) => bytes.every((b, i) => data[offset + i] === b);
  switch (mimeType) {
    case 'image/jpeg':
      return starts([0xff, 0xd8, 0xff]);
    case 'image/png':
      return starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/webp':
      return starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8); // RIFF....WEBP
  }
}

/**
 * Decodes and checks photos before anything is written: at most 3, each ≤ 2 MiB decoded, of an
 * accepted type whose magic bytes match the declared one. Errors name the offending field.
 */
export function decodePhotos(photos: readonly PhotoUpload[] | undefined): PhotoData[] {
  if (photos === undefined) return [];
  if (photos.length > LIMITS.photosMax) throw InvalidInputError.forField('photos', `must have at most ${LIMITS.photosMax} photos`);
  return photos.map((photo, index) => {
    const field = `photos[${index}]`;
    if (!(PHOTO_MIME_TYPES as readonly string[]).includes(photo.mimeType)) {
      throw new UnsupportedMediaTypeError(`${field}.mimeType: must be one of ${PHOTO_MIME_TYPES.join(', ')}`, [
        { field: `${field}.mimeType`, message: `must be one of ${PHOTO_MIME_TYPES.join(', ')}` },
      ]);
    }
    const mimeType = photo.mimeType as PhotoMimeType;
    const text = photo.dataBase64.replace(/\s+/g, '');
    // Reject before decoding: 4 base64 characters carry 3 bytes.
    if (Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) > LIMITS.photoBytesMax) {
      throw new PayloadTooLargeError(`${field}.dataBase64: a photo may be at most 2 MiB`, [{ field: `${field}.dataBase64`, message: 'a photo may be at most 2 MiB' }]);
    }
    if (text.length === 0 || text.length % 4 !== 0 || !BASE64.test(text)) throw InvalidInputError.forField(`${field}.dataBase64`, 'must be base64');
    const data = Buffer.from(text, 'base64');
    if (!matchesMagic(mimeType, data)) {
      throw new UnsupportedMediaTypeError(`${field}.dataBase64: the data is not a ${mimeType} image`, [
        { field: `${field}.dataBase64`, message: `the data is not a ${mimeType} image` },
      ]);
    }
    return { mimeType, data, sizeBytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
}
