/** What POST /api/files answers for a stored upload. */
export interface UploadedFile {
  id: string;
  name?: string;
  mime?: string;
  size?: number;
  [key: string]: unknown;
}

/** An upload the server refused, with its readable reason. */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/**
 * Uploads one file to /api/files with the session cookie and the CSRF header, reporting progress
 * (0–100). Resolves with the stored file ({ id, … }); rejects with the server's own message.
 */
export function uploadFile(file: File, purpose: 'spreadsheet' | 'photo' | 'document', onProgress?: (percent: number) => void, url = '/api/files'): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${url}?purpose=${purpose}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-kpd-csrf', '1');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new UploadError('network', 0));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof (body as UploadedFile).id === 'string') {
        onProgress?.(100);
        resolve(body as UploadedFile);
        return;
      }
      const first = (body as { errors?: Array<{ message?: string; extensions?: { code?: string } }> } | null)?.errors?.[0];
      reject(new UploadError(first?.message ?? `HTTP ${xhr.status}`, xhr.status, first?.extensions?.code));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
