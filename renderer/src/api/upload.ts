/**
 * Sends a file to main in chunks over the contract (upload.begin / chunk / end, issue 10 #10): the same
 * in Electron and in the browser harness, whose frames stop at 256 KB. Reads the file slice by slice, so
 * an 80 MB bank return is never one string in the page.
 */
import type { Result } from '../../../preload/contract';
import { call } from './client';

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The finished upload's id, or the error to show next to the file field. */
export async function uploadFile(file: Blob, onProgress?: (sent: number, total: number) => void): Promise<Result<string>> {
  const begun = await call('upload.begin', { size: file.size });
  if (!begun.ok) return begun;
  const { uploadId, chunkBytes } = begun.value;
  for (let at = 0, seq = 0; at < file.size; at += chunkBytes, seq++) {
    const bytes = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
    const sent = await call('upload.chunk', { uploadId, seq, data: base64(bytes) });
    if (!sent.ok) return sent;
    onProgress?.(sent.value.received, file.size);
  }
  const ended = await call('upload.end', { uploadId });
  if (!ended.ok) return ended;
  return { ok: true, value: uploadId };
}
