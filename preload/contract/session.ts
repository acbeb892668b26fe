/** The contract's Log-in, screen lock and sessions methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { id, noInput, sessionOut, strongPassword } from './schemas.js';

export const sessionContract = {
  'auth.counters': {
    access: 'public',
    input: noInput,
    output: z.array(z.object({ id, code: z.string(), name: z.string(), hallName: z.string() })),
  },
  'auth.login': {
    access: 'public',
    input: z
      .object({
        login: z.string().trim().min(1, '请输入工号').max(32, '工号过长'),
        password: z.string().min(1, '请输入密码').max(128, '密码过长'),
        counterId: id,
      })
      .strict(),
    output: sessionOut,
  },
  /** Issue 12 #4: a window opened while the PC's one sign-in is locked learns it (`locked`) and shows the lock screen. */
  'auth.session': { access: 'public', input: noInput, output: sessionOut.extend({ locked: z.literal(true).optional() }).nullable() },
  'auth.logout': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.lock': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.unlock': { access: 'public', input: z.object({ password: z.string().min(1, '请输入密码').max(128) }).strict(), output: sessionOut },
  /** Issue 10 #13: required at first log-in with the initial password outside demo mode. */
  'auth.changePassword': {
    access: 'signedIn',
    input: z
      .object({
        currentPassword: z.string().min(1, '请输入原密码').max(128, '密码过长'),
        newPassword: strongPassword,
      })
      .strict(),
    output: sessionOut,
  },
  /** Issue 10 #13: an administrator lifts the sign-in lockout of a login and/or a counter. */
  'auth.unlockSignIns': {
    access: ['admin'],
    input: z
      .object({ login: z.string().trim().min(1, '请输入工号').max(32, '工号过长').optional(), counterId: id.optional() })
      .strict(),
    output: z.object({ cleared: z.number().int().nonnegative() }),
  },
} as const;
