/**
 * Issue 12 #4: the windows of a counter PC, without the electron import (tested headless; main/app.ts applies
 * them). Which window is which kind (the first counter window, an area's own window, the customer display),
 * where the customer display goes (a display other than the primary when there is one), and the remembered
 * positions: a small JSON file in the data folder (`dataPaths().windowStateFile`), read defensively (a damaged
 * file is ignored, a position off every display now connected is dropped, sizes are kept within the display).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { CounterArea } from './menu.js';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as Electron's `screen` reports it (the fields used here). */
export interface DisplayInfo {
  id: number;
  bounds: Rectangle;
  workArea: Rectangle;
}

/** 'main': the first counter window; 'area:#/cards': an area's own window; 'display': the customer display. */
export type WindowKind = 'main' | 'display' | `area:${string}`;

export const areaKind = (area: CounterArea): WindowKind => `area:${area.hash}`;

export interface SavedWindow extends Rectangle {
  maximized?: boolean;
}

export interface WindowStates {
  version: 1;
  windows: Record<string, SavedWindow>;
}

export const emptyStates = (): WindowStates => ({ version: 1, windows: {} });

/** Window sizes the file may hold: anything else is a damaged entry. */
const MIN_SIZE = 200;
const MAX_SIZE = 16_384;
const MAX_COORD = 100_000;

const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const KIND = /^(main|display|area:#\/[a-z]{1,20})$/;

/** The file's text as window states: every entry checked on its own; a damaged file or entry is dropped, never thrown. */
export function parseWindowStates(text: string): WindowStates {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return emptyStates();
  }
  const states = emptyStates();
  if (typeof raw !== 'object' || raw === null) return states;
  const windows = (raw as { windows?: unknown }).windows;
  if (typeof windows !== 'object' || windows === null || Array.isArray(windows)) return states;
  for (const [kind, entry] of Object.entries(windows as Record<string, unknown>)) {
    if (!KIND.test(kind) || typeof entry !== 'object' || entry === null) continue;
    const { x, y, width, height, maximized } = entry as Record<string, unknown>;
    if (!isInt(x, -MAX_COORD, MAX_COORD) || !isInt(y, -MAX_COORD, MAX_COORD) || !isInt(width, MIN_SIZE, MAX_SIZE) || !isInt(height, MIN_SIZE, MAX_SIZE)) continue;
    states.windows[kind] = { x, y, width, height, ...(maximized === true ? { maximized: true } : {}) };
  }
  return states;
}

export function readWindowStates(file: string): WindowStates {
  try {
    return existsSync(file) ? parseWindowStates(readFileSync(file, 'utf8')) : emptyStates();
  } catch {
    return emptyStates();
  }
}

/** Written whole to a temporary file, then renamed over the old one: a crash never leaves half a file. */
export function writeWindowStates(file: string, states: WindowStates): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(states, null, 2)}\n`);
  renameSync(tmp, file);
}

/** How much of the window's title bar must be on a display for the position to be kept. */
const VISIBLE_WIDTH = 100;
const TITLE_BAR = 40;

function overlap(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** Bounds to open a window with: the saved position if its title bar is on a display now connected, else size only. */
export function placement(saved: SavedWindow | undefined, displays: readonly DisplayInfo[]): { bounds: Partial<Rectangle>; maximized: boolean } {
  if (!saved) return { bounds: {}, maximized: false };
  const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: TITLE_BAR };
  const home = displays.find((d) => (overlap(titleBar, d.workArea)?.width ?? 0) >= Math.min(VISIBLE_WIDTH, saved.width));
  const within = home?.workArea ?? displays[0]?.workArea;
  const width = within ? Math.min(saved.width, within.width) : saved.width;
  const height = within ? Math.min(saved.height, within.height) : saved.height;
  return { bounds: home ? { x: saved.x, y: saved.y, width, height } : { width, height }, maximized: saved.maximized === true };
}

/** Where the customer display goes: a display other than the primary (the first such), or null with one display. */
export function customerDisplayTarget(displays: readonly DisplayInfo[], primaryId: number | undefined): DisplayInfo | null {
  return displays.find((d) => d.id !== primaryId) ?? null;
}

/** The area a page shows, from its URL's hash (a window the clerk switched with Alt+key). */
export function areaOfUrl(url: string, areas: readonly CounterArea[]): CounterArea | null {
  const at = url.indexOf('#');
  const hash = at >= 0 ? url.slice(at) : '';
  return areas.find((a) => a.hash === hash) ?? null;
}
