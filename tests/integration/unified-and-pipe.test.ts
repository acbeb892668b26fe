/** 统一装表 (R-UNI-02..05, R-MTR-03) and 封管 for households without a connection fee (R-PIPE-03/04, R-ACC-01, A-09). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAccount, makeTestHost, signIn, type TestHost } from '../fixtures/host.js';

let host: TestHost;
beforeEach(() => {
  host = makeTestHost();
});
afterEach(() => host.dispose());

const meter = (id: string) => host.store.sqlite.prepare('SELECT status, model, installed_on AS installedOn FROM meters WHERE id = ?').get(id);
const install = { model: 'G2.5', meterNo: 'U001', direction: '右进' as const, baseReading: '3', installedOn: '', switchUnusedToApplied: false };

describe('统一装表数据保存', () => {
  it('records the meter on a 报装 account with 2002-01-01 when the date is unknown (R-VAL-15), then allows the ignition', async () => {
    const ids = addAccount(host, { accountNo: '93000001', name: '统一', address: '温州市瓯海区学院路1号水心公寓1幢1单元101室', meterStatus: '报装' });
    const clerk = await signIn(host);
    expect(await clerk.call('meters.unifiedInstall', { ...install, accountId: ids.accountId })).toEqual({ ok: true, value: { meterStatus: '装表', installedOn: '2002-01-01' } });
    expect(meter(ids.meterId)).toEqual({ status: '装表', model: 'G2.5', installedOn: '2002-01-01' });
    expect(host.store.sqlite.prepare('SELECT install_requirements FROM accounts').pluck().get()).toBe('统一装表');
    expect(await clerk.call('businesses.accept', { accountId: ids.accountId, type: '点火', requirement: '', contactPhone: '13500000000', priority: '等待安排' })).toMatchObject({ ok: true });
  });
  it('asks to switch a 未用 archive to 报装 first (R-MTR-03) and refuses other states', async () => {
    const unused = addAccount(host, { accountNo: '93000002', name: '未用', address: '温州市瓯海区学院路1号水心公寓1幢1单元102室', meterStatus: '未用' });
    const live = addAccount(host, { accountNo: '93000003', name: '通气', address: '温州市瓯海区学院路1号水心公寓1幢1单元103室' });
    const clerk = await signIn(host);
    expect(await clerk.call('meters.unifiedInstall', { ...install, accountId: unused.accountId })).toMatchObject({ ok: false, error: { field: 'switchUnusedToApplied' } });
    expect(meter(unused.meterId)).toMatchObject({ status: '未用' });
    expect(await clerk.call('meters.unifiedInstall', { ...install, accountId: unused.accountId, switchUnusedToApplied: true, installedOn: '2019-06-01' })).toEqual({
      ok: true,
      value: { meterStatus: '装表', installedOn: '2019-06-01' },
    });
    expect(await clerk.call('meters.unifiedInstall', { ...install, accountId: live.accountId })).toMatchObject({ ok: false, error: { message: expect.stringContaining('「通气」') } });
    expect(await clerk.call('meters.unifiedInstall', { ...install, accountId: unused.accountId, installedOn: '2019-02-30' })).toMatchObject({ ok: false, error: { field: 'installedOn' } });
  });
});

describe('封管 without a connection fee', () => {
  it('logs the request outside the customer archive with the survey date 5 working days from tomorrow', async () => {
    const clerk = await signIn(host);
    const res = await clerk.call('premises.logPipeSeal', { address: '温州市鹿城区信河街9号', householder: '某户', phone: '13300000000', request: '封进户管' });
    expect(res).toMatchObject({ ok: true, value: { recordedOn: '2026-11-23', contactBy: '2026-11-30' } });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
    expect(await clerk.call('premises.logPipeSeal', { address: ' ', householder: '', phone: '13300000000', request: '封立管' })).toMatchObject({ ok: false, error: { field: 'pipeAddress' } });
  });
  it('first checks the system: an address that is a customer with a paid fee is refused, nothing logged (R-PIPE-01, R-PRIV-04)', async () => {
    const clerk = await signIn(host);
    addAccount(host, { accountNo: '10000077', name: '某户', address: '温州市鹿城区信河街10号' });
    const res = await clerk.call('premises.logPipeSeal', { address: '温州市鹿城区信河街10号', householder: '某户', phone: '13300000000', request: '封进户管' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pipeAddress', message: expect.stringContaining('R-PIPE-01') } });
    expect(host.store.sqlite.prepare('SELECT count(*) FROM unregistered_premises').pluck().get()).toBe(0);
    // a privately ignited household that refuses the connection fee: its seal request is logged, not an account
    expect(await clerk.call('premises.logPipeSeal', { address: '温州市鹿城区信河街11号', householder: '某户', phone: '13300000000', request: '封表（私自点火，拒缴报装费）' })).toMatchObject({ ok: true });
  });
});

describe('隐患整改 (R-RCPT-13)', () => {
  it('records the rectification receipt with 整改完成 and 安检结论 通过, refusing bad dates', async () => {
    const ids = addAccount(host, { accountNo: '93000009', name: '安检户', address: '温州市瓯海区学院路1号水心公寓1幢1单元109室' });
    const clerk = await signIn(host);
    const form = { accountId: ids.accountId, inspectionYear: '2026', arrivalDate: '2026-11-20', rectificationDate: '2026-11-21', result: '更换胶管，检漏合格', rectifier: '王师傅', consumables: [] };
    expect(await clerk.call('followUps.hazard', { ...form, rectificationDate: '2026-11-19' })).toMatchObject({ ok: false, error: { field: 'rectificationDate' } });
    expect(await clerk.call('followUps.hazard', { ...form, inspectionYear: '26' })).toMatchObject({ ok: false, error: { field: 'inspectionYear' } });
    expect(await clerk.call('followUps.hazard', form)).toMatchObject({ ok: true, value: { conclusion: '通过' } });
    expect(host.store.sqlite.prepare('SELECT rectification_type, conclusion, rectifier FROM hazard_rectifications').get()).toEqual({
      rectification_type: '整改完成', conclusion: '通过', rectifier: '王师傅',
    });
  });
});
