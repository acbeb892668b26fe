/** Payload fields shared by the device protocols: fixed 16-byte ASCII ids (NUL-padded) and status names. Pure. */

export const ASCII_FIELD = 16;

/** Writes `text` into 16 bytes at `offset`; printable ASCII only, empty allowed unless `required`. */
export function writeAsciiField(out: Buffer, text: string, offset: number, required = false): void {
  const ok = required ? /^[\x20-\x7e]{1,16}$/.test(text) : /^[\x20-\x7e]{0,16}$/.test(text);
  if (!ok) throw new RangeError(`bad id: ${text}`);
  out.write(text, offset, 'ascii');
}

export function readAsciiField(buf: Buffer, offset = 0): string {
  const raw = buf.subarray(offset, offset + ASCII_FIELD);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? ASCII_FIELD : end).toString('ascii');
}

/** The name of a status code in a protocol's table, or 'UNKNOWN'. */
export function statusNameIn<T extends Record<string, number>>(table: T, code: number): keyof T | 'UNKNOWN' {
  return (Object.keys(table) as (keyof T)[]).find((k) => table[k] === code) ?? 'UNKNOWN';
}
