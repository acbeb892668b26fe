/**
 * Issue 11 #3: the customer display is pushed, not polled. A connection (an Electron window, a harness
 * WebSocket) subscribes once; whenever the display of its counter changes, it gets the new state, the same value `display.state` answers. Only a session that may read `display.state`
 * (signed in, not locked, a counter role) at that counter gets it.
 *
 * Issue 12 #4: a subscription keeps no session in use by itself. The display is a window of its counter PC's one
 * sign-in, which the clerk's windows keep in use; a display left open must not hold the whole counter unlocked
 * (it was touched every minute while each window had its own session).
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
      stopListening();
      subscribers.clear();
    },
  };
}
