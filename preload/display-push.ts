/**
 * Issue 11 #3: the customer display's push, the one channel main sends on by itself (not a contract method):
 * a window subscribes once on `subscribe` (until `unsubscribe`), and main sends its counter's `display.state` on STATE whenever it
 * changes, on `state`. Shared by the shell (main/app.ts) and the preload bridge.
 */
export const DISPLAY_PUSH = {
  subscribe: 'gas:push.display.subscribe',
  unsubscribe: 'gas:push.display.unsubscribe',
  state: 'gas:push.display',
} as const;
