import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError } from '../core/errors.js';
import { decodePhotos, matchesMagic } from './photos.js';
import { PNG_BASE64, jpegBase64 } from './test-support.js';

const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]).toString('base64');

describe('photos', () => {
  test('accepts JPEG, PNG and WebP whose bytes match their type', () => {
    const photos = decodePhotos([
      { mimeType: 'image/png', dataBase64: PNG_BASE64 },
      { mimeType: 'image/jpeg', dataBase64: jpegBase64(100) },
      { mimeType: 'image/webp', dataBase64: webp },
    ]);
    assert.deepEqual(photos.map((p) => p.sizeBytes), [Buffer.from(PNG_BASE64, 'base64').length, 100, 16]);
    assert.match(photos[0]!.sha256, /^[0-9a-f]{64}$/);
  });
  test('2 MiB is the most a photo may be', () => {
    assert.equal(decodePhotos([{ mimeType: 'image/jpeg', dataBase64: jpegBase64(2 * 1024 * 1024) }])[0]!.sizeBytes, 2 * 1024 * 1024);
    assert.throws(() => decodePhotos([{ mimeType: 'image/jpeg', dataBase64: jpegBase64(2 * 1024 * 1024 + 1) }]), (e: unknown) => e instanceof PayloadTooLargeError && /^photos\[0\]\.dataBase64/.test(e.message));
  });
  test('refuses more than three, other types, mismatched bytes and bad base64, naming the field', () => {
    const png = { mimeType: 'image/png', dataBase64: PNG_BASE64 };
    assert.throws(() => decodePhotos([png, png, png, png]), (e: unknown) => e instanceof InvalidInputError && /^photos:/.test(e.message));
    assert.throws(() => decodePhotos([png, { mimeType: 'image/svg+xml', dataBase64: PNG_BASE64 }]), (e: unknown) => e instanceof UnsupportedMediaTypeError && /^photos\[1\]\.mimeType/.test(e.message));
    assert.throws(() => decodePhotos([{ mimeType: 'image/jpeg', dataBase64: PNG_BASE64 }]), (e: unknown) => e instanceof UnsupportedMediaTypeError && /^photos\[0\]\.dataBase64: the data is not a image\/jpeg/.test(e.message));
    assert.throws(() => decodePhotos([{ mimeType: 'image/png', dataBase64: 'not base64!' }]), (e: unknown) => e instanceof InvalidInputError && /^photos\[0\]\.dataBase64: must be base64/.test(e.message));
  });
  test('magic bytes', () => {
    assert.equal(matchesMagic('image/webp', Buffer.from('RIFF0000WEBP')), true);
    assert.equal(matchesMagic('image/webp', Buffer.from('RIFF0000WAVE')), false);
    assert.equal(matchesMagic('image/png', Buffer.from([0x89, 0x50])), false);
  });
});
