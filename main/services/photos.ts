/**
 * Installation photo import (issue 15 #7, DOMAIN §7.6): the IO around main/domain/photos.ts.
 *
 * R-PHOTO-01: read the technician's folder and list, match each photo to its household in the customer archive (by
 * 户号, or by the address alone), check the list against the folder and the handover-book counts; nothing is copied
 * unless every check passes. R-PHOTO-02: copy the renamed photos to the archive (the company photo server) and to the
 * second local copy (the hall PC's D: drive), each with a SHA-256 manifest; an existing archive file is never
 * overwritten (the whole copy is refused before the first byte if any target exists; each file is written with
 * 'wx'), and each copy is verified against its manifest after it is written. The import is then recorded
 * (photo_imports, install_photos linked to the household's install business) with its audit row, in one transaction.
 * The archive and the local copy are chosen in the app (photo_settings, a manager or an administrator; a stored
 * choice wins over the start's GAS_PHOTO_ARCHIVE / GAS_PHOTO_LOCAL).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix, resolve, win32 } from 'node:path';
import { homedir } from 'node:os';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { accounts, businesses, installPhotos, installRecords, photoImports, photoSettings } from '../../db/schema.js';
import { DomainError } from '../../preload/kernel/errors.js';
import { businessDateOf, localDateTime } from '../../preload/kernel/dates.js';
import {
  checkYearMonth,
  isPhotoFile,
  manifestText,
  matchHouseholds,
  normalAddress,
  parsePhotoList,
  photoCheckMessage,
  photoCheckPasses,
  planPhotoImport,
  type HouseholdMatch,
  type HouseholdRef,
  type PhotoCheck,
  type PhotoListEntry,
} from '../domain/photos.js';
import { uuidv7 } from '../ids.js';
import { appendAudit } from './audit.js';
import type { Actor, ServiceDeps } from './context.js';

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');
const refuse = (message: string, field: string) => new DomainError('VALIDATION', message, field);
const tick = () => new Promise<void>((r) => setImmediate(r));

const fsReason = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return '没有权限';
  if (code === 'EROFS') return '只读的磁盘';
  if (code === 'ENOSPC') return '磁盘已满';
  return error instanceof Error ? error.message : String(error);
};

/** The list file looked for in the technician's folder when no list is typed. */
export const PHOTO_LIST_FILE = '照片清单.csv';

// ---------------------------------------------------------------------------------------------------------------
// Files only (no store): the check, the copy with its manifest, the manifest's verification.

export interface FolderCheckInput {
  sourceDir: string;
  /** The technician's list as CSV text (文件名,户号,地址). */
  listCsv: string;
  /** The photo handover book: 户号 → number of photos. */
  handover: ReadonlyMap<string, number>;
  /** `YYYY-MM`: the folder the photos go into. */
  yearMonth: string;
}

export interface Matcher {
  byAccountNo(accountNo: string): HouseholdRef | undefined;
  byAddress(normal: string): HouseholdRef[];
}

export interface FolderCheck extends PhotoCheck {
  households: HouseholdMatch[];
}

function photoFolderFiles(sourceDir: string): string[] {
  if (!existsSync(sourceDir) || !statSync(sourceDir).isDirectory()) throw refuse(`照片文件夹不存在：${sourceDir}`, 'sourceDir');
  let entries: Dirent[];
  try {
    entries = readdirSync(sourceDir, { withFileTypes: true });
  } catch (error) {
    throw refuse(`无法打开照片文件夹 ${sourceDir}（${fsReason(error)}）`, 'sourceDir');
  }
  // Only regular files are camera photos: a link is never followed (one to a file outside the folder is not copied
  // into the archive, a dangling one is no error), nor is a device or a pipe read.
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

/** R-PHOTO-01: the check alone (shown to the clerk before the copy). Without a matcher, the 户号 on the list are taken as they are. */
export function checkPhotoFolder(input: FolderCheckInput, matcher?: Matcher): FolderCheck {
  if (!checkYearMonth(input.yearMonth)) throw refuse(`年月应为 YYYY-MM：${input.yearMonth}`, 'yearMonth');
  const files = photoFolderFiles(input.sourceDir);
  const parsed = parsePhotoList(input.listCsv);
  let entries: PhotoListEntry[] = parsed.entries;
  let households: HouseholdMatch[] = [];
  const matchErrors: string[] = [];
  if (matcher) {
    const m = matchHouseholds(parsed.entries, (n) => matcher.byAccountNo(n), (a) => matcher.byAddress(a));
    entries = m.entries;
    households = m.households;
    matchErrors.push(...m.errors);
  } else {
    const missingNo = parsed.entries.filter((e) => e.accountNo === '');
    matchErrors.push(...missingNo.map((e) => `${e.file}：缺少户号`));
    entries = parsed.entries.filter((e) => e.accountNo !== '');
  }
  // A line that found no household still names a file: it is not "extra" in the folder.
  const unmatched = parsed.entries.filter((e) => !entries.some((r) => r.file === e.file)).map((e) => e.file);
  const check = planPhotoImport(files.filter((f) => !unmatched.includes(f)), entries, input.handover, input.yearMonth);
  check.listErrors.unshift(...parsed.errors, ...matchErrors);
  return { ...check, households };
}

export interface CopyProgress {
  done: number;
  total: number;
}

export interface CopyInput extends FolderCheckInput {
  /** Where copies go: the archive (photo server) first, then the local second copy. */
  targets: readonly string[];
  /** Names this batch's manifest: `YYYY-MM/SHA256SUMS-<batch>.txt`. */
  batch: string;
}

export interface CopyResult {
  check: FolderCheck;
  copied: { from: string; to: string; sha256: string; bytes: number; accountNo: string }[];
  manifests: string[];
  manifestRel: string;
  manifestSha256: string;
}

/** R-PHOTO-01 + R-PHOTO-02: check, then copy to every target with a manifest, then verify each copy. */
export async function importPhotos(input: CopyInput, matcher?: Matcher, onProgress?: (p: CopyProgress) => void): Promise<CopyResult> {
  if (!/^[0-9A-Za-z_-]{1,40}$/.test(input.batch)) throw refuse(`批次号只能含字母、数字、-、_：${input.batch}`, 'batch');
  if (input.targets.length === 0) throw refuse('请先在 设置 → 照片归档位置 中设置归档位置 (R-PHOTO-02)', 'targets');
  const check = checkPhotoFolder(input, matcher);
  if (!photoCheckPasses(check)) throw refuse(photoCheckMessage(check), 'sourceDir');
  if (check.plan.length === 0) throw refuse('照片清单是空的，没有可复制的照片', 'sourceDir');
  const manifestRel = `${input.yearMonth}/SHA256SUMS-${input.batch}.txt`;
  // The archive cannot be changed: every target path is checked before anything is written anywhere.
  const clashes = input.targets.flatMap((t) =>
    [...check.plan.map((p) => p.to), manifestRel].filter((rel) => existsSync(join(t, rel))).map((rel) => join(t, rel)),
  );
  if (clashes.length) throw refuse(`归档中已有同名文件，不能覆盖，未复制任何文件 (R-PHOTO-02)：\n${clashes.join('\n')}`, 'targets');

  const total = check.plan.length;
  // What this import wrote, removed again if it fails before its end: a half-copied batch never stays behind
  // (these files were made by this call a moment ago and are not yet a recorded archive copy).
  const written: string[] = [];
  const put = async (file: string, bytes: Buffer | string) => {
    // 'wx': a file that appeared since the check is still never overwritten.
    await writeFile(file, bytes, { flag: 'wx' });
    written.push(file);
  };
  const copied: CopyResult['copied'] = [];
  const manifests: string[] = [];
  let manifest = '';
  try {
    onProgress?.({ done: 0, total });
    for (const target of input.targets) await mkdir(join(target, input.yearMonth), { recursive: true });
    for (const p of check.plan) {
      // The bytes hashed are the bytes written: each photo is read once, hashed, and written to every target.
      const bytes = await readFile(join(input.sourceDir, p.from));
      copied.push({ from: p.from, to: p.to, sha256: sha256(bytes), bytes: bytes.length, accountNo: p.accountNo });
      for (const target of input.targets) await put(join(target, p.to), bytes);
      onProgress?.({ done: copied.length, total });
      await tick();
    }
    manifest = manifestText(copied.map((c) => ({ path: c.to, sha256: c.sha256 })));
    for (const target of input.targets) {
      await put(join(target, manifestRel), manifest);
      const bad = await verifyManifest(target, manifestRel);
      if (bad.length) throw new DomainError('VALIDATION', `复制后校验不一致 (R-PHOTO-02)：${bad.join('、')}`, 'targets');
      manifests.push(join(target, manifestRel));
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    if (error instanceof DomainError) throw error;
    const reason = fsReason(error);
    throw new DomainError('VALIDATION', `复制中断，本次已复制的文件已撤回，请排除问题后重新导入 (R-PHOTO-02)：${reason}`, 'targets');
  }
  return { check, copied, manifests, manifestRel, manifestSha256: sha256(manifest) };
}

/**
 * R-PHOTO-02: the files of a manifest whose bytes no longer match (missing files included). Read file by file with a
 * yield between them, so a large archive never holds up the counter's other calls (a payment) on the back end.
 */
export async function verifyManifest(root: string, manifestRel: string): Promise<string[]> {
  const bad: string[] = [];
  for (const line of (await readFile(join(root, manifestRel), 'utf8')).split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) continue;
    if ((await fileSha256(join(root, m[2]!))) !== m[1]) bad.push(m[2]!);
  }
  return bad;
}

/** A file's SHA-256, null when it is not there; yields to the event loop after each file. */
async function fileSha256(file: string): Promise<string | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  await tick();
  return sha256(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Settings: the archive and the local copy.

export interface PhotoDirs {
  archive: string | null;
  local: string | null;
}

export interface PhotoSettingsView extends PhotoDirs {
  /** Which of the two is stored in the app (false: the start's choice). */
  stored: { archive: boolean; local: boolean };
  /** The start's choice (GAS_PHOTO_ARCHIVE / GAS_PHOTO_LOCAL). */
  start: PhotoDirs;
}


/**
 * A usable photo folder: a full path to a folder that already exists (the photo server's share or the D: drive
 * folder is never made by the app: a typo would otherwise make a folder nobody backs up) and is writable (a probe
 * file is written and removed: a share's permissions show only that way).
 */
export function checkPhotoDir(dir: string, field: 'archive' | 'local', platform: NodeJS.Platform = process.platform): string {
  const what = field === 'archive' ? '照片归档位置' : '本机照片副本位置';
  const path = platform === 'win32' ? win32 : posix;
  if (!path.isAbsolute(dir)) throw refuse(`${what}请填写完整路径（如 \\\\photo-server\\照片 或 D:\\安装照片）：${dir}`, field);
  const normal = path.resolve(dir);
  if (!existsSync(normal)) throw refuse(`${what}不存在：${dir}`, field);
  if (!statSync(normal).isDirectory()) throw refuse(`${what}不是文件夹：${dir}`, field);
  const probe = path.join(normal, `.gas-hall-probe-${randomUUID()}`);
  try {
    writeFileSync(probe, 'probe', { flag: 'wx' });
  } catch (error) {
    throw refuse(`${what}无法写入：${dir}（${fsReason(error)}）`, field);
  } finally {
    rmSync(probe, { force: true });
  }
  return normal;
}

export const startPhotoDirs = (): PhotoDirs => {
  const env = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  return { archive: env(process.env.GAS_PHOTO_ARCHIVE), local: env(process.env.GAS_PHOTO_LOCAL) };
};

export function photoSettingsOf(deps: Pick<ServiceDeps, 'db'>, start: PhotoDirs): PhotoSettingsView {
  const rows = deps.db.select().from(photoSettings).all();
  const row = (key: 'archive' | 'local') => rows.find((r) => r.key === key);
  const a = row('archive');
  const l = row('local');
  return { archive: a ? a.dir : start.archive, local: l ? l.dir : start.local, stored: { archive: !!a, local: !!l }, start };
}

/** Sets both folders (each checked; empty clears it), audited as `photos.settings.set`. */
export function setPhotoSettings(deps: ServiceDeps, actor: Actor, input: { archive: string | null; local: string | null }, start: PhotoDirs): PhotoSettingsView {
  const typed = (v: string | null) => (v?.trim() ? v.trim() : null);
  const archive = typed(input.archive) === null ? null : checkPhotoDir(typed(input.archive)!, 'archive');
  const local = typed(input.local) === null ? null : checkPhotoDir(typed(input.local)!, 'local');
  if (archive && local && resolve(archive) === resolve(local)) throw refuse('本机副本不能与归档位置是同一个文件夹', 'local');
  const before = photoSettingsOf(deps, start);
  const at = deps.clock.now();
  deps.db.transaction((tx) => {
    for (const [key, dir] of [['archive', archive], ['local', local]] as const) {
      const row = { dir, updatedBy: actor.staffId, updatedAt: at.toISOString() };
      tx.insert(photoSettings).values({ key, ...row }).onConflictDoUpdate({ target: photoSettings.key, set: row }).run();
    }
    appendAudit(
      tx,
      { actorId: actor.staffId, action: 'photos.settings.set', entity: 'photo_settings', entityId: 'photos', detail: { before: { archive: before.archive, local: before.local }, after: { archive, local } } },
      at,
    );
  });
  return photoSettingsOf(deps, start);
}

// ---------------------------------------------------------------------------------------------------------------
// The service the IPC area uses.

export interface PhotoRequest {
  sourceDir: string;
  /** Empty: the list file 照片清单.csv in the folder. */
  listCsv: string;
  handover: readonly { accountNo: string; count: number }[];
  yearMonth: string;
}

export interface PhotoImportProgress {
  running: boolean;
  done: number;
  total: number;
  batch: string | null;
}

export interface PhotoView {
  id: string;
  path: string;
  originalName: string;
  address: string;
  yearMonth: string;
  batch: string;
  importedAt: string;
  installBusinessNo: string | null;
  sha256: string;
  bytes: number;
}

const MIME: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.heic': 'image/heic' };
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

export class PhotoService {
  private progress: PhotoImportProgress = { running: false, done: 0, total: 0, batch: null };

  constructor(
    private readonly deps: ServiceDeps,
    private readonly start: () => PhotoDirs = startPhotoDirs,
  ) {}

  settings(): PhotoSettingsView {
    return photoSettingsOf(this.deps, this.start());
  }

  setSettings(actor: Actor, input: { archive: string | null; local: string | null }): PhotoSettingsView {
    return setPhotoSettings(this.deps, actor, input, this.start());
  }

  currentProgress(): PhotoImportProgress {
    return { ...this.progress };
  }

  /** The folder picker: a folder's sub-folders with their photo counts (no file content is read). */
  browse(dir: string | null): { dir: string; parent: string | null; photos: number; hasList: boolean; folders: { name: string; path: string; photos: number }[] } {
    const at = resolve(dir?.trim() ? dir.trim() : homedir());
    if (!existsSync(at) || !statSync(at).isDirectory()) throw refuse(`文件夹不存在：${at}`, 'sourceDir');
    let names: string[];
    try {
      names = readdirSync(at);
    } catch (error) {
      throw refuse(`无法打开文件夹 ${at}（${fsReason(error)}）`, 'sourceDir');
    }
    const isDir = (p: string) => {
      try {
        return statSync(p).isDirectory();
      } catch {
        return false;
      }
    };
    const photoCount = (p: string) => {
      try {
        return readdirSync(p).filter(isPhotoFile).length;
      } catch {
        return 0;
      }
    };
    const folders = names
      .filter((n) => !n.startsWith('.') && isDir(join(at, n)))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'))
      .slice(0, 500)
      .map((name) => ({ name, path: join(at, name), photos: photoCount(join(at, name)) }));
    const parent = dirname(at) === at ? null : dirname(at);
    return { dir: at, parent, photos: names.filter(isPhotoFile).length, hasList: names.includes(PHOTO_LIST_FILE), folders };
  }

  private matcher(): Matcher {
    const sqlite = this.deps.db.$client;
    const one = sqlite.prepare('SELECT account_no AS accountNo, name, address FROM accounts WHERE account_no = ?');
    const all = sqlite.prepare('SELECT account_no AS accountNo, name, address FROM accounts');
    let byAddress: Map<string, HouseholdRef[]> | null = null;
    return {
      byAccountNo: (n) => one.get(n) as HouseholdRef | undefined,
      byAddress: (a) => {
        if (!byAddress) {
          byAddress = new Map();
          for (const r of all.iterate() as Iterable<HouseholdRef>) {
            const k = normalAddress(r.address);
            byAddress.set(k, [...(byAddress.get(k) ?? []), r]);
          }
        }
        return byAddress.get(a) ?? [];
      },
    };
  }

  private listOf(req: PhotoRequest): string {
    if (req.listCsv.trim() !== '') return req.listCsv;
    const file = join(req.sourceDir, PHOTO_LIST_FILE);
    if (!existsSync(file)) throw refuse(`文件夹里没有 ${PHOTO_LIST_FILE}，请粘贴技术员的照片清单（文件名,户号,地址）`, 'listCsv');
    return readFileSync(file, 'utf8');
  }

  private folderInput(req: PhotoRequest): FolderCheckInput {
    if (!checkYearMonth(req.yearMonth)) throw refuse(`年月应为 YYYY-MM：${req.yearMonth}`, 'yearMonth');
    photoFolderFiles(req.sourceDir);
    return { sourceDir: req.sourceDir, listCsv: this.listOf(req), handover: new Map(req.handover.map((h) => [h.accountNo, h.count])), yearMonth: req.yearMonth };
  }

  /** R-PHOTO-01: the match and the checks, and where the copies would go. */
  check(req: PhotoRequest): FolderCheck & { targets: PhotoDirs } {
    const s = this.settings();
    return { ...checkPhotoFolder(this.folderInput(req), this.matcher()), targets: { archive: s.archive, local: s.local } };
  }

  /** R-PHOTO-01/02: check, copy, verify, then record the import and its photos with one audit row. */
  async import(actor: Actor, req: PhotoRequest & { technician: string; batch: string | null }): Promise<{ batch: string; importId: string; photos: number; households: number; manifests: string[]; manifestSha256: string }> {
    if (this.progress.running) throw refuse('另一批照片正在导入，请等它完成', 'sourceDir');
    const s = this.settings();
    if (!s.archive) throw refuse('请先在 设置 → 照片归档位置 中设置归档位置 (R-PHOTO-02)', 'targets');
    const archive = checkPhotoDir(s.archive, 'archive');
    const local = s.local ? checkPhotoDir(s.local, 'local') : null;
    const at = this.deps.clock.now();
    const batch = req.batch?.trim() || `${localDateTime(at).replace(/\D/g, '').slice(0, 14)}-${actor.counterCode}`.replace(/[^0-9A-Za-z_-]/g, '');
    if (this.deps.db.select({ id: photoImports.id }).from(photoImports).where(eq(photoImports.batch, batch)).get()) {
      throw refuse(`批次号 ${batch} 已导入过`, 'batch');
    }
    const input = this.folderInput(req);
    this.progress = { running: true, done: 0, total: 0, batch };
    let result: CopyResult;
    try {
      result = await importPhotos({ ...input, targets: local ? [archive, local] : [archive], batch }, this.matcher(), (p) => {
        this.progress = { running: true, batch, ...p };
      });
    } finally {
      this.progress = { ...this.progress, running: false };
    }
    const importId = uuidv7();
    const accountIds = new Map(
      this.deps.db
        .select({ id: accounts.id, accountNo: accounts.accountNo })
        .from(accounts)
        .where(inArray(accounts.accountNo, [...new Set(result.copied.map((c) => c.accountNo))]))
        .all()
        .map((a) => [a.accountNo, a.id]),
    );
    const installOf = (accountId: string) =>
      this.deps.db
        .select({ id: businesses.id })
        .from(businesses)
        .innerJoin(installRecords, eq(installRecords.businessId, businesses.id))
        .where(and(eq(businesses.accountId, accountId)))
        .orderBy(desc(installRecords.createdAt))
        .get()?.id ?? null;
    const addressOf = new Map(result.check.households.map((h) => [h.accountNo, h.writtenAddress]));
    const done = new Date(this.deps.clock.now());
    this.deps.db.transaction((tx) => {
      tx.insert(photoImports)
        .values({
          id: importId,
          hallId: actor.hallId,
          batch,
          yearMonth: req.yearMonth,
          sourceDir: req.sourceDir,
          technician: req.technician.trim(),
          photoCount: result.copied.length,
          householdCount: result.check.households.length,
          archiveDir: archive,
          localDir: local,
          manifestPath: result.manifestRel,
          manifestSha256: result.manifestSha256,
          handover: JSON.stringify([...input.handover].map(([accountNo, count]) => ({ accountNo, count }))),
          importedBy: actor.staffId,
        })
        .run();
      for (const c of result.copied) {
        const accountId = accountIds.get(c.accountNo)!;
        tx.insert(installPhotos)
          .values({ id: uuidv7(), importId, accountId, installBusinessId: installOf(accountId), originalName: c.from, path: c.to, address: addressOf.get(c.accountNo) ?? '', sha256: c.sha256, bytes: c.bytes })
          .run();
      }
      appendAudit(
        tx,
        {
          actorId: actor.staffId,
          action: 'photos.import',
          entity: 'photo_import',
          entityId: importId,
          detail: { batch, yearMonth: req.yearMonth, photos: result.copied.length, households: result.check.households.length, archive, local, manifest: result.manifestRel, manifestSha256: result.manifestSha256 },
        },
        done,
      );
    });
    return { batch, importId, photos: result.copied.length, households: result.check.households.length, manifests: result.manifests, manifestSha256: result.manifestSha256 };
  }

  /** A household's archived photos, newest first (shown beside its install and ignition forms). */
  forAccount(accountNo: string): PhotoView[] {
    const rows = this.deps.db
      .select({
        id: installPhotos.id,
        path: installPhotos.path,
        originalName: installPhotos.originalName,
        address: installPhotos.address,
        sha256: installPhotos.sha256,
        bytes: installPhotos.bytes,
        yearMonth: photoImports.yearMonth,
        batch: photoImports.batch,
        importedAt: photoImports.createdAt,
        installBusinessNo: businesses.businessNo,
      })
      .from(installPhotos)
      .innerJoin(accounts, eq(accounts.id, installPhotos.accountId))
      .innerJoin(photoImports, eq(photoImports.id, installPhotos.importId))
      .leftJoin(businesses, eq(businesses.id, installPhotos.installBusinessId))
      .where(eq(accounts.accountNo, accountNo))
      .orderBy(desc(photoImports.createdAt), installPhotos.path)
      .all();
    return rows.map((r) => ({ ...r, importedAt: localDateTime(new Date(r.importedAt)), installBusinessNo: r.installBusinessNo ?? null }));
  }

  /** One photo's bytes, from the local copy (else the archive), with whether they still match the recorded SHA-256. */
  image(id: string): { mime: string; base64: string; intact: boolean; source: 'local' | 'archive' } {
    const row = this.deps.db
      .select({ path: installPhotos.path, sha256: installPhotos.sha256, archiveDir: photoImports.archiveDir, localDir: photoImports.localDir })
      .from(installPhotos)
      .innerJoin(photoImports, eq(photoImports.id, installPhotos.importId))
      .where(eq(installPhotos.id, id))
      .get();
    if (!row) throw new DomainError('NOT_FOUND', '没有这张照片', 'id');
    const candidates = [row.localDir ? { root: row.localDir, source: 'local' as const } : null, { root: row.archiveDir, source: 'archive' as const }].filter((c) => c !== null);
    for (const c of candidates) {
      const file = join(c.root, row.path);
      if (!existsSync(file)) continue;
      if (statSync(file).size > MAX_IMAGE_BYTES) throw refuse(`照片过大，无法显示：${row.path}`, 'id');
      const bytes = readFileSync(file);
      const ext = (/\.[^.]+$/.exec(row.path)?.[0] ?? '').toLowerCase();
      return { mime: MIME[ext] ?? 'application/octet-stream', base64: bytes.toString('base64'), intact: sha256(bytes) === row.sha256, source: c.source };
    }
    throw refuse(`归档和本机副本中都找不到：${row.path}`, 'id');
  }

  /**
   * R-PHOTO-02: every import recorded for the archive now configured, checked there: the manifest's own bytes
   * against the SHA-256 recorded at import (a manifest edited to fit a changed photo is caught), and each photo
   * against the recorded SHA-256. Returns the problems, one line each.
   */
  async verifyArchive(): Promise<{ root: string; imports: number; photos: number; problems: string[] }> {
    const s = this.settings();
    if (!s.archive) throw refuse('尚未设置照片归档位置', 'archive');
    const root = resolve(s.archive);
    const imports = this.deps.db.select().from(photoImports).where(eq(photoImports.archiveDir, root)).orderBy(photoImports.createdAt).all();
    const problems: string[] = [];
    let photos = 0;
    for (const imp of imports) {
      const manifest = await fileSha256(join(root, imp.manifestPath));
      if (manifest === null) problems.push(`${imp.manifestPath}：清单文件不见了`);
      else if (manifest !== imp.manifestSha256) problems.push(`${imp.manifestPath}：清单文件被改动`);
      for (const p of this.deps.db.select().from(installPhotos).where(eq(installPhotos.importId, imp.id)).orderBy(installPhotos.path).all()) {
        photos += 1;
        const got = await fileSha256(join(root, p.path));
        if (got === null) problems.push(`${p.path}：文件不见了`);
        else if (got !== p.sha256) problems.push(`${p.path}：内容与校验清单不符（已被改动）`);
      }
    }
    return { root, imports: imports.length, photos, problems };
  }
}

/** The default year-month of an import: the business date's month. */
export const currentYearMonth = (at: Date): string => businessDateOf(at).slice(0, 7);
