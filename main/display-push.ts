/**
 * Issue 11 #3: the customer display is pushed, not polled. A connection (an Electron window, a harness
 * WebSocket) subscribes once; whenever the display of its counter changes, it gets the new state, the same value `display.state` answers. Only a session that may read `display.state`
 * (signed in, not locked, a counter role) at that counter gets it.
 *
 * While subscribed, a connection counts as in use, as it did when its window asked every 400 ms: the session
 * is touched now and then, so the display's session does not lock itself on the server for want of calls.
 */
import { contract, type Output } from '../preload/contract.js';
import type { AfterCommit } from './ipc/after-commit.js';
import type { SessionStore } from './ipc/sessions.js';
import type { CustomerDisplays } from './services/customer-display.js';

export type DisplayState = Output<'display.state'>;

/**
 * The calls that change a counter's display, heard through the one post-commit hook (main/ipc/after-commit.ts):
 * the clerk's window shows due/tendered/change, the customer presses a rating key. The counter is the caller's.
 */
const DISPLAY_CHANGES: ReadonlySet<string> = new Set(['display.show', 'display.rate']);
export type DisplaySend = (state: DisplayState) => void;

export interface DisplayPush {
  /** Pushes this connection its counter's display from now on; returns the unsubscribe. */
  subscribe(connection: string, send: DisplaySend): () => void;
  /** The connection is gone (window closed, socket closed). */
  drop(connection: string): void;
  close(): void;
}

/** How often a subscribed connection's session is touched (far below the 15-minute screen lock). */
export const KEEP_ALIVE_MS = 60_000;

export function createDisplayPush(displays: CustomerDisplays, sessions: SessionStore, afterCommit: AfterCommit, log: (message: string, error: unknown) => void = console.error): DisplayPush {
  const subscribers = new Map<string, DisplaySend>();
  const access = contract['display.state'].access as readonly string[];
  const counterOf = (connection: string): string | null => {
    const state = sessions.touch(connection);
    return state.kind === 'active' && access.includes(state.actor.role) ? state.actor.counterId : null;
  };
  const onChanged = (counterId: string) => {
    let state: DisplayState | null = null;
    for (const [connection, send] of subscribers) {
      if (counterOf(connection) !== counterId) continue;
      try {
        state ??= contract['display.state'].output.parse(displays.state(counterId));
        send(state);
      } catch (error) {
        // a push is a notification: it never fails the clerk's call that changed the display
        log(`display push to ${connection} failed`, error);
      }
    }
  };
  const stopListening = afterCommit.on(({ method, actor }) => {
    if (actor && DISPLAY_CHANGES.has(method)) onChanged(actor.counterId);
  });
  const keepAlive = setInterval(() => {
    for (const connection of subscribers.keys()) sessions.touch(connection);
  }, KEEP_ALIVE_MS);
  keepAlive.unref();
  return {
    subscribe(connection, send) {
      subscribers.set(connection, send);
      return () => {
        if (subscribers.get(connection) === send) subscribers.delete(connection);
      };
    },
    drop(connection) {
      subscribers.delete(connection);
    },
    close() {
      clearInterval(keepAlive);
      stopListening();
      subscribers.clear();
    },
  };
}
