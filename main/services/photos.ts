/**
 * Installation photo import (issue 15 #7, DOMAIN §7.6): the IO around main/domain/photos.ts.
 *
 * R-PHOTO-01: read the technician's folder and list, check them and the handover-book counts; nothing is copied
 * unless every check passes. R-PHOTO-02: copy the renamed photos to the archive (the company photo server) and to a
 * second local copy (the hall PC's D: drive), each with a SHA-256 manifest; an existing archive file is never
 * overwritten (the whole copy is refused before the first byte if any target exists), and each copy is verified
 * against its manifest after it is written.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../../preload/kernel/errors.js';
import {
  checkYearMonth,
  manifestText,
  parsePhotoList,
  photoCheckMessage,
  photoCheckPasses,
  planPhotoImport,
  type PhotoCheck,
} from '../domain/photos.js';

export interface PhotoImportInput {
  /** The technician's photo folder (camera card). */
  sourceDir: string;
  /** The technician's list as CSV text (文件名,户号,地址). */
  listCsv: string;
  /** The photo handover book: 户号 → number of photos. */
  handover: ReadonlyMap<string, number>;
  /** `YYYY-MM`: the folder the photos go into. */
  yearMonth: string;
  /** Where copies go: the archive (photo server) first, then the local second copy. */
  targets: readonly string[];
  /** Names this batch's manifest: `YYYY-MM/SHA256SUMS-<batch>.txt`. */
  batch: string;
}

export interface PhotoImportResult {
  check: PhotoCheck;
  copied: { to: string; sha256: string; accountNo: string }[];
  manifests: string[];
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const refuse = (message: string, field: string) => new DomainError('VALIDATION', message, field);

/** R-PHOTO-01: the check alone (shown to the clerk before the copy). */
export function checkPhotoFolder(input: Pick<PhotoImportInput, 'sourceDir' | 'listCsv' | 'handover' | 'yearMonth'>): PhotoCheck {
  if (!checkYearMonth(input.yearMonth)) throw refuse(`年月应为 YYYY-MM：${input.yearMonth}`, 'yearMonth');
  if (!existsSync(input.sourceDir) || !statSync(input.sourceDir).isDirectory()) throw refuse(`照片文件夹不存在：${input.sourceDir}`, 'sourceDir');
  const files = readdirSync(input.sourceDir).filter((f) => statSync(join(input.sourceDir, f)).isFile());
  const { entries, errors } = parsePhotoList(input.listCsv);
  const check = planPhotoImport(files, entries, input.handover, input.yearMonth);
  check.listErrors.unshift(...errors);
  return check;
}

/** R-PHOTO-01 + R-PHOTO-02: check, then copy to every target with a manifest, then verify each copy. */
export function importPhotos(input: PhotoImportInput): PhotoImportResult {
  if (!/^[0-9A-Za-z_-]{1,40}$/.test(input.batch)) throw refuse(`批次号只能含字母、数字、-、_：${input.batch}`, 'batch');
  if (input.targets.length === 0) throw refuse('请配置照片归档位置 (R-PHOTO-02)', 'targets');
  const check = checkPhotoFolder(input);
  if (!photoCheckPasses(check)) throw refuse(photoCheckMessage(check), 'sourceDir');
  const manifestRel = `${input.yearMonth}/SHA256SUMS-${input.batch}.txt`;
  // The archive cannot be changed: every target path is checked before anything is written anywhere.
  const clashes = input.targets.flatMap((t) =>
    [...check.plan.map((p) => p.to), manifestRel].filter((rel) => existsSync(join(t, rel))).map((rel) => join(t, rel)),
  );
  if (clashes.length) throw refuse(`归档中已有同名文件，不能覆盖，未复制任何文件 (R-PHOTO-02)：\n${clashes.join('\n')}`, 'targets');

  const copied = check.plan.map((p) => ({ ...p, sha256: sha256(readFileSync(join(input.sourceDir, p.from))) }));
  const manifest = manifestText(copied.map((c) => ({ path: c.to, sha256: c.sha256 })));
  const manifests: string[] = [];
  for (const target of input.targets) {
    mkdirSync(join(target, input.yearMonth), { recursive: true });
    // COPYFILE_EXCL / 'wx': a file that appeared since the check is still never overwritten.
    for (const c of copied) copyFileSync(join(input.sourceDir, c.from), join(target, c.to), constants.COPYFILE_EXCL);
    writeFileSync(join(target, manifestRel), manifest, { flag: 'wx' });
    const bad = verifyManifest(target, manifestRel);
    if (bad.length) throw new DomainError('VALIDATION', `复制后校验不一致 (R-PHOTO-02)：${bad.join('、')}`, 'targets');
    manifests.push(join(target, manifestRel));
  }
  return { check, copied: copied.map(({ to, sha256: s, accountNo }) => ({ to, sha256: s, accountNo })), manifests };
}

/** R-PHOTO-02: the files of a manifest whose bytes no longer match (missing files included). */
export function verifyManifest(root: string, manifestRel: string): string[] {
  const bad: string[] = [];
  for (const line of readFileSync(join(root, manifestRel), 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) continue;
    const file = join(root, m[2]!);
    if (!existsSync(file) || sha256(readFileSync(file)) !== m[1]) bad.push(m[2]!);
  }
  return bad;
}
