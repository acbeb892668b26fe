/**
 * The reference driver against the simulator running as its own process on the other end of a socat
 * pty pair: the same bytes a real reader would see on /dev/ttyUSB0. Includes the whole host driving a
 * recharge over the pty with the reply lost (the write is confirmed once by reading the card).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSerialCardReader } from '../../hardware/card/serial.js';
import { seedReferenceData } from '../../main/seed/generate.js';
import { createHost } from '../../main/host.js';
import { migrationsDir } from '../../main/paths.js';
import { startPtySimulator, type PtySimulator } from '../fixtures/pty.js';
import { addAccount, FixedClock, signIn, TEST_CARD_TIMEOUTS, TEST_NOW } from '../fixtures/host.js';
import { scalar } from '../fixtures/data.js';

let pty: PtySimulator;
const control = (line: string) => pty.control(line);

beforeAll(async () => {
  pty = await startPtySimulator('hardware/card/sim-cli.ts');
}, 30_000);

afterAll(() => pty?.stop());

describe('driver ↔ simulator over a socat pty', () => {
  it('identifies, reads, issues and purchases with exact card state', async () => {
    const reader = await openSerialCardReader(pty.app, TEST_CARD_TIMEOUTS);
    try {
      expect(await reader.identify()).toBe('GHC-CARD/1 SIM 1.0');
      await control('remove');
      await expect(reader.read()).rejects.toMatchObject({ status: 'NO_CARD' });
      await control('blank');
      expect(await reader.issue('1-1', '31000001', 0)).toEqual({ cardNo: '1-1', accountNo: '31000001', counter: 0, creditCenti: 0, totalCenti: 0, blank: false });
      expect(await reader.purchase({ cardNo: '1-1', counterBefore: 0, counterAfter: 1, deltaCenti: 1500 })).toMatchObject({ counter: 1, creditCenti: 1500 });
      // a repeated purchase is a compare-and-set miss: nothing is credited twice
      await expect(reader.purchase({ cardNo: '1-1', counterBefore: 0, counterAfter: 1, deltaCenti: 1500 })).rejects.toMatchObject({ status: 'COUNTER_MISMATCH', record: { counter: 1, creditCenti: 1500 } });
      await control('garble');
      expect(await reader.read()).toMatchObject({ counter: 1, creditCenti: 1500 });
      expect(reader.droppedFrames).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  });

  it('the whole host recharges over the pty; a lost reply is confirmed once from the card', async () => {
    const hostDir = join(pty.dir, 'host');
    const host = createHost({ demo: true, dbFile: join(hostDir, 'test.db'), migrationsDir, clock: new FixedClock(TEST_NOW), cardPort: pty.app, cardTimeouts: TEST_CARD_TIMEOUTS });
    try {
      seedReferenceData(host.store.sqlite);
      const { accountId } = addAccount(host, { accountNo: '31000002', name: '王五', address: '温州市鹿城区锦绣路1号', customerType: 'IC卡' });
      const clerk = await signIn(host);
      await control('blank');
      expect(await clerk.call('cards.issue', { accountId, issueType: '制作新卡' })).toMatchObject({ ok: true, value: { cardNo: '31000002-1' } });
      await control('fault lose_reply');
      expect(await clerk.call('cards.recharge', { accountId, by: 'volume', value: '12.5', tendered: '50' })).toMatchObject({ ok: true, value: { totalFen: 4313, credit: 1250, counter: 1 } });
      const state = await control('state');
      expect(state).toMatchObject({ card: { cardNo: '31000002-1', counter: 1, creditCenti: 1250, totalCenti: 1250 } });
      expect(scalar(host, "SELECT count(*) FROM payments WHERE charge_type = '充值费'")).toBe(1);
    } finally {
      host.close();
    }
  });
});
