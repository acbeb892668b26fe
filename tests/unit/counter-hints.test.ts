/**
 * What the counter windows tell the clerk to say or hand over, rendered with react-dom/server: the cooker notice
 * and the withholding promotion at 业务受理 (R-GEN-04, R-GEN-06), the 启封 documents and application form
 * (R-UNSEAL-01, R-UNSEAL-04), the hose advice (R-HOSE-03), persuading a household without a connection fee
 * (R-PIPE-02), the lines the customer signs on the 报装单 (R-GEN-09), the print position of A4 sheets (R-DOC-01),
 * and the customer card the clerk checks with the customer before collecting (R-SEC-24).
 */
import { join } from 'node:path';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../main/paths.js';

/** The renderer is loaded by path (its imports are the bundler's, not NodeNext's), as renderer-errors-windows does. */
const src = (...p: string[]) => join(repoRoot, 'renderer', 'src', ...p);
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ src(file))) as T;

interface PanelProps {
  customer: unknown;
  values: object;
  set(patch: object): void;
  error: null;
  fieldError(field: string): string | null;
  confirmTender: boolean;
  setConfirmTender(v: boolean): void;
}
interface FieldAcceptance {
  kind: 'field';
  cookerNotice?: boolean;
  form?: { defaults: object; Panel: ComponentType<PanelProps> };
}
type Business = { acceptance: FieldAcceptance | { kind: 'account' } };
/* eslint-disable @typescript-eslint/no-explicit-any */
let FIELD_BUSINESSES: Record<string, Business>;
let t: { business: { cookerNotice: string; promoteBank: string } };
let AccountCard: ComponentType<any>;
let ApplicationSlip: ComponentType<any>;
let PipeSealLog: ComponentType<any>;
let sheetOffsetTransform: (offset: string) => string;
let testAgreementRow: (s: { paymentMethod: string; bankName: string | null; depositSlipNo: string | null }) => string[];

beforeAll(async () => {
  ({ FIELD_BUSINESSES } = await load<{ FIELD_BUSINESSES: Record<string, Business> }>('stores/businesses/index.ts'));
  ({ t } = await load<{ t: typeof t }>('i18n/zh-CN.ts'));
  ({ AccountCard } = await load<{ AccountCard: ComponentType<any> }>('components/AccountCard.tsx'));
  ({ ApplicationSlip } = await load<{ ApplicationSlip: ComponentType<any> }>('windows/registration/ApplicationSlip.tsx'));
  ({ PipeSealLog } = await load<{ PipeSealLog: ComponentType<any> }>('windows/business/PipeSealLog.tsx'));
  ({ sheetOffsetTransform, testAgreementRow } = await load<{ sheetOffsetTransform: typeof sheetOffsetTransform; testAgreementRow: typeof testAgreementRow }>(
    'windows/dispatch-sheets/DispatchSheets.tsx',
  ));
});

function renderPanel(business: Business | undefined): string {
  const acceptance = business?.acceptance;
  if (acceptance?.kind !== 'field') throw new Error('not a field business');
  const form = acceptance.form;
  if (!form) throw new Error('no form');
  const props: PanelProps = {
    customer: {},
    values: form.defaults,
    set: () => undefined,
    error: null,
    fieldError: () => null,
    confirmTender: false,
    setConfirmTender: () => undefined,
  };
  return renderToStaticMarkup(createElement(form.Panel, props));
}

describe('前台收费', () => {
  it('shows the picked customer\'s name, number and address with the hint to check them with the customer (R-GEN-03, R-SEC-24)', () => {
    const account = {
      id: 'acc-1', accountNo: '30000001', name: '张三', address: '人民路88号5幢2单元301室', customerType: '抄表', paymentMethod: '现金',
      meterStatus: '通气', latestReading: 12000, settledReading: 12000, prepaid: 0,
    };
    const html = renderToStaticMarkup(createElement(AccountCard, { account }));
    for (const text of ['张三', '30000001', '人民路88号5幢2单元301室', '请与用户核对地址和户名']) expect(html).toContain(text);
  });
});

describe('业务受理 notices', () => {
  it('reminds of the flame-failure device at 点火, 二次点火 and 启封 (R-GEN-04) and promotes withholding to cash customers (R-GEN-06)', () => {
    const withNotice = Object.entries(FIELD_BUSINESSES)
      .filter(([, b]) => b.acceptance.kind === 'field' && (b.acceptance as FieldAcceptance).cookerNotice === true)
      .map(([type]) => type);
    expect(withNotice.sort()).toEqual(['二次点火', '启封', '点火'].sort());
    expect(t.business.cookerNotice).toContain('熄火保护装置');
    expect(t.business.promoteBank).toContain('银行代扣');
  });

  it('asks for the owner\'s ID, an agent\'s ID copy and the 启封申请表 at 启封 (R-UNSEAL-01, R-UNSEAL-04)', () => {
    const html = renderPanel(FIELD_BUSINESSES['启封']);
    expect(html).toContain('启封须户主身份证');
    expect(html).toContain('身份证复印件');
    expect(html).toContain('启封申请表');
  });

  it('gives the hose advice with the hose length (R-HOSE-03)', () => {
    const html = renderPanel(FIELD_BUSINESSES['其它']);
    expect(html).toContain('不锈钢波纹管只用于固定灶具');
    expect(html).toContain('未超8年');
    expect(html).toContain('name="hoseLength"');
  });

  it('tells the clerk to persuade a household without a connection fee before logging it (R-PIPE-02)', () => {
    expect(renderToStaticMarkup(createElement(PipeSealLog))).toContain('先向用户宣传管道燃气的好处');
  });
});

describe('printed forms', () => {
  it('prints the lines the customer signs on both copies of the 报装单 (R-GEN-09)', () => {
    const done = { accountNo: '10000001', seqNo: '0123052301', business: { businessNo: 'LC01-B00000001', promisedOn: '2026-11-30' } };
    const values = {
      name: '张三', contactPhone: '13900001111', address: '人民路88号', applicationNature: '散户', applicationDate: '2026-11-23',
      paymentMethod: '现金', bankName: '', bankCardNo: '', installRequirements: '',
    };
    const html = renderToStaticMarkup(createElement(ApplicationSlip, { done, values, hallName: '鹿城营业厅' }));
    expect(html.match(/已赠送资料/g)).toHaveLength(2);
    expect(html.match(/我已阅读以上条款/g)).toHaveLength(2);
  });

  it('moves an A4 sheet by the print position typed for pre-printed stock (R-DOC-01)', () => {
    expect(sheetOffsetTransform('5,-3')).toBe('translate(5mm, -3mm)');
    expect(sheetOffsetTransform('0,0')).toBe('translate(0mm, 0mm)');
    expect(sheetOffsetTransform('abc')).toBe('translate(0mm, 0mm)');
  });

  it('adds the test agreement with the payment information to a 校表 dispatch sheet (R-TEST-07)', () => {
    expect(testAgreementRow({ paymentMethod: '银行代缴', bankName: '农行', depositSlipNo: 'LC02-00000001' })).toEqual([
      '检测表协议（随派工单）', '押金收据 LC02-00000001', '用户缴费信息', '银行代缴 农行',
    ]);
  });
});
/* eslint-enable @typescript-eslint/no-explicit-any */
