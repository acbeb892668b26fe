// Native modules (better-sqlite3, serialport) are built either for Electron (npm start) or for Node (tests,
// scripts). This checks that they load under this Node and rebuilds them for Node when they do not, so
// `npm test` after `npm start` still passes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const probes = {
  'better-sqlite3': "require('better-sqlite3')(':memory:').close()",
  '@serialport/bindings-cpp': "require('@serialport/bindings-cpp')",
};

const env = { ...process.env };
if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';

for (const [name, probe] of Object.entries(probes)) {
  const check = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
  if (check.status === 0) continue;
  if (!/NODE_MODULE_VERSION|was compiled against a different|invalid ELF|Could not locate the bindings/.test(check.stderr)) {
    console.error(`${name} does not load:\n${check.stderr}`);
    process.exit(1);
  }
  console.log(`${name} is built for another runtime; rebuilding for Node ${process.version}…`);
  const rebuilt = spawnSync('npm', ['rebuild', name], { stdio: 'inherit', env });
  if (rebuilt.status !== 0) process.exit(rebuilt.status ?? 1);
}
