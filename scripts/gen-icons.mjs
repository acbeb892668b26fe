// Issue 12 #8: every icon the installers need, generated from the one committed source image, build/icon.svg.
// The SVG is rendered with @resvg/resvg-js (prebuilt per platform, no system fonts: the icon is shapes only);
// the .ico is a plain ICO container holding one PNG per size (Windows Vista and later and NSIS 3 read PNG
// entries), so the small sizes are rendered from the vector, not scaled down from 256 px.
// Written (and kept out of git: they are derived, `npm run dist` makes them first):
//   build/icon.ico          Windows app, installer and uninstaller icon (16 … 256 px)
//   build/icon.png          1024 px, electron-builder's fallback
//   build/icons/NxN.png     the Linux icon set (deb and AppImage hicolor icons)
// `node scripts/gen-icons.mjs --out DIR` writes the same files under DIR (the packaging test does).
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512];

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function renderPng(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

/** An ICO file (ICONDIR, one ICONDIRENTRY per image, then the PNG data). */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width, 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

export function generateIcons(outDir = join(repoRoot, 'build'), source = join(repoRoot, 'build', 'icon.svg')) {
  const svg = readFileSync(source, 'utf8');
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  const written = [];
  const write = (file, data) => {
    writeFileSync(file, data);
    written.push(file);
  };
  write(join(outDir, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: renderPng(svg, size) }))));
  write(join(outDir, 'icon.png'), renderPng(svg, 1024));
  for (const size of LINUX_SIZES) write(join(outDir, 'icons', `${size}x${size}.png`), renderPng(svg, size));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const written = generateIcons(at > 0 ? resolve(process.argv[at + 1]) : undefined);
  console.log(`generated ${written.length} icons from build/icon.svg`);
}
