/**
 * Issue 13 #5: the store's integrity check in the background, and the refusal of writes until it has passed.
 * While the check runs the write connection is `PRAGMA query_only = ON` (SQLite itself refuses every write, from
 * any handler, so none can slip through) and a refused write reaches the clerk as STORE_CHECKING
 * (正在检查数据文件完整性，请稍候再试). When the check passes, query_only is switched off. When it fails, query_only
 * stays on for good (the damaged store is never written to), every write is refused as STORE_DAMAGED with what to
 * do, and `onDamaged` tells the app (the shell shows the damaged-store dialog with the backup restore).
 */
import type { Store } from '../db/open.js';
import { StoreDamagedError } from '../db/open.js';
import type { IntegrityChecker } from '../db/integrity.js';
import { DomainError } from '../preload/kernel/errors.js';

export type StoreCheckState = 'checking' | 'ok' | 'damaged';

export const STORE_CHECKING_MESSAGE = '正在检查数据文件完整性，请稍候再试';

export function storeDamagedMessage(detail: string): string {
  return `数据文件完整性检查未通过（${detail}），已停止一切写入，请勿继续办理业务。请关闭本程序并联系管理员从最近的完好备份恢复`;
}

export class StoreCheck {
  private current: StoreCheckState = 'checking';
  private detail = '';
  /** Settles with the outcome (never rejects). */
  readonly done: Promise<StoreCheckState>;

  constructor(store: Store, file: string, checker: IntegrityChecker, onDamaged: (reason: string) => void) {
    store.sqlite.pragma('query_only = ON');
    this.done = checker(file)
      .catch((error: unknown) => ({ ok: false as const, detail: error instanceof Error ? error.message : String(error) }))
      .then((verdict) => {
        if (verdict.ok) {
          if (store.sqlite.open) store.sqlite.pragma('query_only = OFF');
          this.current = 'ok';
        } else {
          this.current = 'damaged';
          this.detail = verdict.detail;
          const reason = new StoreDamagedError(file, verdict.detail).message;
          console.error(reason);
          onDamaged(reason);
        }
        return this.current;
      });
  }

  /** A store checked before it opened (or a read-only one): nothing to wait for. */
  static passed(): StoreCheck {
    return Object.assign(Object.create(StoreCheck.prototype) as StoreCheck, { current: 'ok', detail: '', done: Promise.resolve('ok') });
  }

  get state(): StoreCheckState {
    return this.current;
  }

  /** The typed error a write refused by query_only becomes, or null when writes are allowed. */
  refusal(): DomainError | null {
    if (this.current === 'checking') return new DomainError('STORE_CHECKING', STORE_CHECKING_MESSAGE);
    if (this.current === 'damaged') return new DomainError('STORE_DAMAGED', storeDamagedMessage(this.detail));
    return null;
  }
}

/** SQLite's refusal of a write on a query_only connection. */
export function isWriteRefused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_READONLY');
}

/**
 * What a clerk does first, which writes (the sign-in's audit row): it waits for a check still running, up to
 * `waitMs`, before it runs (a small store's check is over in a blink; a large one's refusal says to wait).
 */
export const WAITS_FOR_CHECK: ReadonlySet<string> = new Set(['auth.login', 'auth.unlock', 'auth.logout', 'auth.changePassword', 'setup.complete']);
export const DEFAULT_CHECK_WAIT_MS = 3000;

function settledOrAfter(done: Promise<unknown>, ms: number): Promise<unknown> {
  if (ms <= 0) return Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]).finally(() => clearTimeout(timer));
}

/**
 * The handlers with a write that SQLite refused while the check runs (or after it failed) turned into the typed
 * refusal; everything else passes through untouched. The sign-in and its kin first wait for a running check.
 */
export function refuseWritesUntilChecked<H extends object>(handlers: H, check: StoreCheck, waitMs = DEFAULT_CHECK_WAIT_MS): H {
  const guarded: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (...args: unknown[]) => unknown][]) {
    const waits = WAITS_FOR_CHECK.has(method);
    guarded[method] = async (...args: unknown[]) => {
      if (waits && check.state === 'checking') await settledOrAfter(check.done, waitMs);
      try {
        return await handler(...args);
      } catch (error) {
        throw (isWriteRefused(error) ? check.refusal() : null) ?? error;
      }
    };
  }
  return guarded as H;
}
