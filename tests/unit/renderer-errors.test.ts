/**
 * issue 10 #16: no error the contract can answer is swallowed by 前台收费. Every code of preload/kernel/errors.ts
 * and of the router/client, with no field, with a field the window knows, with a nested schema path
 * (tickets.0.backName: the ticket payment missing 票背面姓名) and with a field it does not know, must end
 * either at a field the window renders (a FieldError in windows/fee-collection) or in the window's visible
 * general message (ErrorNotice), whichever store action answered it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

const src = (...p: string[]) => join(repoRoot, 'renderer', 'src', ...p);
const feeDir = src('windows', 'fee-collection');

/** Every code a DomainError can carry (parsed from the type, so a new code is covered at once), plus the router's and the client's own. */
function contractCodes(): string[] {
  const text = readFileSync(join(repoRoot, 'preload', 'kernel', 'errors.ts'), 'utf8');
  const union = text.slice(text.indexOf('export type ErrorCode'), text.indexOf(';', text.indexOf('export type ErrorCode')));
  const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] ?? '');
  const router = readFileSync(join(repoRoot, 'main', 'ipc', 'router.ts'), 'utf8');
  const client = readFileSync(src('api', 'client.ts'), 'utf8');
  for (const m of [...router.matchAll(/code: '([A-Z_]+)'/g), ...client.matchAll(/code: '([A-Z_]+)'/g)]) codes.push(m[1] ?? '');
  return [...new Set(codes)].filter((c) => c !== '');
}

/** The fields 前台收费 shows an error next to: every field name its components compare the store's error with. */
function renderedFields(): Set<string> {
  const fields = new Set<string>();
  for (const file of readdirSync(feeDir).filter((f) => f.endsWith('.tsx'))) {
    const text = readFileSync(join(feeDir, file), 'utf8');
    if (!/useFeeCollection\(\)/.test(text) && !/useFeeCollection\(\(s\) => s\.error/.test(text)) continue;
    for (const m of text.matchAll(/error\??\.field === '([\w.]+)'/g)) fields.add(m[1] ?? '');
    for (const m of text.matchAll(/fieldError\(([^)]*)\)/g)) for (const q of (m[1] ?? '').matchAll(/'([\w.]+)'/g)) fields.add(q[1] ?? '');
  }
  return fields;
}

const generalShown = () => /<ErrorNotice\b/.test(readFileSync(join(feeDir, 'FeeCollection.tsx'), 'utf8'));

interface ApiError {
  code: string;
  message: string;
  field?: string;
}
interface FeeStore {
  getState(): {
    error: { field: string; message: string } | null;
    unpaid: unknown;
    selectedBills: string[];
    paid: unknown;
    choose(id: string): Promise<void>;
    enterReading(): Promise<void>;
    splitFirst(v: string): Promise<void>;
    pay(): Promise<boolean>;
    reprint(): Promise<void>;
    reset(): void;
  };
  setState(patch: Record<string, unknown>): void;
}

const unpaid = {
  account: { id: 'acc-1', accountNo: '30000001', name: '张三', address: '人民路88号', customerType: '抄表', prepaid: 0 },
  businessDate: '2026-11-23',
  totalFen: 12000,
  bills: [{ id: 'bill-1', consumption: 3478, gasFen: 12000, lateFeeFen: 0, totalFen: 12000 }],
};

let answer: ApiError = { code: 'VALIDATION', message: '' };
let store: FeeStore;

beforeAll(async () => {
  const gas = new Proxy({}, { get: () => () => Promise.resolve({ ok: false, error: answer }) });
  (globalThis as { window?: unknown }).window = { gas, location: { search: '', host: '' } };
  const path = src('stores', 'fee-collection.ts');
  store = ((await import(/* @vite-ignore */ path)) as { useFeeCollection: FeeStore }).useFeeCollection;
});

afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
});

/** Each store action that calls the back end, with the state it needs. */
const actions: [string, (s: FeeStore) => Promise<unknown>][] = [
  ['choose', (s) => s.getState().choose('acc-1')],
  ['enterReading', (s) => (s.setState({ unpaid, reading: '200' }), s.getState().enterReading())],
  ['splitFirst', (s) => (s.setState({ unpaid, selectedBills: ['bill-1'] }), s.getState().splitFirst('10'))],
  ['pay', (s) => (s.setState({ unpaid, selectedBills: ['bill-1'], tendered: '200' }), s.getState().pay())],
  ['reprint', (s) => (s.setState({ unpaid, paid: { slipNo: 'LC01-00000001' } }), s.getState().reprint())],
];

describe('前台收费 shows every error the contract can answer (issue 10 #16)', () => {
  const codes = contractCodes();
  it('collects the codes from the domain, the router and the client', () => {
    for (const code of ['VALIDATION', 'FORBIDDEN', 'LOCKED', 'DAY_CLOSED', 'TICKET_REFUSED', 'SOFT_RULE', 'INTERNAL', 'NOT_FOUND', 'UNAUTHENTICATED', 'DISCONNECTED']) {
      expect(codes).toContain(code);
    }
  });

  const fields = [undefined, 'tendered', 'tickets.0.backName', 'tickets.0.count', 'waivers.0.amount', 'approver.password', 'accountId', 'expectedTotalFen', 'noSuchField'];
  for (const [name, run] of actions) {
    it(`${name}: every code with every kind of field lands at a rendered field or in the visible message`, async () => {
      const shown = renderedFields();
      const swallowed: string[] = [];
      // LOCKED never reaches a window: the lock screen shows it and the call goes again after the unlock (below).
      for (const code of codes.filter((c) => c !== 'LOCKED')) {
        for (const field of fields) {
          store.getState().reset();
          const message = `${code} ${field ?? '-'} 的提示`;
          answer = { code, message, ...(field ? { field } : {}) };
          await run(store);
          const error = store.getState().error;
          const atField = error !== null && error.message === message && shown.has(error.field);
          let inNotice = false;
          if (error !== null && error.message === message && !atField && generalShown()) {
            const notice = ((await import(/* @vite-ignore */ src('components', 'ErrorNotice.tsx'))) as { ErrorNotice: (p: { error: unknown }) => unknown }).ErrorNotice;
            inNotice = renderToStaticMarkup(createElement(notice as never, { error } as never)).includes(message);
          }
          if (!atField && !inNotice) swallowed.push(`${code}/${field ?? '(none)'} → ${error ? error.field : 'no error'}`);
        }
      }
      expect(swallowed).toEqual([]);
    });
  }

  it('a LOCKED answer shows the lock screen; the call goes again after the unlock and the window sees only that answer (issue 10 #14)', async () => {
    const client = (await import(/* @vite-ignore */ src('api', 'client.ts'))) as {
      call(m: string, i: unknown): Promise<{ ok: boolean }>;
      whenLocked(f: () => void): void;
      setLocked(v: boolean): void;
    };
    const answers = [{ ok: false, error: { code: 'LOCKED', message: '屏幕已锁定，请输入密码解锁' } }, { ok: true, value: [] }, { ok: true, value: { rows: [], truncated: false } }];
    const sent: string[] = [];
    (globalThis as { window?: unknown }).window = {
      gas: new Proxy({}, { get: (_t, method: string) => () => (sent.push(method), Promise.resolve(answers.shift())) }),
    };
    let lockShown = 0;
    client.whenLocked(() => (lockShown += 1));
    let settled: { ok: boolean } | null = null;
    const pending = client.call('receipts.unprinted', {}).then((r) => (settled = r));
    await new Promise((r) => setTimeout(r, 20));
    expect(lockShown).toBe(1);
    expect(settled).toBeNull();
    // While locked, no other window call goes out either.
    void client.call('accounts.search', { query: '张三' });
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual(['receipts.unprinted']);
    client.setLocked(false);
    await pending;
    expect(settled).toEqual({ ok: true, value: [] });
    expect(sent.slice(0, 2)).toEqual(['receipts.unprinted', 'receipts.unprinted']);
    (globalThis as { window?: unknown }).window = { gas: new Proxy({}, { get: () => () => Promise.resolve({ ok: false, error: answer }) }) };
  });

  it('a payment answered LOCKED is never sent again by itself: the clerk sees it was not taken and submits again after the unlock', async () => {
    const client = (await import(/* @vite-ignore */ src('api', 'client.ts'))) as {
      call(m: string, i: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }>;
      whenLocked(f: () => void): void;
      setLocked(v: boolean): void;
    };
    client.setLocked(false);
    const sent: string[] = [];
    (globalThis as { window?: unknown }).window = {
      gas: new Proxy({}, { get: (_t, method: string) => () => (sent.push(method), Promise.resolve({ ok: false, error: { code: 'LOCKED', message: '屏幕已锁定，请输入密码解锁' } })) }),
    };
    let lockShown = 0;
    client.whenLocked(() => (lockShown += 1));
    const res = await Promise.race([client.call('payments.payCash', {}), new Promise((r) => setTimeout(() => r('held'), 50))]);
    expect(lockShown).toBe(1);
    expect(res).toMatchObject({ ok: false, error: { code: 'LOCKED', message: expect.stringContaining('未提交') } });
    // and while the screen is locked a money call is refused at once, not held for later
    expect(await Promise.race([client.call('cards.recharge', {}), new Promise((r) => setTimeout(() => r('held'), 50))])).toMatchObject({ ok: false });
    client.setLocked(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual(['payments.payCash']);
    (globalThis as { window?: unknown }).window = { gas: new Proxy({}, { get: () => () => Promise.resolve({ ok: false, error: answer }) }) };
  });

  it('a ticket payment missing 票背面姓名 is shown at the tickets (R-TKT-07)', async () => {
    store.getState().reset();
    answer = { code: 'VALIDATION', message: '请登记票背面的姓名', field: 'tickets.0.backName' };
    store.setState({ unpaid, selectedBills: ['bill-1'], tendered: '200' });
    await store.getState().pay();
    expect(store.getState().error).toMatchObject({ field: 'ticketBackName', message: '请登记票背面的姓名' });
    expect(renderedFields().has('ticketBackName')).toBe(true);
  });
});
