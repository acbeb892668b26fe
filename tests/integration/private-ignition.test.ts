/** 私自点火 without a contract (R-PRIV-03, A-16): provisional ignition, gas billed, corrected by the 点火登记. */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../main/services/context.js';
import { saveIgnition } from '../../main/services/follow-ups.js';
import { openProvisionalIgnitions } from '../../main/services/private-ignition.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { addAccount, makeTestHost, signIn } from '../fixtures/host.js';
import { centiM3 } from '../../preload/kernel/volume.js';

const actor: Actor = {
  staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口',
};

describe('私自点火', () => {
  it('puts the meter to 通气 with a provisional record, bills the gas used, and is corrected by the 点火登记', async () => {
    const host = makeTestHost();
    try {
      const ids = addAccount(host, { accountNo: '95000001', name: '私点', address: '温州市鹿城区蒲州路2号丽景苑1幢1单元101室', meterStatus: '装表', reading: 100 });
      const clerk = await signIn(host, 'clerk02', 'counter-lc02');
      const res = await clerk.call('businesses.privateIgnition', { accountId: ids.accountId, latestReading: '21', contactPhone: '13200000000', requirement: '' });
      expect(res).toMatchObject({ ok: true, value: { type: '点火', state: '已受理', requirement: '私自点火,气费已收,请补签供用气合同', priority: '尽快安排' } });
      if (!res.ok) return;
      const businessId = res.value.id;
      expect(host.store.sqlite.prepare('SELECT status, latest_reading_centi FROM meters').get()).toEqual({ status: '通气', latest_reading_centi: 2100 });
      // 1 → 21 m³ = 20 m³ × 3.45 = 69.00, collected at 前台收费
      expect(host.store.sqlite.prepare('SELECT consumption_centi, amount_fen, source, status FROM bills').get()).toEqual({
        consumption_centi: 2000, amount_fen: 6900, source: 'reader_phone', status: '未缴',
      });
      expect(openProvisionalIgnitions(host.deps).map((p) => p.businessId)).toEqual([businessId]);

      const wo = dispatch(host.deps, actor, { businessId, technician: '点火员', remark: '补签合同' });
      enterReceipt(host.deps, actor, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
      saveIgnition(host.deps, actor, {
        businessId, latestReading: centiM3(2100), flameFailureDevice: true, cookerBrand: '华帝', cookerYear: '2025', heaterBrand: '', heaterOutput: '',
        heaterYear: '', heatingBrand: '', heatingPower: '', heatingYear: '',
      });
      expect(openProvisionalIgnitions(host.deps)).toEqual([]);
      expect(host.store.sqlite.prepare('SELECT status FROM meters').pluck().get()).toBe('通气');
      // R-PRIV-01: the archive shows the household already ignited: not a private ignition
      expect(await clerk.call('businesses.privateIgnition', { accountId: ids.accountId, latestReading: '30', contactPhone: '13200000000', requirement: '' })).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining('R-MTR-01') },
      });
    } finally {
      host.dispose();
    }
  });
});

describe('私自点火 with a supply contract (R-PRIV-02)', () => {
  it('enters the contract data at once: the ignition is recorded and archived, nothing provisional', async () => {
    const host = makeTestHost();
    try {
      const ids = addAccount(host, { accountNo: '95000002', name: '有合同', address: '温州市鹿城区蒲州路2号丽景苑1幢1单元102室', meterStatus: '装表' });
      const clerk = await signIn(host, 'clerk02', 'counter-lc02');
      const res = await clerk.call('businesses.privateIgnition', {
        accountId: ids.accountId, latestReading: '5', contactPhone: '13200000001', requirement: '',
        contract: { flameFailureDevice: true, cookerBrand: '方太', cookerYear: '2024' },
      });
      expect(res).toMatchObject({ ok: true, value: { state: '已归档', requirement: '私自点火：供气合同已签，补录点火资料' } });
      expect(host.store.sqlite.prepare('SELECT status FROM meters').pluck().get()).toBe('通气');
      expect(host.store.sqlite.prepare('SELECT cooker_brand FROM ignition_records').pluck().get()).toBe('方太');
      expect(openProvisionalIgnitions(host.deps)).toEqual([]);
      expect(host.store.sqlite.prepare('SELECT amount_fen FROM bills').pluck().get()).toBe(1725);
    } finally {
      host.dispose();
    }
  });
});
