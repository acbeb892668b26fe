/**
 * Issue 14: devices. An administrator makes a one-time enrolment code for one hall + counter; the counter PC
 * trades it once for its own credential. Every later request of the device carries
 *
 *     Authorization: Bearer <deviceId>.<secret>
 *
 * (DEVICE_AUTH_SCHEME). The secret is 32 random bytes, base64url (43 characters, no '.'), shown ONCE in the
 * enrolment answer and stored on the server only as a salted SHA-256 (a 256-bit random secret needs no slow hash; a per-request
 * scrypt would cap push throughput). A revoked device gets 401 on its very
 * next request. Admin endpoints take `Authorization: Bearer <SYNC_ADMIN_TOKEN>` (the server's environment).
 */
import { z } from 'zod';
import { isoInstant, syncId } from './common.js';

/** POST ROUTES.adminCodes (admin): make a one-time code for a counter PC. */
export const createCodeRequest = z
  .object({
    companyId: syncId,
    hallId: syncId,
    counterId: syncId,
    /** How long the code may be used; default 24 h, at most 7 days. */
    ttlMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  })
  .strict();
export type CreateCodeRequest = z.infer<typeof createCodeRequest>;

export const createCodeResponse = z.object({
  /** 12 characters, upper-case letters and digits without look-alikes, e.g. `K7MQ-3XPD-9WTR` printed in groups. */
  code: z.string(),
  expiresAt: isoInstant,
});
export type CreateCodeResponse = z.infer<typeof createCodeResponse>;

/** POST ROUTES.enrol (no credential): the counter PC trades its code for a credential. A used, unknown or expired code → 401. */
export const enrolRequest = z
  .object({
    /** As typed: case and the '-' / spaces between groups do not matter. */
    code: z.string().min(4).max(64),
    /** A label for the administrator's device list (host name). */
    label: z.string().max(120).optional(),
  })
  .strict();
export type EnrolRequest = z.infer<typeof enrolRequest>;

export const enrolResponse = z.object({
  deviceId: syncId,
  /** Keep it secret on the PC (e.g. safeStorage / a 0600 file); the server cannot show it again. */
  secret: z.string().min(43),
  companyId: syncId,
  hallId: syncId,
  counterId: syncId,
});
export type EnrolResponse = z.infer<typeof enrolResponse>;

/** POST ROUTES.adminRevoke(deviceId) (admin): stops the device at once (its next request is 401). */
export const revokeResponse = z.object({ deviceId: syncId, revokedAt: isoInstant });
export type RevokeResponse = z.infer<typeof revokeResponse>;

/** GET ROUTES.adminDevices (admin). */
export const deviceInfo = z.object({
  deviceId: syncId,
  companyId: syncId,
  hallId: syncId,
  counterId: syncId,
  label: z.string().nullable(),
  enrolledAt: isoInstant,
  revokedAt: isoInstant.nullable(),
  ackSeq: z.number().int().nonnegative(),
  lastSeenAt: isoInstant.nullable(),
});
export const deviceList = z.object({ devices: z.array(deviceInfo) });
export type DeviceInfo = z.infer<typeof deviceInfo>;

/** The scheme word of the Authorization header. */
export const DEVICE_AUTH_SCHEME = 'Bearer';

/** Builds the Authorization header value of a device. */
export function deviceAuthorization(deviceId: string, secret: string): string {
  return `${DEVICE_AUTH_SCHEME} ${deviceId}.${secret}`;
}
