import type { Response } from 'express';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Answers a plain HTTP route with a workbook to download, named in Chinese (RFC 5987) with an ASCII fallback. */
export function sendXlsx(res: Response, buffer: Buffer, filename: string, asciiName = encodeURIComponent(filename)): void {
  res.setHeader('content-type', XLSX);
  res.setHeader('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  res.setHeader('cache-control', 'private, no-store');
  res.send(buffer);
}
