/** Which clerk is signed in on which connection (an Electron webContents or a harness WebSocket). */
import type { Actor } from '../services/context.js';

export class SessionStore {
  private readonly byConnection = new Map<string, Actor>();

  get(connection: string): Actor | null {
    return this.byConnection.get(connection) ?? null;
  }

  set(connection: string, actor: Actor): void {
    this.byConnection.set(connection, actor);
  }

  end(connection: string): void {
    this.byConnection.delete(connection);
  }
}
