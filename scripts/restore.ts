/**
 * Restores the store from a backup after checking it (integrity, audit chain, recorded and printed chain heads).
 * Refused while the app has the store open (issue 10 #20).
 *   npm run restore -- --from .data/backups/gas-hall-20261123-020000.db [--db .data/gas-hall.db]
 *        [--head "#1234 1a2b3c4d5e6f" ...]   heads printed on 日结 / cash reports, checked against the backup
 *        [--accept-loss]                    restore although the backup ends before a recorded or printed head
 *   npm run restore -- --list
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseHead } from '../main/domain/chain-head.js';
import { repoRoot } from '../main/paths.js';
import { listBackups, restoreBackup } from '../main/services/backup.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    db: { type: 'string', default: join(repoRoot, '.data', 'gas-hall.db') },
    dir: { type: 'string', default: join(repoRoot, '.data', 'backups') },
    list: { type: 'boolean', default: false },
    head: { type: 'string', multiple: true, default: [] },
    'accept-loss': { type: 'boolean', default: false },
  },
});
if (values.list || !values.from) {
  for (const b of listBackups(values.dir)) console.log(`${b.file}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB`);
  if (!values.from) process.exit(values.list ? 0 : 2);
} else {
  try {
    const done = restoreBackup(values.from, values.db, new Date(), { heads: values.head.map(parseHead), acceptLoss: values['accept-loss'] });
    for (const line of done.lost) console.warn(`注意：${line}`);
    console.log(`已恢复 ${values.db}（${done.payments} 笔收费记录）${done.replaced ? `；原文件保留为 ${done.replaced}` : ''}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
