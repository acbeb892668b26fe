/** Issue 11 #2: the channel list the preload bridge uses is generated from the contract and checked in current. */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CHANNELS_FILE, channelsFileText } from '../../scripts/gen-channels.js';

describe('preload/channels.generated.ts', () => {
  it('is what `npm run gen:channels` writes from the contract (run it after adding a method)', () => {
    expect(readFileSync(CHANNELS_FILE, 'utf8')).toBe(channelsFileText());
  });

  it('keeps the sandboxed preload bundle free of zod and the contract (why the list is generated, not computed)', async () => {
    const out = await build({ entryPoints: ['preload/index.ts'], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, metafile: true, logLevel: 'silent' });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((p) => /zod|preload\/contract|main\//.test(p))).toEqual([]);
    expect(inputs).toContain('preload/channels.generated.ts');
  });
});
