/** Handlers of the contract's backup-mirror part (preload/contract/backup-mirror.ts): the second backup path (issue 12 #6). */
import { area, signedIn, type HandlerKit } from './kit.js';

export const backupMirrorHandlers = ({ devices: { backups } }: HandlerKit) =>
  area({
    'backup.mirror': () => backups.mirror(),
    'backup.setMirror': (ctx, input) => backups.setMirror(signedIn(ctx), input),
  });
