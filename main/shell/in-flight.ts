/**
 * Issue 12 #5: the calls each window has in the back end, as the shell sees them (main/app.ts wraps every
 * backend.call). Closing a window while a payment or a card write is in flight waits for it or asks; the
 * app stops the back end only once the calls are answered. No electron import: tested headless.
 */
import type { MethodName } from '../../preload/channels.js';

/** Calls that move money, write a card or close the day: never cut off silently. What the clerk is told they are. */
export const MUST_FINISH: Partial<Record<MethodName, string>> = {
  'payments.payCash': '收费',
  'payments.recordElectronic': '电子支付入账',
  'payments.reverse': '冲正',
  'invoices.issue': '开具发票',
  'cards.recharge': '购气写卡',
  'cards.issue': '发卡写卡',
  'cards.recover': '补写卡',
  'bank.writeOff': '银行代扣销账',
  'bank.writeOffManual': '银行代扣销账',
  'handheld.commit': '抄表入库',
  'day.close': '日结',
};

interface Call {
  method: string;
  settled: Promise<void>;
}

export class InFlight {
  private readonly calls = new Map<string, Set<Call>>();

  /** Records `result` as in flight for the connection until it settles; returns it unchanged. */
  track<T>(connection: string, method: string, result: Promise<T>): Promise<T> {
    let set = this.calls.get(connection);
    if (!set) this.calls.set(connection, (set = new Set()));
    const calls = set;
    const call: Call = {
      method,
      settled: result.then(
        () => undefined,
        () => undefined,
      ),
    };
    calls.add(call);
    void call.settled.then(() => {
      calls.delete(call);
      if (calls.size === 0 && this.calls.get(connection) === calls) this.calls.delete(connection);
    });
    return result;
  }

  /** The methods in flight for the connection. */
  pending(connection: string): string[] {
    return [...(this.calls.get(connection) ?? [])].map((c) => c.method);
  }

  /** What the clerk would be cutting off: the must-finish calls in flight, by their Chinese names. */
  mustFinish(connection: string): string[] {
    return [...new Set(this.pending(connection).flatMap((m) => MUST_FINISH[m as MethodName] ?? []))];
  }

  /** Resolves true when every call of the connection (or of all, without one) is answered, false after `ms`. */
  async settled(connection: string | null, ms: number): Promise<boolean> {
    const sets = connection === null ? [...this.calls.values()] : [this.calls.get(connection) ?? new Set<Call>()];
    const all = Promise.all(sets.flatMap((s) => [...s].map((c) => c.settled))).then(() => true);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    try {
      return await Promise.race([all, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The question when a window with must-finish calls is closed; button 0 (the default) waits. */
export function closeQuestion(what: string[]) {
  return {
    type: 'question' as const,
    title: '业务正在办理中',
    message: `正在办理：${what.join('、')}，尚未完成。`,
    detail: '现在关闭窗口可能使本笔业务状态不明（款已收或卡已写而未记录）。建议等待完成后再关闭。',
    buttons: ['等待完成后关闭', '不关闭', '仍然关闭'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}
export const CLOSE_WAIT = 0;
export const CLOSE_CANCEL = 1;
export const CLOSE_ANYWAY = 2;
