/**
 * issue 10 #16, every window besides 前台收费: no error the contract can answer is swallowed. Each store action
 * of renderer/src/stores that calls the back end is answered with every error code of preload/kernel/errors.ts,
 * the router and the client, with no field, with a field the window renders, with a field it does not know and
 * with schema paths (items.0.x); then the window itself is rendered (react-dom/server) from the store's state,
 * and the answer's message must be in it: at the field the window shows it at, or in its general ErrorNotice.
 * A second part checks each window's list of rendered error fields against what its JSX renders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../../main/paths.js';
import { allowedResults } from '../../main/domain/work-order.js';
import type { BusinessType } from '../../preload/kernel/enums.js';

// zustand renders a store's *initial* state on the server; the test renders the state the action left.
vi.mock('zustand', async (importOriginal) => {
  const z = await importOriginal<typeof import('zustand')>();
  type Api = { getState(): unknown; getInitialState(): unknown };
  const createStore = z.createStore as unknown as (fn: unknown) => Api;
  const make = (fn: unknown) => {
    const api = createStore(fn);
    api.getInitialState = api.getState;
    const hook = (selector?: unknown) => z.useStore(api as never, selector as never);
    return Object.assign(hook, api);
  };
  return { ...z, create: (fn?: unknown) => (fn ? make(fn) : make) };
});

const src = (...p: string[]) => join(repoRoot, 'renderer', 'src', ...p);

function contractCodes(): string[] {
  const text = readFileSync(join(repoRoot, 'preload', 'kernel', 'errors.ts'), 'utf8');
  const union = text.slice(text.indexOf('export type ErrorCode'), text.indexOf(';', text.indexOf('export type ErrorCode')));
  const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] ?? '');
  const router = readFileSync(join(repoRoot, 'main', 'ipc', 'router.ts'), 'utf8');
  const client = readFileSync(src('api', 'client.ts'), 'utf8');
  for (const m of [...router.matchAll(/code: '([A-Z_]+)'/g), ...client.matchAll(/code: '([A-Z_]+)'/g)]) codes.push(m[1] ?? '');
  // issue 11 #7: what the Electron shell answers while the back-end process is down
  const shell = readFileSync(join(repoRoot, 'main', 'backend-protocol.ts'), 'utf8');
  for (const m of shell.matchAll(/export const BACKEND_DOWN = '([A-Z_]+)'/g)) codes.push(m[1] ?? '');
  // LOCKED never reaches a window: the lock screen shows it and the call goes again (renderer-errors.test.ts).
  return [...new Set(codes)].filter((c) => c !== '' && c !== 'LOCKED');
}

interface ApiError {
  code: string;
  message: string;
  field?: string;
}
type Store = {
  getState(): Record<string, unknown> & { error: unknown };
  setState(patch: Record<string, unknown>, replace?: boolean): void;
};
type Act = (s: Store) => Promise<unknown>;
interface WindowCase {
  name: string;
  store: [string, string];
  view: [string, string];
  /** The fields the window renders an error at, in the state its actions leave (sampled as "rendered"). */
  rendered: string[];
  actions: [string, Act][];
}

let answer: ApiError = { code: 'VALIDATION', message: '' };
const unpaid = {
  account: { id: 'acc-1', accountNo: '30000001', name: '张三', address: '人民路88号', customerType: '抄表', prepaid: 0, paymentMethod: '现金', meterStatus: '正常', latestReading: 12000, settledReading: 12000 },
  businessDate: '2026-11-23',
  totalFen: 0,
  bills: [],
};
const queueRow = (state: string, type: string) => ({
  id: 'b-1', businessNo: 'YW01', workOrderNo: 'PG01', type, state, name: '张三', address: '人民路88号', contactPhone: '13800000000',
  requirement: '', accountId: 'acc-1', acceptedOn: '2026-11-20', promisedOn: '2026-11-27', priority: '①', technician: '李四',
  // what main sends with each row (businesses.queue, R-RCPT-03)
  allowedResults: allowedResults(type as BusinessType),
});
const batch = { batch: { id: 'hb-1', meterReader: '王五', status: 'imported' }, rows: [] };

const cases: WindowCase[] = [
  {
    name: '业务受理 business-acceptance',
    store: ['stores/business-acceptance.ts', 'useBusinessAcceptance'],
    view: ['windows/business/BusinessAcceptance.tsx', 'BusinessAcceptance'],
    rendered: ['type', 'requirement', 'contactPhone', 'account'],
    actions: [
      ['load', (s) => (s.setState({ customer: unpaid }), (s.getState().load as (id: string) => Promise<void>)('acc-1'))],
      ...['点火', '安装', '过户', '隐患整改', '统一装表', '缴费方式变更'].map(
        (type): [string, Act] => [`submit ${type}`, (s) => (s.setState({ customer: unpaid, type }), (s.getState().submit as () => Promise<boolean>)())],
      ),
      ['submit 私户点火', (s) => (s.setState({ customer: unpaid, type: '点火', values: { ...(s.getState().values as Record<string, object>), 点火: { ...(s.getState().values as Record<string, object>)['点火'], privateIgnition: true } } }), (s.getState().submit as () => Promise<boolean>)())],
    ],
  },
  {
    name: '派工/回执 work-queue',
    store: ['stores/work-queue.ts', 'useWorkQueue'],
    view: ['windows/work-queue/WorkQueue.tsx', 'WorkQueue'],
    rendered: ['technician', 'remark', 'agreedDate'],
    actions: [
      ['refresh', (s) => (s.getState().refresh as () => Promise<void>)()],
      ...[['待派工', '点火'], ['已派工', '点火'], ['已完成', '点火'], ['已完成', '安装'], ['已完成', '封表'], ['已完成', '换表'], ['已完成', '改装'], ['已完成', '校表'], ['已完成', '其它']].map(
        ([state, type]): [string, Act] => [`save ${state} ${type}`, (s) => (s.setState({ rows: [queueRow(state ?? '', type ?? '')], cursor: 0 }), (s.getState().save as () => Promise<void>)())],
      ),
      ['defer', (s) => (s.setState({ rows: [queueRow('待派工', '点火')], cursor: 0 }), (s.getState().defer as (a: string, b: string) => Promise<void>)('2026-12-20', '用户出差'))],
      ['voidIt', (s) => (s.setState({ rows: [queueRow('待派工', '点火')], cursor: 0 }), (s.getState().voidIt as (r: string) => Promise<void>)('重复受理'))],
    ],
  },
  {
    name: '用户报装 registration',
    store: ['stores/registration.ts', 'useRegistration'],
    view: ['windows/registration/Registration.tsx', 'Registration'],
    rendered: ['name', 'address', 'contactPhone'],
    actions: [['submit', (s) => ((s.getState().start as (d: string) => void)('2026-11-23'), (s.getState().submit as () => Promise<boolean>)())]],
  },
  {
    name: '卡务 ic-cards',
    store: ['stores/ic-cards.ts', 'useIcCards'],
    view: ['windows/ic-cards/IcCards.tsx', 'IcCards'],
    rendered: ['card', 'value', 'tendered', 'census'],
    actions: [
      ['read', (s) => (s.getState().read as () => Promise<void>)()],
      ['recharge', (s) => (s.setState({ accountId: 'acc-1', value: '10', tendered: '50' }), (s.getState().recharge as () => Promise<boolean>)())],
      ['issueCard', (s) => (s.setState({ accountId: 'acc-1' }), (s.getState().issueCard as () => Promise<void>)())],
      ['recover', (s) => (s.getState().recover as (w: string, a: string) => Promise<void>)('cw-1', 'retry')],
      ['loadPending', (s) => (s.getState().loadPending as () => Promise<void>)()],
      ['runCensus', (s) => (s.setState({ accountId: 'acc-1' }), (s.getState().runCensus as (i: unknown) => Promise<void>)({ remaining: '1', used: '1' }))],
    ],
  },
  {
    name: '抄表机 handheld',
    store: ['stores/handheld.ts', 'useHandheld'],
    view: ['windows/handheld/Handheld.tsx', 'Handheld'],
    rendered: ['meterReader', 'confirmedCount', 'handheld'],
    actions: [
      ['loadReaders', (s) => (s.getState().loadReaders as () => Promise<void>)()],
      ['syncClock', (s) => (s.getState().syncClock as () => Promise<void>)()],
      ['showList', (s) => (s.setState({ meterReader: '王五' }), (s.getState().showList as () => Promise<void>)())],
      ['upload', (s) => (s.setState({ meterReader: '王五', confirmedCount: '3' }), (s.getState().upload as () => Promise<void>)())],
      ['importReadings', (s) => (s.getState().importReadings as () => Promise<void>)()],
      ['sendBack', (s) => (s.setState({ batch, selected: ['r-1'] }), (s.getState().sendBack as () => Promise<void>)())],
      ['commit', (s) => (s.setState({ batch }), (s.getState().commit as () => Promise<void>)())],
    ],
  },
  {
    name: '银行代扣 bank',
    store: ['stores/bank.ts', 'useBank'],
    view: ['windows/bank/Bank.tsx', 'Bank'],
    rendered: ['bank', 'file', 'manualSlipNo'],
    actions: [
      ['loadRuns', (s) => (s.getState().loadRuns as () => Promise<void>)()],
      ['showPreview', (s) => (s.getState().showPreview as () => Promise<void>)()],
      ['generate', (s) => (s.getState().generate as () => Promise<void>)()],
      ['checkReturn', (s) => (s.setState({ runId: 'run-1', returnFile: new Blob(['x']), returnName: 'r.txt' }), (s.getState().checkReturn as () => Promise<void>)())],
      ['writeOff', (s) => (s.setState({ runId: 'run-1', returnFile: new Blob(['x']), returnName: 'r.txt' }), (s.getState().writeOff as () => Promise<void>)())],
      ['writeOffManual', (s) => (s.getState().writeOffManual as (n: string) => Promise<void>)('SD-0001')],
    ],
  },
  {
    name: '登录 Login',
    store: ['stores/session.ts', 'useSession'],
    view: ['windows/Login.tsx', 'Login'],
    rendered: ['login', 'password', 'counterId'],
    actions: [
      ['loadCounters', (s) => (s.getState().loadCounters as () => Promise<void>)()],
      ['login', (s) => (s.getState().login as (a: string, b: string, c: string) => Promise<void>)('zhang', 'pw', 'c-1')],
    ],
  },
  {
    name: '修改初始密码 Login/ChangePassword',
    store: ['stores/session.ts', 'useSession'],
    view: ['windows/Login.tsx', 'Login'],
    rendered: ['currentPassword', 'newPassword'],
    actions: [
      ['changePassword', (s) => (s.setState({ session: { mustChangePassword: true } }), (s.getState().changePassword as (a: string, b: string) => Promise<void>)('old', 'new-pass-1'))],
    ],
  },
  {
    name: '锁屏 LockScreen',
    store: ['stores/session.ts', 'useSession'],
    view: ['components/LockScreen.tsx', 'LockScreen'],
    rendered: [],
    actions: [['unlock', (s) => (s.setState({ session: { login: 'zhang', name: '张', counterName: '1号窗口' }, locked: true }), (s.getState().unlock as (p: string) => Promise<boolean>)('pw'))]],
  },
  {
    name: '检索 customer-search',
    store: ['stores/customer-search.ts', 'useCustomerSearch'],
    view: ['components/SearchPanel.tsx', 'SearchPanel'],
    rendered: [],
    actions: [['search', (s) => (s.setState({ query: '张三' }), (s.getState().search as () => Promise<void>)())]],
  },
];

const otherFields = [undefined, '', 'noSuchField', 'items.0.noSuchField', 'accountId', 'businessId', 'batchId', 'runId', 'writeId', 'approver.password', 'consumables.0.quantity', 'tickets.0.backName', 'reason', 'tendered', 'model'];

beforeAll(() => {
  const gas = new Proxy({}, { get: () => () => Promise.resolve({ ok: false, error: answer }) });
  const storage = { getItem: () => null, setItem: () => undefined };
  (globalThis as { window?: unknown }).window = { gas, location: { search: '', host: '' }, localStorage: storage, addEventListener: () => undefined };
  (globalThis as { document?: unknown }).document = { querySelector: () => null, querySelectorAll: () => [] };
});
afterAll(() => {
  delete (globalThis as { window?: unknown }).window;
  delete (globalThis as { document?: unknown }).document;
});

const load = async <T>([file, name]: [string, string]): Promise<T> => ((await import(/* @vite-ignore */ src(file))) as Record<string, T>)[name] as T;

describe('every window shows every error the contract can answer (issue 10 #16)', () => {
  const codes = contractCodes();
  for (const c of cases) {
    for (const [action, run] of c.actions) {
      it(`${c.name} · ${action}: every code with every kind of field is rendered at a field or in the window's notice`, async () => {
        const store = await load<Store>(c.store);
        const view = await load<() => unknown>(c.view);
        const initial = store.getState();
        const swallowed: string[] = [];
        for (const code of codes) {
          for (const field of [...c.rendered, ...otherFields]) {
            store.setState(initial, true);
            const message = `${code}·${field ?? '-'}·提示`;
            answer = { code, message, ...(field !== undefined ? { field } : {}) };
            await run(store);
            const html = renderToStaticMarkup(createElement(view as never));
            if (!html.includes(message)) swallowed.push(`${code}/${field ?? '(none)'} → ${JSON.stringify(store.getState().error)}`);
          }
        }
        store.setState(initial, true);
        expect(swallowed.slice(0, 12)).toEqual([]);
      });
    }
  }
});

/** The field names a window's JSX shows an error at: fieldError('x'), err('x'), fe('x'), error?.field === 'x', and the tables of HazardFields/UnifiedInstallFields. */
function jsxFields(dir: string, files?: string[], part?: RegExp): Set<string> {
  const found = new Set<string>();
  const names = files ?? readdirSync(src(dir)).filter((f) => f.endsWith('.tsx'));
  for (const file of names) {
    const text = part ? partsOf(readFileSync(src(dir, file), 'utf8'), part) : readFileSync(src(dir, file), 'utf8');
    for (const m of text.matchAll(/\b(?:fieldError|err|fe)\(\s*'(\w+)'\s*\)/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(/error\?\.field === '(\w+)'/g)) found.add(m[1] ?? '');
    for (const m of text.matchAll(/extraInput\('(\w+)'/g)) found.add(m[1] ?? '');
    if (file === 'hazard.tsx') for (const m of text.matchAll(/\['(\w+)', '/g)) found.add(m[1] ?? '');
  }
  return found;
}
/**
 * issue 11 #8: a business's module (stores/businesses/<business>.tsx) holds its 业务受理 panel (function
 * <X>Fields, with the lists it maps over) and its 派工/回执 follow-up form (function <X>FollowUp); each window's
 * check reads the top-level declarations named by `part`.
 */
function partsOf(text: string, part: RegExp): string {
  return text
    .split(/^(?=(?:export )?(?:async )?(?:function|const|let|interface|type) )/m)
    .filter((chunk) => part.test(/^(?:export )?(?:async )?(?:function|const|let|interface|type) (\w+)/.exec(chunk)?.[1] ?? ''))
    .join('\n');
}
const businessModules = () => readdirSync(src('stores', 'businesses')).filter((f) => f.endsWith('.tsx'));
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe("each window's list of error fields is what its JSX renders (issue 10 #16)", () => {
  it('银行代扣', async () => {
    const { BANK_ERROR_FIELDS } = (await import(/* @vite-ignore */ src('stores', 'bank.ts'))) as { BANK_ERROR_FIELDS: string[] };
    expect(sorted(BANK_ERROR_FIELDS)).toEqual(sorted(jsxFields('windows/bank', ['Bank.tsx'])));
  });
  it('抄表机 (with the list up and 大额方数 rows)', async () => {
    const { handheldErrorFields } = (await import(/* @vite-ignore */ src('stores', 'handheld.ts'))) as { handheldErrorFields: (s: unknown) => string[] };
    const large = { batch: { status: 'imported' }, rows: [{ state: 'pending', anomalies: [{ code: 'large' }] }] };
    expect(sorted(handheldErrorFields({ list: {}, batch: large }))).toEqual(sorted(jsxFields('windows/handheld')));
  });
  it('卡务', async () => {
    const { CARD_ERROR_FIELDS } = (await import(/* @vite-ignore */ src('stores', 'ic-cards.ts'))) as { CARD_ERROR_FIELDS: Record<string, string[]> };
    expect(sorted(Object.values(CARD_ERROR_FIELDS).flat())).toEqual(sorted(jsxFields('windows/ic-cards')));
  });
  it('登录 and 修改初始密码', async () => {
    const m = (await import(/* @vite-ignore */ src('windows', 'Login.tsx'))) as Record<string, string[]>;
    expect(sorted([...(m.SIGN_IN_ERROR_FIELDS ?? []), ...(m.CHANGE_PASSWORD_ERROR_FIELDS ?? [])])).toEqual(sorted(jsxFields('windows', ['Login.tsx'])));
  });
  it('设备设置 (issue 12 #2)', async () => {
    const { DEVICE_SETTINGS_ERROR_FIELDS } = (await import(/* @vite-ignore */ src('windows', 'settings', 'DeviceSettings.tsx'))) as { DEVICE_SETTINGS_ERROR_FIELDS: string[] };
    expect(sorted(DEVICE_SETTINGS_ERROR_FIELDS)).toEqual(sorted(jsxFields('windows/settings', ['DeviceSettings.tsx'])));
  });
  it('缴款报告', async () => {
    const { CASH_REPORT_ERROR_FIELDS } = (await import(/* @vite-ignore */ src('windows', 'day-close', 'CashReport.tsx'))) as { CASH_REPORT_ERROR_FIELDS: string[] };
    expect(sorted(CASH_REPORT_ERROR_FIELDS)).toEqual(sorted(jsxFields('windows/day-close', ['CashReport.tsx'])));
  });
  it('派工/回执 (every step of every row)', async () => {
    const { queueErrorFields } = (await import(/* @vite-ignore */ src('stores', 'work-queue.ts'))) as { queueErrorFields: (r: unknown) => string[] };
    const all = ['queue'];
    for (const state of ['待派工', '已派工', '已完成']) for (const type of ['安装', '改装', '点火', '二次点火', '封表', '拆表', '启封', '校表', '换表', '其它']) all.push(...queueErrorFields(queueRow(state, type)));
    const followUps = jsxFields('stores/businesses', businessModules(), /FollowUp$/);
    expect(sorted(all)).toEqual(sorted([...jsxFields('windows/work-queue'), ...followUps]));
  });
  it('业务受理 (every type, an IC-card customer)', async () => {
    const { acceptanceErrorFields } = (await import(/* @vite-ignore */ src('stores', 'business-acceptance.ts'))) as { acceptanceErrorFields: (s: unknown) => string[] };
    const customer = { ...unpaid, account: { ...unpaid.account, customerType: 'IC卡' } };
    const all: string[] = [];
    for (const type of ['安装', '改装', '点火', '二次点火', '封表', '拆表', '启封', '校表', '换表', '其它', '过户', '缴费方式变更', '统一装表', '隐患整改']) {
      all.push(...acceptanceErrorFields({ customer, type, values: { 缴费方式变更: { toMethod: '银行代缴' }, 换表: { icToOrdinary: true } } }));
    }
    const own = ['VisitForm.tsx', 'PipeSealLog.tsx'];
    // issue 11 #8: a business's panel is in its module (stores/businesses/<business>.tsx)
    const panels = jsxFields('stores/businesses', businessModules(), /Fields$|^FIELDS$/);
    const windowFields = jsxFields('windows/business', readdirSync(src('windows', 'business')).filter((f) => f.endsWith('.tsx') && !own.includes(f)));
    expect(sorted(all)).toEqual(sorted([...windowFields, ...panels]));
  });
});
