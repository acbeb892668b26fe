/** Issue 12 #4: the shell's remembered window positions (main/shell/windows.ts), read defensively, and where the customer display goes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COUNTER_AREAS } from '../../main/shell/menu.js';
import { areaOfUrl, customerDisplayTarget, parseWindowStates, placement, readWindowStates, writeWindowStates, type DisplayInfo } from '../../main/shell/windows.js';
import { sessionEventAfter, sharedEvent } from '../../preload/counter-push.js';

const primary: DisplayInfo = { id: 7, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 } };
const second: DisplayInfo = { id: 9, bounds: { x: -1024, y: 0, width: 1024, height: 768 }, workArea: { x: -1024, y: 0, width: 1024, height: 768 } };

describe('remembered window positions', () => {
  it('ignores a damaged file and drops damaged entries one by one', () => {
    expect(parseWindowStates('{"windows": {"main": {"x": 1')).toEqual({ version: 1, windows: {} });
    expect(parseWindowStates('null')).toEqual({ version: 1, windows: {} });
    expect(parseWindowStates('{"windows": []}')).toEqual({ version: 1, windows: {} });
    const text = JSON.stringify({
      windows: {
        main: { x: 10, y: 20, width: 1200, height: 800, maximized: true },
        'area:#/cards': { x: '10', y: 20, width: 1200, height: 800 },
        'area:#/bank': { x: 10, y: 20, width: 5, height: 800 },
        'area:#/day': { x: 10.5, y: 20, width: 900, height: 800 },
        '../../etc': { x: 10, y: 20, width: 900, height: 800 },
        display: { x: -1000, y: 0, width: 1024, height: 768, maximized: 'yes' },
      },
    });
    expect(parseWindowStates(text).windows).toEqual({ main: { x: 10, y: 20, width: 1200, height: 800, maximized: true }, display: { x: -1000, y: 0, width: 1024, height: 768 } });
  });

  it('keeps a position whose title bar is on a connected display, else only the size (within the display)', () => {
    expect(placement({ x: -900, y: 10, width: 800, height: 600 }, [primary, second])).toEqual({ bounds: { x: -900, y: 10, width: 800, height: 600 }, maximized: false });
    // the monitor on the left is gone
    expect(placement({ x: -900, y: 10, width: 800, height: 600 }, [primary])).toEqual({ bounds: { width: 800, height: 600 }, maximized: false });
    // only a sliver of the title bar on the display, or the title bar above the top: reset
    expect(placement({ x: 1340, y: 10, width: 800, height: 600 }, [primary]).bounds).toEqual({ width: 800, height: 600 });
    expect(placement({ x: 100, y: -300, width: 800, height: 600 }, [primary]).bounds).toEqual({ width: 800, height: 600 });
    // bigger than the display now: shrunk to it
    expect(placement({ x: 0, y: 0, width: 1900, height: 1000, maximized: true }, [primary])).toEqual({ bounds: { x: 0, y: 0, width: 1366, height: 728 }, maximized: true });
    expect(placement(undefined, [primary])).toEqual({ bounds: {}, maximized: false });
  });

  it('reads back what it wrote; a missing file is no window state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gas-hall-windows-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(readWindowStates(file)).toEqual({ version: 1, windows: {} });
      writeWindowStates(file, { version: 1, windows: { 'area:#/cards': { x: 1, y: 2, width: 800, height: 600 } } });
      expect(readWindowStates(file).windows).toEqual({ 'area:#/cards': { x: 1, y: 2, width: 800, height: 600 } });
      writeFileSync(file, Buffer.from([0xff, 0xfe, 0x00]));
      expect(readWindowStates(file)).toEqual({ version: 1, windows: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the customer display and the windows of a counter PC', () => {
  it('goes to a display other than the primary, or none', () => {
    expect(customerDisplayTarget([second, primary], 7)).toBe(second);
    expect(customerDisplayTarget([primary], 7)).toBeNull();
    expect(areaOfUrl('file:///app/renderer/dist/index.html#/cards', COUNTER_AREAS)?.title).toBe('卡务');
    expect(areaOfUrl('file:///app/renderer/dist/index.html', COUNTER_AREAS)).toBeNull();
  });

  it('tells the other windows of a sign-in, lock, unlock and sign-out; passes on only a customer or activity', () => {
    const view = { staffName: '王丽' };
    expect(sessionEventAfter('auth.login', { ok: true, value: view })).toEqual({ topic: 'session', state: 'signedIn', session: view });
    expect(sessionEventAfter('auth.unlock', { ok: true, value: view })).toEqual({ topic: 'session', state: 'signedIn', session: view });
    expect(sessionEventAfter('auth.login', { ok: false, error: { code: 'UNAUTHENTICATED' } })).toBeNull();
    expect(sessionEventAfter('auth.lock', { ok: true, value: { ok: true } })).toEqual({ topic: 'session', state: 'locked' });
    expect(sessionEventAfter('accounts.search', { ok: false, error: { code: 'LOCKED' } })).toEqual({ topic: 'session', state: 'locked' });
    expect(sessionEventAfter('auth.logout', { ok: false, error: { code: 'UNAUTHENTICATED' } })).toEqual({ topic: 'session', state: 'signedOut' });
    expect(sessionEventAfter('accounts.search', { ok: true, value: {} })).toBeNull();
    expect(sharedEvent({ topic: 'customer', value: { selectedId: 'a' } })).toEqual({ topic: 'customer', value: { selectedId: 'a' } });
    expect(sharedEvent({ topic: 'customer', value: null })).toEqual({ topic: 'customer', value: null });
    expect(sharedEvent({ topic: 'activity', extra: 1 })).toEqual({ topic: 'activity' });
    expect(sharedEvent({ topic: 'session', state: 'signedOut' })).toBeNull();
    expect(sharedEvent({ topic: 'customer', value: 'x' })).toBeNull();
    expect(sharedEvent({ topic: 'customer', value: { big: 'x'.repeat(300 * 1024) } })).toBeNull();
    expect(sharedEvent(null)).toBeNull();
  });
});
