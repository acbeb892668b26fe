/**
 * Issue 14 #2: this counter PC's credential for the central server, kept in the per-machine data folder as
 * `sync-device.json` beside the store, written with mode 0600 (owner read/write only) through a temp file and a
 * rename, so a crash never leaves half a credential.
 *
 * Why a file and not SQLite: the store is copied every hour into backups/ and onto the second backup path (a USB
 * disk or a network share, R-INV-09), and a restore puts an old copy back; a secret inside it would travel onto every
 * backup disk, and a restored store would carry whichever credential it had then. The file stays on this machine
 * only, and a restore leaves it as it is. On Windows the mode bits do not apply: the folder is %ProgramData%, whose
 * ACL lets users read; the installer should restrict GasHallTeller to SYSTEM and Administrators (see the README).
 *
 * The file also holds the device's Ed25519 key pair (made at enrolment, node:crypto) that signs its day files; the
 * public key is also a captured fact (device_keys), so the hall's other PCs learn it from the feed.
 */
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const CREDENTIALS_FILE_NAME = 'sync-device.json';

export const storedCredentials = z.object({
  version: z.literal(1),
  serverUrl: z.string().url(),
  deviceId: z.string().min(1),
  secret: z.string().min(43),
  companyId: z.string().min(1),
  hallId: z.string().min(1),
  counterId: z.string().min(1),
  enrolledAt: z.string(),
  /**
   * The local outbox seq this device's wire seq 1 follows: the events up to it were pushed under an earlier
   * enrolment (or are the history before a re-enrolment after a restore), so wire seq = local seq − seqBase.
   */
  seqBase: z.number().int().nonnegative(),
  /** Ed25519, PEM (spki / pkcs8). */
  publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----'),
  privateKeyPem: z.string().startsWith('-----BEGIN PRIVATE KEY-----'),
});
export type StoredCredentials = z.infer<typeof storedCredentials>;

export class CredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialsError';
  }
}

/** The credential, or null when the PC is not enrolled. A damaged file throws its Chinese reason. */
export function loadCredentials(file: string): StoredCredentials | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CredentialsError(`同步凭据文件 ${file} 已损坏，请管理员重新登记本机`);
  }
  const result = storedCredentials.safeParse(parsed);
  if (!result.success) throw new CredentialsError(`同步凭据文件 ${file} 内容无效，请管理员重新登记本机`);
  return result.data;
}

/** Writes the credential atomically with mode 0600 (the temp file is made 0600 before any secret is in it). */
export function saveCredentials(file: string, credentials: StoredCredentials): void {
  const checked = storedCredentials.parse(credentials);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, '', { mode: 0o600 });
  chmodSync(temp, 0o600);
  writeFileSync(temp, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
  chmodSync(file, 0o600);
}

export function removeCredentials(file: string): void {
  rmSync(file, { force: true });
}
