/**
 * Display-column arithmetic for receipts (ARCHITECTURE "Chinese receipts"): a hanzi, a full-width form
 * (including ￥ U+FFE5) and CJK punctuation take 2 columns on a thermal printer; ASCII takes 1.
 */
export function charWidth(codePoint: number): 1 | 2 {
  if (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0x303e) ||
    (codePoint >= 0x3041 && codePoint <= 0x33ff) ||
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) ||
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) ||
    (codePoint >= 0xa000 && codePoint <= 0xa4cf) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6)
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0) ?? 0);
  return width;
}

/** Cuts text so it fits in `columns`, never splitting a wide character. */
export function truncateToWidth(text: string, columns: number): string {
  let width = 0;
  let out = '';
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (width + w > columns) break;
    out += ch;
    width += w;
  }
  return out;
}

export function padEndToWidth(text: string, columns: number): string {
  const cut = truncateToWidth(text, columns);
  return cut + ' '.repeat(columns - displayWidth(cut));
}

export function padStartToWidth(text: string, columns: number): string {
  const cut = truncateToWidth(text, columns);
  return ' '.repeat(columns - displayWidth(cut)) + cut;
}

/** Label on the left, value on the right, filling exactly `columns`. */
export function leftRight(left: string, right: string, columns: number): string {
  const rightWidth = Math.min(displayWidth(right), columns);
  return padEndToWidth(left, columns - rightWidth) + truncateToWidth(right, rightWidth);
}

/** Splits text into lines of at most `columns` display columns. */
export function wrapToWidth(text: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0) ?? 0);
    if (width + w > columns) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
