/**
 * Reads ESC/POS bytes back into text lines: skips the control sequences the encoder emits and decodes
 * text as GBK inside Chinese mode (FS & … FS .). Used by tests and by the receipt viewer of the simulator.
 */
import iconv from 'iconv-lite';

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const LF = 0x0a;

/** Length of the command starting at `i`, or 0 when the byte is not a known command lead. */
function commandLength(bytes: Buffer, i: number): number {
  const lead = bytes[i];
  const next = bytes[i + 1];
  if (lead === ESC) {
    if (next === 0x40) return 2; // ESC @
    if (next === 0x70) return 5; // ESC p m t1 t2 (cash drawer)
    if (next === 0x64 || next === 0x61 || next === 0x45 || next === 0x21 || next === 0x4d) return 3;
    return 2;
  }
  if (lead === GS) {
    if (next === 0x56) return 3; // GS V m
    if (next === 0x21) return 3; // GS ! n
    return 2;
  }
  if (lead === FS && (next === 0x26 || next === 0x2e)) return 2;
  return 0;
}

export function decodeEscPos(bytes: Buffer): string[] {
  const lines: string[] = [];
  let chinese = false;
  let segment: number[] = [];
  const flush = (): string => {
    const text = chinese ? iconv.decode(Buffer.from(segment), 'gbk') : Buffer.from(segment).toString('latin1');
    segment = [];
    return text;
  };
  let current = '';
  for (let i = 0; i < bytes.length; ) {
    const byte = bytes[i] ?? 0;
    if (byte === LF) {
      current += flush();
      lines.push(current);
      current = '';
      i++;
      continue;
    }
    const len = commandLength(bytes, i);
    if (len > 0) {
      current += flush();
      if (byte === FS) chinese = bytes[i + 1] === 0x26;
      i += len;
      continue;
    }
    segment.push(byte);
    i++;
  }
  current += flush();
  if (current !== '') lines.push(current);
  return lines;
}
