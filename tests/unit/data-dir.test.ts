/** Issue 12 #6: one data folder per machine, so every Windows user of a counter PC sees the same store and slip numbers. */
import { describe, expect, it } from 'vitest';
import { dataDirFor, dataPaths } from '../../main/data-dir.js';

describe('the data folder', () => {
  it('is under %ProgramData% on Windows, not the signed-in user profile', () => {
    expect(dataDirFor({ platform: 'win32', env: { ProgramData: 'C:\\ProgramData', APPDATA: 'C:\\Users\\clerk\\AppData\\Roaming' }, packaged: true, appRoot: 'C:\\app' })).toBe('C:\\ProgramData\\GasHallTeller');
    expect(dataDirFor({ platform: 'win32', env: {}, packaged: true, appRoot: 'C:\\app' })).toBe('C:\\ProgramData\\GasHallTeller');
  });
  it('is a system path on Linux', () => {
    expect(dataDirFor({ platform: 'linux', env: { HOME: '/home/clerk' }, packaged: true, appRoot: '/opt/app' })).toBe('/var/lib/gas-hall-teller');
  });
  it('is configurable, and the checkout\'s .data in development', () => {
    expect(dataDirFor({ platform: 'linux', env: { GAS_DATA_DIR: '/srv/gas' }, packaged: true, appRoot: '/opt/app' })).toBe('/srv/gas');
    expect(dataDirFor({ platform: 'win32', env: { GAS_DATA_DIR: 'D:\\gas' }, packaged: true, appRoot: 'C:\\app' })).toBe('D:\\gas');
    expect(dataDirFor({ platform: 'linux', env: {}, packaged: false, appRoot: '/work/repo' })).toBe('/work/repo/.data');
  });
  it('holds the store, the backups and the logs; a second backup path comes from GAS_BACKUP_MIRROR', () => {
    expect(dataPaths('/var/lib/gas-hall-teller', 'linux', {})).toEqual({
      dbFile: '/var/lib/gas-hall-teller/gas-hall.db',
      backupDir: '/var/lib/gas-hall-teller/backups',
      logDir: '/var/lib/gas-hall-teller/logs',
      backupMirrorDir: null,
      windowStateFile: '/var/lib/gas-hall-teller/window-state.json',
    });
    expect(dataPaths('C:\\ProgramData\\GasHallTeller', 'win32', { GAS_BACKUP_MIRROR: 'E:\\备份' })).toMatchObject({ dbFile: 'C:\\ProgramData\\GasHallTeller\\gas-hall.db', backupMirrorDir: 'E:\\备份' });
  });
});
