/**
 * The bridge: exposes exactly the contract's methods as `window.gas`, each on its own channel
 * `gas:<area>.<method>`. No generic invoke, no ipcRenderer, nothing else reaches the page.
 * Bundled as CommonJS (sandboxed preloads cannot load ES modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf } from './channels.js';
import { METHOD_NAMES } from './channels.generated.js';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of METHOD_NAMES) {
  const channel = channelOf(method);
  api[method] = (input: unknown) => ipcRenderer.invoke(channel, input);
}
contextBridge.exposeInMainWorld('gas', Object.freeze(api));
