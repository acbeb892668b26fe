/** 气表业务综合查询 (R-STAT-04) and the monthly ignition count by community, 26th–25th (R-STAT-01..03). */
import { describe, expect, it } from 'vitest';
import { ignitionMonthWindow } from '../../main/domain/statistics.js';
import { acceptBusiness } from '../../main/services/businesses.js';
import type { Actor } from '../../main/services/context.js';
import { saveIgnition, saveSealForm } from '../../main/services/follow-ups.js';
import { dispatch, enterReceipt } from '../../main/services/work-orders.js';
import { addAccount, makeTestHost, signIn } from '../fixtures/host.js';
import { centiM3 } from '../../preload/kernel/volume.js';

const actor: Actor = {
  staffId: 'staff-clerk02', staffName: '陈晓敏', role: 'clerk', hallId: 'hall-lc', hallName: '鹿城营业厅',
  counterId: 'counter-lc02', counterCode: 'LC02', counterName: '2号窗口',
};
const appliances = {
  flameFailureDevice: true, cookerBrand: '', cookerYear: '', heaterBrand: '', heaterOutput: '', heaterYear: '', heatingBrand: '', heatingPower: '', heatingYear: '',
};

describe('statistics periods', () => {
  it('runs the ignition month from the 26th to the 25th (R-STAT-01, R-STAT-03 example)', () => {
    expect(ignitionMonthWindow('2024-05')).toEqual({ from: '2024-04-26', to: '2024-05-25' });
    expect(ignitionMonthWindow('2025-01')).toEqual({ from: '2024-12-26', to: '2025-01-25' });
    expect(() => ignitionMonthWindow('2025-13')).toThrow('YYYY-MM');
  });
});

describe('气表业务综合查询', () => {
  it('counts ignitions and seals by occurrence date and hall, and ignitions by community', async () => {
    const host = makeTestHost();
    try {
      const finish = (accountId: string, type: '点火' | '封表') => {
        const b = acceptBusiness(host.deps, actor, { accountId, type, requirement: '', contactPhone: '13000000000', priority: '等待安排' });
        const wo = dispatch(host.deps, actor, { businessId: b.id, technician: '李师傅', remark: '' });
        enterReceipt(host.deps, actor, { workOrderNo: wo.workOrderNo, arrivedAt: null, implementedAt: null, leftAt: null, result: '合格', businessValid: true, siteRemark: '' });
        if (type === '点火') saveIgnition(host.deps, actor, { businessId: b.id, latestReading: centiM3(0), ...appliances });
        else saveSealForm(host.deps, actor, { businessId: b.id, settledReading: centiM3(0), reason: '外出' });
      };
      const a = addAccount(host, { accountNo: '92000001', name: '甲', address: '幸福小区1幢101', meterStatus: '装表' });
      const b = addAccount(host, { accountNo: '92000002', name: '乙', address: '幸福小区1幢102', meterStatus: '装表' });
      const c = addAccount(host, { accountNo: '92000003', name: '丙', address: '幸福小区1幢103' });
      finish(a.accountId, '点火');
      finish(b.accountId, '点火');
      finish(c.accountId, '封表');
      const clerk = await signIn(host, 'clerk02', 'counter-lc02');
      const counts = await clerk.call('stats.meterBusiness', { from: '2026-11-01', to: '2026-11-30', allHalls: false });
      expect(counts).toMatchObject({ ok: true });
      if (!counts.ok) return;
      const byKind = Object.fromEntries(counts.value.map((r) => [r.kind, r.count]));
      expect(byKind).toEqual({ 报装: 0, 装表: 0, 点火: 2, 改装: 0, 换表: 0, 封表: 1, 拆表: 0, 启封: 0 });
      expect(await clerk.call('stats.meterBusiness', { from: '2026-12-01', to: '2026-12-31', allHalls: false })).toMatchObject({
        ok: true,
        value: expect.arrayContaining([{ kind: '点火', count: 0 }]),
      });
      expect(await clerk.call('stats.meterBusinessList', { from: '2026-11-01', to: '2026-11-30', allHalls: false, kind: '点火' })).toEqual({
        ok: true,
        value: [
          { accountNo: '92000001', name: '甲', address: '幸福小区1幢101', community: '幸福小区', occurredOn: '2026-11-23' },
          { accountNo: '92000002', name: '乙', address: '幸福小区1幢102', community: '幸福小区', occurredOn: '2026-11-23' },
        ],
      });
      expect(await clerk.call('stats.ignitionsByCommunity', { month: '2026-11', allHalls: true })).toEqual({
        ok: true,
        value: { from: '2026-10-26', to: '2026-11-25', rows: [{ community: '幸福小区', count: 2 }], total: 2 },
      });
      expect(await clerk.call('stats.ignitionsByCommunity', { month: '2026-12', allHalls: true })).toMatchObject({ ok: true, value: { total: 0 } });
      expect(await clerk.call('stats.meterBusiness', { from: '2026-12-01', to: '2026-11-01', allHalls: false })).toMatchObject({ ok: false, error: { field: 'from' } });
    } finally {
      host.dispose();
    }
  });
});
