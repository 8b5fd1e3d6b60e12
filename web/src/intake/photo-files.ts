import { PHOTO_BYTES_MAX, PHOTO_MIME_TYPES, PHOTOS_MAX } from './event-types.js';
import type { PhotoUpload } from './types.js';

/** Why a set of chosen files cannot be sent, as an i18n key with values; undefined when fine. */
export function checkPhotoFiles(files: readonly File[]): { key: string; values?: Record<string, unknown> } | undefined {
  if (files.length > PHOTOS_MAX) return { key: 'report.photosTooMany', values: { max: PHOTOS_MAX } };
  for (const file of files) {
    if (!(PHOTO_MIME_TYPES as readonly string[]).includes(file.type)) return { key: 'report.photoWrongType', values: { name: file.name } };
    if (file.size > PHOTO_BYTES_MAX) return { key: 'report.photoTooLarge', values: { name: file.name } };
  }
  return undefined;
}

/** Reads a file as base64 (without the `data:…;base64,` prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export async function encodePhotos(files: readonly File[]): Promise<PhotoUpload[]> {
  return Promise.all(files.map(async (file) => ({ mimeType: file.type, dataBase64: await readBase64(file) })));
}
