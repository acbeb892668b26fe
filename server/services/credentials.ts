/**
 * Issue 14: device secrets, enrolment codes and the admin token. The secret is 32 random bytes (base64url);
 * the server keeps only sha256(salt ‖ secret): a 256-bit random secret cannot be guessed, so a slow hash would
 * only slow every request. Codes are stored as sha256 of their normalised form. Comparisons are constant-time.
 */
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function newSalt(): string {
  return randomBytes(16).toString('base64url');
}

export function hashSecret(salt: string, secret: string): string {
  return createHash('sha256').update(salt).update('\u0000').update(secret).digest('hex');
}

export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** No 0/O, 1/I/L look-alikes. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 12 characters in groups of 4 (`K7MQ-3XPD-9WTR`): about 59 bits, single use, expiring. */
export function newEnrolmentCode(): string {
  let code = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  }
  return code;
}

/** Case, spaces and dashes as typed do not matter. */
export function hashEnrolmentCode(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`enrol:${normal}`).digest('hex');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of the presented admin token with the configured one (unset: admin disabled). */
export function isAdminToken(presented: string, configured: string | undefined): boolean {
  if (!configured) return false;
  return sameHex(sha256Hex(presented), sha256Hex(configured));
}
