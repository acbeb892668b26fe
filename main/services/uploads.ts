/**
 * Files too big for one call (bank returns up to 80 MB, issue 10 #10) go to main in chunks: begin with the
 * size, chunks in order, end. An upload belongs to the connection and the clerk that began it, one at a
 * time per connection, all uploads together bounded, and it is forgotten after 10 idle minutes.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Actor } from './context.js';
import { MAX_RETURN_BYTES } from '../../preload/contract/uploads.js';

export const MAX_UPLOAD_BYTES = MAX_RETURN_BYTES;
/** Raw bytes per chunk: 96 KiB is 128 KiB of base64, well inside the harness's 256 KB frame. */
export const CHUNK_BYTES = 96 * 1024;
export const UPLOAD_IDLE_MS = 10 * 60_000;
/** All uploads held at once, over every connection. */
export const MAX_HELD_BYTES = 2 * MAX_UPLOAD_BYTES;

interface Upload {
  id: string;
  connection: string;
  staffId: string;
  size: number;
  received: number;
  nextSeq: number;
  chunks: Buffer[];
  /** Hashed as the chunks come, so the end does not hash 80 MB at once on the main thread. */
  hash: Hash;
  file: Buffer | null;
  sha256: string;
  lastSeen: number;
}

const gone = () => new DomainError('NOT_FOUND', '上传的文件已失效，请重新选择回执文件', 'upload');

export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly now: () => number,
    private readonly idleMs = UPLOAD_IDLE_MS,
  ) {}

  private sweep(): void {
    const now = this.now();
    for (const [id, u] of this.uploads) if (now - u.lastSeen > this.idleMs) this.uploads.delete(id);
  }

  private held(): number {
    let bytes = 0;
    for (const u of this.uploads.values()) bytes += u.file ? u.file.length : u.received;
    return bytes;
  }

  private own(connection: string, actor: Actor, id: string): Upload {
    this.sweep();
    const u = this.uploads.get(id);
    if (!u || u.connection !== connection || u.staffId !== actor.staffId) throw gone();
    u.lastSeen = this.now();
    return u;
  }

  begin(connection: string, actor: Actor, size: number): { uploadId: string; chunkBytes: number } {
    this.sweep();
    if (!Number.isSafeInteger(size) || size < 1 || size > MAX_UPLOAD_BYTES) throw new DomainError('VALIDATION', '文件过大（最大 80 MB）', 'size');
    for (const [id, u] of this.uploads) if (u.connection === connection) this.uploads.delete(id);
    if (this.held() + size > MAX_HELD_BYTES) throw new DomainError('VALIDATION', '其他柜台正在上传大文件，请稍后再试', 'size');
    const id = randomBytes(18).toString('base64url');
    this.uploads.set(id, { id, connection, staffId: actor.staffId, size, received: 0, nextSeq: 0, chunks: [], hash: createHash('sha256'), file: null, sha256: '', lastSeen: this.now() });
    return { uploadId: id, chunkBytes: CHUNK_BYTES };
  }

  chunk(connection: string, actor: Actor, input: { uploadId: string; seq: number; data: string }): { received: number } {
    const u = this.own(connection, actor, input.uploadId);
    if (u.file) throw new DomainError('VALIDATION', '文件已上传完毕', 'upload');
    if (input.seq !== u.nextSeq) throw new DomainError('VALIDATION', `文件分块顺序不正确（应为第 ${u.nextSeq + 1} 块），请重新上传`, 'upload');
    const bytes = Buffer.from(input.data, 'base64');
    if (bytes.length === 0 || u.received + bytes.length > u.size) throw new DomainError('VALIDATION', '文件内容超出声明的大小，请重新上传', 'upload');
    u.chunks.push(bytes);
    u.hash.update(bytes);
    u.received += bytes.length;
    u.nextSeq++;
    return { received: u.received };
  }

  end(connection: string, actor: Actor, uploadId: string): { uploadId: string; bytes: number; sha256: string } {
    const u = this.own(connection, actor, uploadId);
    if (!u.file) {
      if (u.received !== u.size) throw new DomainError('VALIDATION', `文件未传完整（${u.received}/${u.size} 字节），请重新上传`, 'upload');
      u.file = Buffer.concat(u.chunks, u.size);
      u.chunks = [];
      u.sha256 = u.hash.digest('hex');
    }
    return { uploadId, bytes: u.file.length, sha256: u.sha256 };
  }

  /** The finished file of an upload of this connection and clerk, and its SHA-256. */
  file(connection: string, actor: Actor, uploadId: string): { bytes: Buffer; sha256: string } {
    const u = this.own(connection, actor, uploadId);
    if (!u.file) throw new DomainError('VALIDATION', '文件尚未上传完毕', 'upload');
    return { bytes: u.file, sha256: u.sha256 };
  }

  drop(uploadId: string): void {
    this.uploads.delete(uploadId);
  }

  /** The session on a connection ended (logout, window or page closed): its uploads go with it. */
  endSession(connection: string): void {
    for (const [id, u] of this.uploads) if (u.connection === connection) this.uploads.delete(id);
  }
}
