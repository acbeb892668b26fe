/**
 * Issue 12 #1: the slip as one HTML page, for a receipt printer installed with a Windows driver (the spooler
 * path: the shell prints this page with webContents.print, hardware/printer/spooler.ts). Pure: the same
 * SlipLine[] the ESC/POS encoder (escpos-gbk.ts) turns into bytes, laid out the way the printer lays them out:
 *
 *   - paper 58 mm = 32 columns, 80 mm = 48 columns, printed in the middle 48 / 72 mm (384 / 576 dots at 203 dpi);
 *   - one column is 1.5 mm (Font A, 12 × 24 dots); a hanzi, a full-width form and ￥ take two columns, counted
 *     by the kernel's charWidth as the slip layout counts them: every character sits in a cell of its width,
 *     so the columns line up whatever font the driver's machine has;
 *   - a line is 3.75 mm (24 dots + 6 dots spacing); the title is centred, bold, double height (GS ! 0x01);
 *     a rule is `-` × columns; a feed is that many empty lines.
 *
 * The page is as long as its lines (no cut or feed beyond the layout's own: the driver cuts).
 */
import { charWidth } from '../../preload/kernel/text-width.js';
import type { SlipLine } from '../../preload/kernel/slip-line.js';

export type PaperWidthMm = 58 | 80;

/** Per paper width: columns, the page width and the printed width (the rest is the margin each side). */
export const PAPER: Record<PaperWidthMm, { columns: number; widthMicrons: number; printMicrons: number }> = {
  58: { columns: 32, widthMicrons: 58_000, printMicrons: 48_000 },
  80: { columns: 48, widthMicrons: 80_000, printMicrons: 72_000 },
};
export const CELL_MICRONS = 1500;
export const LINE_MICRONS = 3750;

export interface HtmlSlip {
  html: string;
  /** webContents.print's pageSize, in microns. */
  widthMicrons: number;
  heightMicrons: number;
}

const mm = (microns: number) => `${microns / 1000}mm`;

const escape = (ch: string) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch);

/** One cell per character: a wide one (two columns) has class w. */
function cells(text: string): string {
  let out = '';
  for (const ch of text) out += charWidth(ch.codePointAt(0) ?? 0) === 2 ? `<span class="w">${escape(ch)}</span>` : `<span>${escape(ch)}</span>`;
  return out;
}

/**
 * @param columns the columns the lines were laid out at; normally the paper's (32 / 48). A layout made for
 *   other columns (the settings' width differs from the printer's paper) is scaled to fit the printed width
 *   rather than cut off.
 */
export function slipHtml(lines: readonly SlipLine[], paperMm: PaperWidthMm, columns: number = PAPER[paperMm].columns): HtmlSlip {
  const paper = PAPER[paperMm];
  const side = (paper.widthMicrons - paper.printMicrons) / 2;
  const cols = Math.max(1, Math.round(columns));
  const cell = cols === paper.columns ? CELL_MICRONS : Math.floor(paper.printMicrons / cols);
  const lineHeight = cols === paper.columns ? LINE_MICRONS : Math.round((cell * LINE_MICRONS) / CELL_MICRONS);
  let rows = 0;
  const body: string[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'title':
        body.push(`<div class="t"><div>${cells(line.text)}</div></div>`);
        rows += 2;
        break;
      case 'text':
        body.push(`<div class="l">${cells(line.text)}</div>`);
        rows += 1;
        break;
      case 'rule':
        body.push(`<div class="l">${cells('-'.repeat(cols))}</div>`);
        rows += 1;
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) body.push('<div class="l"></div>');
        rows += line.lines;
        break;
    }
  }
  const heightMicrons = Math.max(rows, 1) * lineHeight;
  const css = [
    `@page{size:${mm(paper.widthMicrons)} ${mm(heightMicrons)};margin:0}`,
    `html,body{margin:0;padding:0}`,
    `body{width:${mm(paper.printMicrons)};padding:0 ${mm(side)};font-family:"NSimSun","SimSun","WenQuanYi Zen Hei Mono",monospace;font-size:${mm(2 * cell)};color:#000;background:#fff}`,
    `.l,.t>div{height:${mm(lineHeight)};line-height:${mm(lineHeight)};white-space:pre;overflow:hidden}`,
    `span{display:inline-block;width:${mm(cell)};text-align:center}`,
    `span.w{width:${mm(2 * cell)}}`,
    `.t{height:${mm(2 * lineHeight)};text-align:center;font-weight:bold}`,
    `.t>div{transform:scaleY(2);transform-origin:top}`,
  ].join('');
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>${css}</style></head><body>${body.join('')}</body></html>`;
  return { html, widthMicrons: paper.widthMicrons, heightMicrons };
}
