/**
 * Issue 12 #6 (R-INV-09, hall manager or administrator): the second path every backup is copied to (a USB disk
 * or a network share), set or cleared in the app and used by the next backup without a restart.
 */
import { z } from 'zod';
import { noInput } from './schemas.js';

const mirrorSetting = z.object({
  /** Where backups are copied to now; null: nowhere. */
  dir: z.string().nullable(),
  /** false: the start's choice (GAS_BACKUP_MIRROR), nothing stored yet. */
  stored: z.boolean(),
  startDir: z.string().nullable(),
});

export const backupMirrorContract = {
  'backup.mirror': { access: ['manager', 'admin'], input: noInput, output: mirrorSetting },
  /** A full path to a folder that exists or can be made and is writable (refused at `dir` otherwise); null or empty clears it. */
  'backup.setMirror': {
    access: ['manager', 'admin'],
    input: z.object({ dir: z.string().max(500, '路径过长').nullable() }).strict(),
    output: mirrorSetting,
  },
} as const;
