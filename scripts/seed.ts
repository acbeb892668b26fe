/**
 * npm run seed -- --accounts N [--db FILE] [--today YYYY-MM-DD]
 * Creates (or adds to) a store with demo halls, counters, staff and N accounts with unpaid bills.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openStore } from '../db/open.js';
import { seedAccounts, seedReferenceData, DEMO_PASSWORD, DEMO_STAFF } from '../main/seed/generate.js';
import { businessDateOf } from '../preload/kernel/dates.js';
import { migrationsDir, repoRoot } from '../main/paths.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '2000' },
    db: { type: 'string', default: join(repoRoot, '.data', 'gas-hall.db') },
    today: { type: 'string', default: businessDateOf(new Date()) },
  },
});
const count = Number(values.accounts);
if (!Number.isSafeInteger(count) || count < 0) {
  console.error(`--accounts 必须是非负整数: ${values.accounts}`);
  process.exit(2);
}
mkdirSync(join(values.db, '..'), { recursive: true });
const store = openStore(values.db, { migrationsDir });
const started = Date.now();
seedReferenceData(store.sqlite);
seedAccounts(store.sqlite, {
  accounts: count,
  today: values.today,
  onProgress: (done, total) => process.stdout.write(`\r已生成 ${done}/${total} 户`),
});
store.close();
process.stdout.write('\n');
console.log(`数据库: ${values.db} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
console.log(`演示工号: ${DEMO_STAFF.map((s) => s.login).join(', ')}  密码: ${DEMO_PASSWORD}`);
