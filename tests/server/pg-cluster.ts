/**
 * Issue 14: a throwaway PostgreSQL cluster for the server tests (real PostgreSQL, no mocks). initdb in a temp
 * folder, started on a unix socket in that folder and a free TCP port on 127.0.0.1, stopped and removed by
 * `stop()`. initdb refuses to run as root: as root the cluster belongs to the `postgres` user (runuser).
 * Needs Debian's `postgresql` package (.ci/run installs it); PG_BIN may name another bin folder.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** A URL for another database of the cluster. */
  urlFor(database: string): string;
  /** The cluster's data folder (postmaster.pid names its server process). */
  dataDir: string;
  stop(): void;
}

function findBin(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const best = versions[0];
  if (best === undefined) {
    throw new Error(
      'PostgreSQL is not installed: the server tests need initdb/pg_ctl from the Debian package `postgresql` (apt-get install postgresql), or PG_BIN=<bin folder>.',
    );
  }
  return join(root, best, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  const run = (cmd: string, args: string[]): void => {
    const full = join(bin, cmd);
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe', cwd: '/' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (asRoot) {
    chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  let port = 0;
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const log = join(dir, 'server.log');
    if (asRoot) {
      writeFileSync(log, '');
      execFileSync('chown', ['postgres:postgres', log]);
    }
    // The free port may be taken by another process before PostgreSQL binds it: try another.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = [
        `-p ${port}`,
        `-k ${dir}`,
        '-c listen_addresses=127.0.0.1',
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        run('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(`PostgreSQL test cluster did not start: ${e.stderr?.toString() ?? e.message}`);
  }
  const urlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    process.off('exit', stop);
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test process that ends without its teardown (an exception, process.exit) still stops its cluster.
  process.on('exit', stop);
  return { url: urlFor('postgres'), port, urlFor, dataDir: data, stop };
}
