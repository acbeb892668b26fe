/**
 * The bridge: exposes exactly the contract's methods as `window.gas`, each on its own channel
 * `gas:<area>.<method>`, one push subscription for the customer display (`window.gasDisplay`, issue 11 #3), and
 * the counter PC's shared session and customer (`window.gasCounter`, issue 12 #4: preload/counter-push.ts).
 * No generic invoke, no ipcRenderer, nothing else reaches the page.
 * Bundled as CommonJS (sandboxed preloads cannot load ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf } from './channels.js';
import { METHOD_NAMES } from './channels.generated.js';
import { COUNTER_PUSH } from './counter-push.js';
import { DISPLAY_PUSH } from './display-push.js';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of METHOD_NAMES) {
  const channel = channelOf(method);
  api[method] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
contextBridge.exposeInMainWorld('gas', Object.freeze(api));

/** Issue 11 #3: the customer display's state, pushed by main on its own channel; returns the unsubscribe. */
function subscribe(listener: (state: unknown) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener');
  const onState = (_event: unknown, state: unknown) => listener(state);
  ipcRenderer.on(DISPLAY_PUSH.state, onState);
  ipcRenderer.send(DISPLAY_PUSH.subscribe);
  return () => {
    ipcRenderer.removeListener(DISPLAY_PUSH.state, onState);
    if (ipcRenderer.listenerCount(DISPLAY_PUSH.state) === 0) ipcRenderer.send(DISPLAY_PUSH.unsubscribe);
  };
}
contextBridge.exposeInMainWorld('gasDisplay', Object.freeze({ subscribe }));

/** Issue 12 #4: what the PC's other windows changed (session, customer picked, activity); returns the unsubscribe. */
function subscribeCounter(listener: (event: unknown) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener');
  const onEvent = (_event: unknown, value: unknown) => listener(value);
  ipcRenderer.on(COUNTER_PUSH.event, onEvent);
  return () => {
    ipcRenderer.removeListener(COUNTER_PUSH.event, onEvent);
  };
}
/** The customer this window picked (or its activity), for the PC's other windows; main checks what it passes on. */
function share(event: unknown): void {
  ipcRenderer.send(COUNTER_PUSH.share, event);
}
contextBridge.exposeInMainWorld('gasCounter', Object.freeze({ subscribe: subscribeCounter, share }));
