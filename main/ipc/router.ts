/**
 * The IPC router: parses every input with the contract's schema, checks the caller's session and role,
 * runs the handler and returns `{ok, value} | {ok: false, error: {code, message, field}}`. Nothing a
 * renderer sends can reach a service unparsed, and no exception crosses the boundary.
 */
import type { z } from 'zod';
import { contract, type Access, type DomainIssue, type Method, type Output, type ParsedInput, type Result } from '../../preload/contract.js';
import { DomainError } from '../../preload/kernel/errors.js';
import type { Actor } from '../services/context.js';
import type { SessionStore } from './sessions.js';

export interface CallContext {
  connection: string;
  actor: Actor | null;
}

export type Handlers = {
  [M in Method]: (ctx: CallContext, input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
};

export interface Router {
  call(connection: string, method: string, input: unknown): Promise<Result<unknown>>;
}

/** Issue 10 #13: what a session that must first change its initial password may still call. */
const PASSWORD_CHANGE_ALLOWED: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.logout', 'auth.session', 'auth.counters', 'auth.login', 'auth.lock', 'auth.unlock']);

function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** A domain parse's refusal inside the schema (an amount or volume as typed, preload/contract/schemas.ts). */
function domainIssue(issue: z.core.$ZodIssue | undefined): DomainIssue | undefined {
  return issue?.code === 'custom' ? (issue.params as { domainError?: DomainIssue } | undefined)?.domainError : undefined;
}

/**
 * A schema refusal without its own Chinese text, in Chinese for the clerk: never zod's English and never the field's
 * code name (the field still goes back as `field`, so the window puts the message at its input).
 */
function plainMessage(issue: z.core.$ZodIssue | undefined): string {
  switch (issue?.code) {
    case 'too_big':
      if (issue.origin === 'string') return `输入过长（最多 ${String(issue.maximum)} 个字符）`;
      if (issue.origin === 'array' || issue.origin === 'set') return `项目过多（最多 ${String(issue.maximum)} 项）`;
      // an integer beyond the safe range (.int()'s own bound): no field's own maximum to name
      if (Number(issue.maximum) >= Number.MAX_SAFE_INTEGER) return '数值过大';
      return issue.origin === 'number' || issue.origin === 'int' ? `不能大于 ${String(issue.maximum)}` : '输入过大';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${String(issue.minimum)} 个字符`;
      if (issue.origin === 'array' || issue.origin === 'set') return '请至少选择一项';
      if (Number(issue.minimum) <= Number.MIN_SAFE_INTEGER) return '数值过小';
      return issue.origin === 'number' || issue.origin === 'int' ? `不能小于 ${String(issue.minimum)}` : '输入过小';
    case 'invalid_type':
      return issue.expected === 'int' ? '应为整数' : issue.expected === 'number' ? '应为数字' : '输入不正确';
    case 'invalid_format':
      return '格式不正确';
    case 'unrecognized_keys':
      return '输入中有多余的项';
    default:
      return '输入不正确';
  }
}

function validationError(error: z.ZodError): Result<never> {
  // the schema's own refusals first: an amount is parsed only once the rest of the input is well formed
  const issue = error.issues.find((i) => !domainIssue(i)) ?? error.issues[0];
  const parsed = domainIssue(issue);
  if (parsed) return { ok: false, error: { code: parsed.code, message: parsed.message, ...(parsed.field ? { field: parsed.field } : {}) } };
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message && /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : plainMessage(issue);
  return { ok: false, error: { code: 'VALIDATION', message, ...(field ? { field } : {}) } };
}

function allowed(access: Access, actor: Actor | null): Result<never> | null {
  if (access === 'public') return null;
  if (!actor) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  if (access === 'signedIn') return null;
  if (!access.includes(actor.role as (typeof access)[number])) {
    return { ok: false, error: { code: 'FORBIDDEN', message: '您的岗位没有此项操作权限' } };
  }
  return null;
}

/** The message of the database's 暂停营业 guards (db/migrations, issue 15 #5) starts with its code. */
const PAUSED_PREFIX = 'COUNTER_PAUSED: ';

/** Calls a window makes by itself on a timer (issue 12 #2: the status bar's device states): they do not count as use for the idle lock. */
const PASSIVE_METHODS: ReadonlySet<string> = new Set(['devices.states']);

export function createRouter(
  handlers: Handlers,
  sessions: SessionStore,
  log: (message: string, error: unknown) => void = (m, e) => {
    console.error(m, e);
  },
): Router {
  return {
    async call(connection, method, input) {
      if (typeof method !== 'string' || !isMethod(method)) {
        return { ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } };
      }
      const spec = contract[method];
      const state = sessions.touch(connection, PASSIVE_METHODS.has(method));
      if (state.kind === 'locked' && spec.access !== 'public' && method !== 'auth.unlock' && method !== 'auth.logout') {
        return { ok: false, error: { code: 'LOCKED', message: '屏幕已锁定，请输入密码解锁' } };
      }
      if (state.kind === 'active' && sessions.mustChangePassword(connection) && !PASSWORD_CHANGE_ALLOWED.has(method)) {
        return { ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED', message: '首次登录请先修改初始密码' } };
      }
      const actor = state.kind === 'active' || (state.kind === 'locked' && method === 'auth.logout') ? state.actor : null;
      const denied = allowed(spec.access, actor);
      if (denied) return denied;
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) return validationError(parsed.error);
      try {
        const handler = handlers[method] as (ctx: CallContext, input: unknown) => unknown;
        const value: unknown = await handler({ connection, actor }, parsed.data);
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          log(`output of ${method} does not match the contract`, checked.error);
          return { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，请联系管理员' } };
        }
        return { ok: true, value: checked.data };
      } catch (error) {
        if (error instanceof DomainError) {
          return {
            ok: false,
            error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
          };
        }
        // R-SEC-16 (issue 15 #5): a paused counter's write refused by the database's own guard (any code path) is
        // answered typed, with the guard's Chinese message, like the service's own refusal
        if (error instanceof Error && error.message.startsWith(PAUSED_PREFIX)) {
          return { ok: false, error: { code: 'COUNTER_PAUSED', message: error.message.slice(PAUSED_PREFIX.length) } };
        }
        log(`handler ${method} failed`, error);
        return { ok: false, error: { code: 'INTERNAL', message: '系统内部错误，请联系管理员' } };
      }
    },
  };
}
