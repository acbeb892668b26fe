/** Issue 12 #5: the shell's pure parts, headless: the menu's development switch, the start-up failure text, calls in flight, log rotation. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeQuestion, InFlight } from '../../main/shell/in-flight.js';
import { createLog, logLevel, rotate } from '../../main/shell/log.js';
import { applicationMenu, isDevelopment, type MenuItem } from '../../main/shell/menu.js';
import { startupFailure } from '../../main/shell/startup-failure.js';

const roles = (items: MenuItem[]): string[] => items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])]);
const actions = { print: () => undefined, saveAsPdf: () => undefined, openArea: () => undefined, about: () => undefined };

describe('the application menu', () => {
  it('is in development only when unpackaged AND GAS_DEVTOOLS=1', () => {
    expect(isDevelopment(false, { GAS_DEVTOOLS: '1' })).toBe(true);
    expect(isDevelopment(true, { GAS_DEVTOOLS: '1' })).toBe(false);
    expect(isDevelopment(false, {})).toBe(false);
    expect(isDevelopment(false, { GAS_DEVTOOLS: 'true' })).toBe(false);
  });
  it('offers Reload and the developer tools in development only', () => {
    expect(roles(applicationMenu({ development: true, actions }))).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    const production = roles(applicationMenu({ development: false, actions }));
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(production).not.toContain(role);
  });
});

describe('the start-up failure dialog', () => {
  const paths = { logFile: '/var/lib/gas-hall/logs/main.log', dataDir: '/var/lib/gas-hall' };
  it.each([
    ['数据库 /x/gas-hall.db 完整性检查未通过（row 3 missing），请勿继续使用，联系信息中心用最近的备份恢复 (npm run restore)', '数据文件已损坏'],
    ['file is not a database', '数据文件已损坏'],
    ['database is locked', '正被其他程序占用'],
    ['EBUSY: resource busy or locked', '正被其他程序占用'],
    ['Failed to run the query \'ALTER TABLE x\'', '数据库升级失败'],
    ["EACCES: permission denied, open '/var/lib/gas-hall/gas-hall.db'", '没有读写数据文件夹的权限'],
    ['something else', '请重新启动本程序'],
  ])('%s → %s', (reason, advice) => {
    const { title, content } = startupFailure(reason, paths);
    expect(title).toBe('燃气营业厅柜台系统无法启动');
    expect(content).toContain(advice);
    expect(content).toContain('日志文件：/var/lib/gas-hall/logs/main.log');
    expect(content).not.toContain('npm');
  });
});

describe('calls in flight', () => {
  it('knows each connection’s calls, names the must-finish ones and waits for them', async () => {
    const calls = new InFlight();
    let answer: (v: string) => void = () => undefined;
    const payment = calls.track('wc-1', 'payments.payCash', new Promise<string>((resolve) => (answer = resolve)));
    void calls.track('wc-1', 'accounts.search', Promise.resolve('x'));
    void calls.track('wc-2', 'cards.recharge', new Promise(() => undefined));
    expect(calls.pending('wc-1')).toEqual(['payments.payCash', 'accounts.search']);
    expect(calls.mustFinish('wc-1')).toEqual(['收费']);
    expect(await calls.settled('wc-1', 20)).toBe(false);
    answer('done');
    expect(await payment).toBe('done');
    expect(await calls.settled('wc-1', 20)).toBe(true);
    expect(calls.pending('wc-1')).toEqual([]);
    expect(calls.mustFinish('wc-2')).toEqual(['购气写卡']);
    expect(await calls.settled(null, 20)).toBe(false);
    expect(closeQuestion(['收费']).defaultId).toBe(0);
  });
  it('counts a failed call as answered', async () => {
    const calls = new InFlight();
    await expect(calls.track('wc-1', 'payments.payCash', Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(await calls.settled('wc-1', 20)).toBe(true);
  });
});

describe('the log', () => {
  it('rotates main.log into main.1.log … main.<keep>.log, dropping the oldest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-hall-log-'));
    try {
      const file = join(dir, 'main.log');
      for (const n of ['a', 'b', 'c', 'd']) {
        writeFileSync(file, n);
        rotate(file, 2);
      }
      expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log']);
      expect(readFileSync(join(dir, 'main.1.log'), 'utf8')).toBe('d');
      expect(readFileSync(join(dir, 'main.2.log'), 'utf8')).toBe('c');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('writes a rotating file in <data>/logs, debug lines only at debug level', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-hall-log-'));
    try {
      const quiet = createLog(dir, { console: false, maxSize: 300, keep: 3 });
      expect(quiet.file).toBe(join(dir, 'logs', 'main.log'));
      quiet.debug('frame 02 41 03');
      for (let i = 0; i < 40; i++) quiet.info('启动', i);
      expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['main.1.log', 'main.2.log', 'main.3.log', 'main.log']);
      expect(readFileSync(quiet.file, 'utf8')).toContain('启动 39');
      expect(readdirSync(join(dir, 'logs')).map((f) => readFileSync(join(dir, 'logs', f), 'utf8')).join('')).not.toContain('frame');
      expect(logLevel({ GAS_LOG_LEVEL: 'debug' })).toBe('debug');
      expect(logLevel({})).toBe('info');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
