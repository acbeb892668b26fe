/**
 * 报装 through the router (P-REG): validation at the field (DOMAIN §5), sequence number and fee
 * (R-SEQ, R-VAL-11), fee paths (R-REG-01..06), the 安装 business (R-REG-11), the fee on the ledger
 * (R-INV-04), then 派工 → 回执 → 安装单 → 点火 accepted (A-03, R-MTR-01).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../preload/contract.js';
import { decodeEscPos } from '../../hardware/printer/decode.js';
import { makeTestHost, signIn, type TestHost } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let host: TestHost;
beforeEach(() => {
  host = makeTestHost();
});
afterEach(() => host.dispose());

const form = {
  name: '钱多多',
  address: '温州市鹿城区人民路88号幸福小区5幢2单元301室',
  community: '幸福小区',
  area: '鹿城区',
  meterReader: '陈建国',
  customerType: '抄表',
  paymentMethod: '现金',
  bankCardNo: '',
  bankName: '',
  cardHolder: '',
  smsNumber: '',
  smsCompany: '',
  applicationNature: '散户',
  applicationDate: '2026-11-23',
  invoiceDate: '2026-11-23',
  installRequirements: '厨房北墙',
  seq: { book: '0123', building: '05', unit: '02', room: '301' },
  areaType: '老',
  buildingType: '多层',
  connectionFee: '2400',
  contactPhone: '13900001111',
  priority: '等待安排',
  feePath: { kind: 'unpaid' },
  tendered: '2500',
} as const;

const count = (table: string) => scalar(host, `SELECT count(*) FROM ${table}`);

describe('报装', () => {
  it('registers the household, collects the connection fee on the ledger and opens the 安装 business', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('accounts.register', { ...form, readingCycle: '双月' });
    expect(host.store.sqlite.prepare("SELECT reading_cycle FROM accounts WHERE account_no = '10000001'").pluck().get()).toBe('双月');
    expect(res).toMatchObject({
      ok: true,
      value: {
        accountNo: '10000001',
        seqNo: '0123052301',
        business: { businessNo: 'LC01-B00000001', type: '安装', state: '已受理', promisedOn: '2026-11-30' },
        slipNo: 'LC01-00000001',
        changeFen: 10000,
        warnings: [],
        print: { printed: true },
      },
    });
    expect(host.store.sqlite.prepare('SELECT charge_type, invoice_category, fee_fen, total_fen, gas_fen FROM payments').get()).toEqual({
      charge_type: '报装费', invoice_category: '地税', fee_fen: 240000, total_fen: 240000, gas_fen: 0,
    });
    expect(host.store.sqlite.prepare('SELECT status, kind FROM meters').get()).toEqual({ status: '报装', kind: '普通表' });
    // R-SEQ-07: area and building type are stored, never inferred from the length; R-REG-10/12/13: the wishes,
    // 报装性质 and the dates as entered
    expect(host.store.sqlite.prepare('SELECT area_type, building_type, seq_no, application_nature, application_date, invoice_date, install_requirements FROM accounts').get()).toEqual({
      area_type: form.areaType, building_type: form.buildingType, seq_no: '0123052301', application_nature: form.applicationNature,
      application_date: form.applicationDate, invoice_date: form.invoiceDate, install_requirements: form.installRequirements,
    });
    expect(decodeEscPos(host.sim.jobs[0] ?? Buffer.alloc(0))[0]).toBe('营业收费凭证');
  });

  it('shows each validation failure at its field and writes nothing (R-REG-08)', async () => {
    const clerk = await signIn(host);
    const cases = [
      [{ name: '张 三' }, 'name', 'R-VAL-02'],
      [{ customerType: 'IC卡' }, 'paymentMethod', 'R-VAL-01'],
      [{ bankName: '农行' }, 'bankCardNo', 'R-VAL-04'],
      [{ smsNumber: '13800000000' }, 'smsCompany', 'R-VAL-07'],
      [{ applicationNature: '集体' }, 'invoiceDate', 'R-VAL-08'],
      [{ address: ' ' }, 'address', '含单元'], // R-VAL-03
      [{ buildingType: '高层' }, 'connectionFee', 'R-VAL-11'],
      [{ seq: { book: '0123', building: '05', unit: '12', room: '301' } }, 'seqUnit', 'A-44'],
      [{ feePath: { kind: 'lost_before_2006', ledgerRecordFound: false, lossDeclaration: true } }, 'ledgerRecordFound', 'R-REG-03'],
      [{ feePath: { kind: 'lost_after_2006', feeClass: 'B', developerCertificate: false, propertyCertificate: false, lossDeclaration: true } }, 'developerCertificate', 'R-REG-04'],
      [{ feePath: { kind: 'lost_after_2006', feeClass: 'A', developerCertificate: false, propertyCertificate: false, lossDeclaration: false } }, 'lossDeclaration', 'R-REG-05'],
      [{ tendered: '2399.99' }, 'tendered', '不足'],
      [
        { transferWithRegistration: true, feePath: { kind: 'lost_after_2006', feeClass: 'A', developerCertificate: false, propertyCertificate: false, lossDeclaration: true } },
        'applicationDate',
        'R-TRF-03, R-VAL-15',
      ],
    ] as const;
    for (const [patch, field, rule] of cases) {
      const res = await clerk.call('accounts.register', { ...form, ...patch });
      expect(res, rule).toMatchObject({ ok: false, error: { field } });
      if (!res.ok) expect(res.error.message).toContain(rule);
    }
    expect([count('accounts'), count('meters'), count('businesses'), count('payments')]).toEqual([0, 0, 0, 0]);
  });

  it('takes no fee when the invoice is held, and warns when an invoice number is used again (R-REG-15)', async () => {
    const clerk = await signIn(host);
    const first = await clerk.call('accounts.register', { ...form, feePath: { kind: 'invoice', invoiceNo: 'DS-0001' }, tendered: null });
    expect(first).toMatchObject({ ok: true, value: { slipNo: null, print: null, warnings: [] } });
    const second = await clerk.call('accounts.register', {
      ...form,
      address: '温州市鹿城区人民路88号幸福小区5幢2单元302室',
      seq: { ...form.seq, room: '302' },
      feePath: { kind: 'invoice', invoiceNo: 'DS-0001' },
      tendered: null,
    });
    expect(second).toMatchObject({ ok: true, value: { accountNo: '10000002', warnings: ['报装费发票 DS-0001 已用于用户 10000001，请核实 (R-REG-15)'] } });
    expect(count('payments')).toBe(0);
  });

  it('goes on to 派工 → 回执 → 安装单 (报装 → 装表) and then accepts the ignition', async () => {
    const clerk = await signIn(host, 'clerk02', 'counter-lc02');
    const reg = await clerk.call('accounts.register', form);
    if (!reg.ok) throw new Error(reg.error.message);
    const { business, accountId } = reg.value;
    const wo = await clerk.call('businesses.dispatch', { businessId: business.id, technician: '李师傅', remark: '' });
    if (!wo.ok) throw new Error(wo.error.message);
    const workOrderNo = wo.value.workOrderNo;
    expect(await clerk.call('businesses.receipt', { workOrderNo, arrivedAt: '2026-11-25 09:00', implementedAt: null, leftAt: '2026-11-25 11:00', result: '合格', businessValid: true, siteRemark: '' })).toMatchObject({ ok: true, value: { state: '已完成' } });
    const install = await clerk.call('followUps.install', {
      businessId: business.id, model: 'G2.5', meterNo: 'M2026001', direction: '左进', baseReading: '0.5',
      consumables: [{ name: '不锈钢波纹管', unit: '米', quantity: 1.5 }],
    });
    expect(install).toMatchObject({ ok: true, value: { state: '已归档' } });
    expect(host.store.sqlite.prepare('SELECT status, model, meter_no, direction, base_reading_centi FROM meters').get()).toEqual({
      status: '装表', model: 'G2.5', meter_no: 'M2026001', direction: '左进', base_reading_centi: 50,
    });
    const ignition = await clerk.call('businesses.accept', { accountId, type: '点火', requirement: '', contactPhone: '13900001111', priority: '等待安排' });
    expect(ignition).toMatchObject({ ok: true, value: { type: '点火' } });
    if (!ignition.ok) return;
    const ignitionId = ignition.value.id;

    // R-RCPT-10: a failed ignition; the rectification's consumables go on the install form.
    const receiptOf = async (result: Input<'businesses.receipt'>['result'], siteRemark: string) => {
      const wo = await clerk.call('businesses.dispatch', { businessId: ignitionId, technician: '点火员', remark: '' });
      if (!wo.ok) throw new Error(wo.error.message);
      return clerk.call('businesses.receipt', {
        workOrderNo: wo.value.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result, businessValid: true, siteRemark,
      });
    };
    expect(await clerk.call('followUps.rectificationConsumables', { ignitionBusinessId: ignitionId, consumables: [{ name: '管卡', unit: '个', quantity: 2 }] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('R-RCPT-10') },
    });
    expect(await receiptOf('不合格', '进户管漏气，需整改')).toMatchObject({ ok: true, value: { state: '待重新派工' } });
    expect(await clerk.call('followUps.rectificationConsumables', { ignitionBusinessId: ignitionId, consumables: [{ name: '管卡', unit: '个', quantity: 2 }] })).toEqual({
      ok: true,
      value: { formBusinessNo: 'LC02-B00000001' },
    });
    expect(await receiptOf('合格', '')).toMatchObject({ ok: true, value: { state: '已完成' } });

    // R-RCPT-09: the ignition agreement disagrees with the install form until the clerk corrects the original.
    const ignitionForm = {
      businessId: ignitionId, latestReading: '0.5', flameFailureDevice: true, cookerBrand: '', cookerYear: '', heaterBrand: '', heaterOutput: '',
      heaterYear: '', heatingBrand: '', heatingPower: '', heatingYear: '', agreementModel: 'G4', agreementDirection: '左进' as const, agreementPhone: '13900002222',
    };
    expect(await clerk.call('followUps.ignition', ignitionForm)).toMatchObject({ ok: false, error: { message: expect.stringContaining('表型号 G2.5 / G4') } });
    expect(await clerk.call('followUps.ignition', { ...ignitionForm, correctMeterData: true })).toMatchObject({ ok: true, value: { state: '已归档' } });
    expect(host.store.sqlite.prepare('SELECT status, model FROM meters').get()).toEqual({ status: '通气', model: 'G4' });
    expect(host.store.sqlite.prepare('SELECT phone FROM account_phones ORDER BY phone').pluck().all()).toEqual(['13900001111', '13900002222']);
  });
});
