/**
 * Installation photos (issue 15 #7, DOMAIN §7.6), pure rules, no IO.
 *
 * R-PHOTO-01: the technician's list (file on the camera → household and the address he wrote) is checked against
 * the files in the folder; each photo is renamed by address into a year-month folder; the photo count per household
 * is checked against the photo handover book (照片交接本).
 * R-PHOTO-02: the archive cannot be changed, so the whole check happens before anything is copied; the copy carries
 * a SHA-256 manifest (the manifest text is built here).
 */

export interface PhotoListEntry {
  /** The file name as it is on the camera card (e.g. DSC_0001.JPG). */
  file: string;
  /** The household's 用户编号; empty on the list when the technician wrote only the address (matched by address). */
  accountNo: string;
  address: string;
}

export interface PhotoPlanItem {
  from: string;
  /** Relative to the archive root, '/' separated: `YYYY-MM/<address>-<n>.<ext>`. */
  to: string;
  accountNo: string;
}

export interface PhotoCheck {
  /** Listed by the technician but not in the folder. */
  missing: string[];
  /** In the folder but not on the technician's list. */
  extra: string[];
  /** Households whose photo count differs from the handover book. */
  countMismatch: { accountNo: string; listed: number; handover: number }[];
  /** Listed twice, or a list line that cannot be read. */
  listErrors: string[];
  plan: PhotoPlanItem[];
}

const PHOTO_EXT = /\.(jpe?g|png|heic)$/i;

/** A photo file (the folder may also hold the camera's own index files, which are not photos). */
export const isPhotoFile = (name: string): boolean => PHOTO_EXT.test(name) && !name.startsWith('.');

/** `YYYY-MM`, refused otherwise. */
export function checkYearMonth(yearMonth: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** The address as a file name: characters a file system refuses are replaced by '_', whitespace removed. */
export function addressFileName(address: string): string {
  return address.replace(/\s+/g, '').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_');
}

/**
 * The technician's list as CSV: a header line, then `文件名,户号,地址` per photo (户号 may be empty: the household is
 * then found by the address). Quoted fields are not used on the list (an address with a comma is refused as a list
 * error by the count of fields).
 */
export function parsePhotoList(text: string): { entries: PhotoListEntry[]; errors: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const entries: PhotoListEntry[] = [];
  const errors: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',').map((c) => c.trim());
    if (cells.length !== 3 || cells[0] === '' || cells[2] === '') {
      errors.push(`照片清单第 ${i + 2} 行应为 文件名,户号,地址：${line}`);
      return;
    }
    entries.push({ file: cells[0]!, accountNo: cells[1]!, address: cells[2]! });
  });
  return { entries, errors };
}

/** R-PHOTO-01: check the list against the folder and the handover book, and plan the renamed copy. */
export function planPhotoImport(
  files: readonly string[],
  list: readonly PhotoListEntry[],
  handover: ReadonlyMap<string, number>,
  yearMonth: string,
): PhotoCheck {
  const photos = new Set(files.filter(isPhotoFile));
  const listErrors: string[] = [];
  const seen = new Set<string>();
  for (const e of list) {
    if (seen.has(e.file)) listErrors.push(`照片清单中 ${e.file} 出现两次`);
    seen.add(e.file);
  }
  const missing = [...seen].filter((f) => !photos.has(f)).sort();
  const extra = [...photos].filter((f) => !seen.has(f)).sort();
  const listed = new Map<string, number>();
  for (const e of list) listed.set(e.accountNo, (listed.get(e.accountNo) ?? 0) + 1);
  const countMismatch: PhotoCheck['countMismatch'] = [];
  for (const accountNo of [...new Set([...listed.keys(), ...handover.keys()])].sort()) {
    const l = listed.get(accountNo) ?? 0;
    const h = handover.get(accountNo) ?? 0;
    if (l !== h) countMismatch.push({ accountNo, listed: l, handover: h });
  }
  const perAddress = new Map<string, number>();
  const plan: PhotoPlanItem[] = [...list]
    .sort((a, b) => a.accountNo.localeCompare(b.accountNo) || a.file.localeCompare(b.file))
    .map((e) => {
      const name = addressFileName(e.address);
      const n = (perAddress.get(name) ?? 0) + 1;
      perAddress.set(name, n);
      const ext = (/\.[^.]+$/.exec(e.file)?.[0] ?? '.jpg').toLowerCase();
      return { from: e.file, to: `${yearMonth}/${name}-${n}${ext}`, accountNo: e.accountNo };
    });
  return { missing, extra, countMismatch, listErrors, plan };
}

export const photoCheckPasses = (c: PhotoCheck): boolean =>
  c.missing.length === 0 && c.extra.length === 0 && c.countMismatch.length === 0 && c.listErrors.length === 0;

/** The clerk's message for a failed check (Chinese), one problem per line. */
export function photoCheckMessage(c: PhotoCheck): string {
  const lines = [...c.listErrors];
  if (c.missing.length) lines.push(`清单上有、文件夹里没有：${c.missing.join('、')}`);
  if (c.extra.length) lines.push(`文件夹里有、清单上没有：${c.extra.join('、')}`);
  for (const m of c.countMismatch) lines.push(`户号 ${m.accountNo}：清单 ${m.listed} 张，交接本 ${m.handover} 张`);
  return `照片核对未通过，未复制任何文件 (R-PHOTO-01)：\n${lines.join('\n')}`;
}

/** R-PHOTO-02: manifest text, `sha256  path` per line (sha256sum format), sorted by path, LF line ends. */
export function manifestText(items: readonly { path: string; sha256: string }[]): string {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((i) => `${i.sha256}  ${i.path}\n`).join('');
}

/** An address compared with the archive: whitespace removed, full-width digits, letters and the dash made half-width. */
export function normalAddress(address: string): string {
  return address
    .replace(/\s+/g, '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[—–－]/g, '-');
}

export interface HouseholdRef {
  accountNo: string;
  name: string;
  address: string;
}

/** One household of the technician's list as matched to the archive (R-PHOTO-01). */
export interface HouseholdMatch {
  accountNo: string;
  name: string;
  /** The address in the customer archive. */
  archiveAddress: string;
  /** The address the technician wrote (the photos are named by it). */
  writtenAddress: string;
  files: string[];
  /** How the household was found: by the 户号 on the list, or by the address alone. */
  by: 'accountNo' | 'address';
  /** The written address is not the archive's (shown highlighted; the photos still go by the written one). */
  addressDiffers: boolean;
}

/**
 * R-PHOTO-01: each list line's household in the archive: by its 户号, or (户号 empty) by its address, which must name
 * exactly one account. A line that finds none (or several) is a list error and blocks the copy. The entries come back
 * with their 户号 filled in, so the handover-book count and the rename work per household.
 */
export function matchHouseholds(
  entries: readonly PhotoListEntry[],
  byAccountNo: (accountNo: string) => HouseholdRef | undefined,
  byAddress: (normalAddress: string) => HouseholdRef[],
): { entries: PhotoListEntry[]; households: HouseholdMatch[]; errors: string[] } {
  const errors: string[] = [];
  const resolved: PhotoListEntry[] = [];
  const households = new Map<string, HouseholdMatch>();
  for (const e of entries) {
    let ref: HouseholdRef | undefined;
    let by: HouseholdMatch['by'] = 'accountNo';
    if (e.accountNo !== '') {
      ref = byAccountNo(e.accountNo);
      if (!ref) errors.push(`${e.file}：户号 ${e.accountNo} 不在用户档案中`);
    } else {
      by = 'address';
      const found = byAddress(normalAddress(e.address));
      if (found.length === 1) ref = found[0];
      else if (found.length === 0) errors.push(`${e.file}：地址“${e.address}”找不到用户，请在清单上写明户号`);
      else errors.push(`${e.file}：地址“${e.address}”对应 ${found.length} 户（${found.map((f) => f.accountNo).join('、')}），请写明户号`);
    }
    if (!ref) continue;
    resolved.push({ ...e, accountNo: ref.accountNo });
    const h = households.get(ref.accountNo);
    if (h) {
      h.files.push(e.file);
      if (normalAddress(e.address) !== normalAddress(h.writtenAddress)) errors.push(`户号 ${ref.accountNo} 的照片写了两个地址：${h.writtenAddress} / ${e.address}`);
    } else {
      households.set(ref.accountNo, {
        accountNo: ref.accountNo,
        name: ref.name,
        archiveAddress: ref.address,
        writtenAddress: e.address,
        files: [e.file],
        by,
        addressDiffers: normalAddress(ref.address) !== normalAddress(e.address),
      });
    }
  }
  return { entries: resolved, households: [...households.values()].sort((a, b) => a.accountNo.localeCompare(b.accountNo)), errors };
}
