/** The contract's Log-in, screen lock and sessions methods (one part of preload/contract.ts). */
import { z } from 'zod';
import { id, noInput, sessionOut } from './schemas.js';

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
  'auth.session': { access: 'public', input: noInput, output: sessionOut.nullable() },
  'auth.logout': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.lock': { access: 'signedIn', input: noInput, output: z.object({ ok: z.literal(true) }) },
  'auth.unlock': { access: 'public', input: z.object({ password: z.string().min(1, '请输入密码').max(128) }).strict(), output: sessionOut },
} as const;
