import type { ErrorBody } from './bindings/ErrorBody';

/** The largest file the backend accepts (the same bound it checks before decoding). */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

// Reads a file the user picked into base64 (the backend receives bytes, never a path).
// A file over the bound is refused before it is read, so a huge file never reaches memory twice.
export function readAsBase64(file: File): Promise<string> {
  if (file.size > MAX_UPLOAD_BYTES) {
    const tooLarge: ErrorBody = {
      code: 'FILE_TOO_LARGE',
      message: `${file.name} is ${file.size} bytes; at most ${MAX_UPLOAD_BYTES} are accepted`,
      details: null,
    };
    return Promise.reject(tooLarge);
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}
