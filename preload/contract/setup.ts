/**
 * Issue 12 #3: the first-run setup (an empty store: company, hall(s), counters, the first administrator with a
 * password of their own, staff and roles) and 员工管理 afterwards (administrators only).
 */
import { z } from 'zod';
import { STAFF_ROLES } from '../kernel/enums.js';
import { id, noInput, strongPassword } from './schemas.js';

/** 营业厅/柜台编号: letters and digits, stored upper case (LC, LC01). */
export const code = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `请输入${what}编号`)
    .max(12, `${what}编号最多12位`)
    .regex(/^[A-Za-z0-9]+$/, `${what}编号只能由字母和数字组成`)
    .transform((c) => c.toUpperCase());
const name = (what: string, max: number) => z.string().trim().min(1, `请输入${what}`).max(max, `${what}最多${max}个字`);
/** 工号: letters, digits, dot, underscore (as typed at the log-in window). */
export const staffLogin = z
  .string()
  .trim()
  .min(2, '工号至少2位')
  .max(32, '工号过长')
  .regex(/^[A-Za-z0-9_.]+$/, '工号只能由字母、数字、点和下划线组成');
const role = z.enum(STAFF_ROLES, { error: '请选择岗位' });

const newStaff = z
  .object({
    login: staffLogin,
    name: name('姓名', 20),
    role,
    hallCode: code('营业厅'),
    /** A first password the administrator gives; the person changes it at their first log-in. */
    password: strongPassword,
    canDispatch: z.boolean().default(false),
  })
  .strict();

export const staffRow = z.object({
  id,
  login: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  hallId: id,
  hallName: z.string(),
  active: z.boolean(),
  canDispatch: z.boolean(),
  mustChangePassword: z.boolean(),
});

export const setupContract = {
  /** Public: whether the store is still empty (no staff), so the windows open the setup wizard instead of the log-in. */
  'setup.status': {
    access: 'public',
    input: noInput,
    output: z.object({ needsSetup: z.boolean(), companyName: z.string().nullable() }),
  },
  /** Public only while the store has no staff: everything in one transaction, audited; refused (SETUP_DONE) afterwards. */
  'setup.complete': {
    access: 'public',
    input: z
      .object({
        company: z.object({ name: name('公司名称', 60) }).strict(),
        halls: z
          .array(z.object({ code: code('营业厅'), name: name('营业厅名称', 40) }).strict())
          .min(1, '请至少设置一个营业厅')
          .max(50, '营业厅过多'),
        counters: z
          .array(z.object({ hallCode: code('营业厅'), code: code('柜台'), name: name('柜台名称', 20) }).strict())
          .min(1, '请至少设置一个柜台')
          .max(200, '柜台过多'),
        admin: z.object({ login: staffLogin, name: name('姓名', 20), hallCode: code('营业厅'), password: strongPassword }).strict(),
        staff: z.array(newStaff).max(500, '员工过多').default([]),
      })
      .strict(),
    output: z.object({ halls: z.number().int(), counters: z.number().int(), staff: z.number().int(), adminLogin: z.string() }),
  },
  'staff.list': {
    access: ['admin'],
    input: noInput,
    output: z.object({ staff: z.array(staffRow), halls: z.array(z.object({ id, code: z.string(), name: z.string() })) }),
  },
  'staff.add': { access: ['admin'], input: newStaff, output: staffRow },
  /** Disabled staff can no longer sign in; an administrator cannot disable themselves or the last administrator. */
  'staff.disable': { access: ['admin'], input: z.object({ staffId: id }).strict(), output: staffRow },
  /** A temporary password the administrator gives; the person must change it at their next log-in. */
  'staff.resetPassword': { access: ['admin'], input: z.object({ staffId: id, password: strongPassword }).strict(), output: staffRow },
  'staff.setRole': { access: ['admin'], input: z.object({ staffId: id, role, canDispatch: z.boolean().optional() }).strict(), output: staffRow },
} as const;
