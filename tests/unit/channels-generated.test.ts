/** Issue 11 #2: the channel list the preload bridge uses is generated from the contract and checked in current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS_FILE, channelsFileText } from '../../scripts/gen-channels.js';

describe('preload/channels.generated.ts', () => {
  it('is what `npm run gen:channels` writes from the contract (run it after adding a method)', () => {
    expect(readFileSync(CHANNELS_FILE, 'utf8')).toBe(channelsFileText());
  });
});
