/**
 * Which clerk is signed in on which connection (an Electron webContents or a harness WebSocket), and the
 * screen lock: after `idleMs` without a call, or when the clerk locks it, the session is kept but
 * refuses everything until the same clerk's password unlocks it, so the counter's windows keep their
 * state (issue 6).
 */
import type { Actor } from '../services/context.js';

interface Entry {
  actor: Actor;
  lastSeen: number;
  locked: boolean;
  /** Issue 10 #13: signed in with the initial password outside demo mode; only a password change is allowed. */
  mustChangePassword: boolean;
}

export type SessionState = { kind: 'none' } | { kind: 'active'; actor: Actor } | { kind: 'locked'; actor: Actor };

export const DEFAULT_IDLE_MS = 15 * 60_000;

export class SessionStore {
  private readonly byConnection = new Map<string, Entry>();

  constructor(
    private readonly idleMs: number = DEFAULT_IDLE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The session as a call finds it; an active one counts as used now, unless the call is `passive` (issue 12 #2:
   * the status bar polling the device states is not the clerk at work and keeps no idle session open).
   */
  touch(connection: string, passive = false): SessionState {
    const entry = this.byConnection.get(connection);
    if (!entry) return { kind: 'none' };
    const now = this.now();
    if (!entry.locked && now - entry.lastSeen > this.idleMs) entry.locked = true;
    if (entry.locked) return { kind: 'locked', actor: entry.actor };
    if (!passive) entry.lastSeen = now;
    return { kind: 'active', actor: entry.actor };
  }

  get(connection: string): Actor | null {
    const entry = this.byConnection.get(connection);
    return entry && !entry.locked ? entry.actor : null;
  }

  set(connection: string, actor: Actor, mustChangePassword = false): void {
    this.byConnection.set(connection, { actor, lastSeen: this.now(), locked: false, mustChangePassword });
  }

  mustChangePassword(connection: string): boolean {
    return this.byConnection.get(connection)?.mustChangePassword ?? false;
  }

  passwordChanged(connection: string): void {
    const entry = this.byConnection.get(connection);
    if (entry) entry.mustChangePassword = false;
  }

  lock(connection: string): void {
    const entry = this.byConnection.get(connection);
    if (entry) entry.locked = true;
  }

  unlock(connection: string): void {
    const entry = this.byConnection.get(connection);
    if (entry) {
      entry.locked = false;
      entry.lastSeen = this.now();
    }
  }

  lockedActor(connection: string): Actor | null {
    const state = this.touch(connection);
    return state.kind === 'locked' ? state.actor : null;
  }

  end(connection: string): void {
    this.byConnection.delete(connection);
  }

  /** Issue 12 #3: ends every session of a staff member (disabled, role changed, password reset); returns how many. */
  endStaff(staffId: string): number {
    let ended = 0;
    for (const [connection, entry] of this.byConnection) {
      if (entry.actor.staffId === staffId) {
        this.byConnection.delete(connection);
        ended++;
      }
    }
    return ended;
  }
}
