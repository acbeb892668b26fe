/**
 * Restores the store from a backup after checking it (integrity, audit chain). Stop the app first.
 *   npm run restore -- --from .data/backups/gas-hall-20261123-020000.db [--db .data/gas-hall.db]
 *   npm run restore -- --list
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repoRoot } from '../main/paths.js';
import { listBackups, restoreBackup } from '../main/services/backup.js';

const { values } = parseArgs({
  options: {
    from: { type: 'string' },
    db: { type: 'string', default: join(repoRoot, '.data', 'gas-hall.db') },
    dir: { type: 'string', default: join(repoRoot, '.data', 'backups') },
    list: { type: 'boolean', default: false },
  },
});
if (values.list || !values.from) {
  for (const b of listBackups(values.dir)) console.log(`${b.file}  ${(b.bytes / 1024 / 1024).toFixed(1)} MB`);
  if (!values.from) process.exit(values.list ? 0 : 2);
} else {
  const done = restoreBackup(values.from, values.db, new Date());
  console.log(`已恢复 ${values.db}（${done.payments} 笔收费记录）${done.replaced ? `；原文件保留为 ${done.replaced}` : ''}`);
}
