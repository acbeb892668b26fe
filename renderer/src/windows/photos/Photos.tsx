/**
 * 安装照片 (Alt+P), issue 15 #7 (R-PHOTO-01/02): pick a technician's photo folder, see each photo matched to its
 * household by the list (户号, or the address alone), the rename into the year-month folder, the count per household
 * against the photo handover book (照片交接本, typed from the book; differences highlighted), then 导入归档: the copy
 * to the photo server and the local copy with a SHA-256 manifest, with progress, recorded with an audit row.
 * Keyboard: the folder list is buttons (Enter opens, 上一级 goes up); F8 核对, F9 导入归档, Tab through the counts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';
import { useWindowKeys } from '../../components/useWindowKeys';

type Browse = Output<'photos.browse'>;
type Check = Output<'photos.check'>;
type Imported = Output<'photos.import'>;
type Progress = Output<'photos.progress'>;
type Problem = { field?: string; message: string };

const countOf = (v: string | undefined): number | null => (v !== undefined && /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : null);

/** The difference of a household's row, said the way the clerk checks it: the list against the handover book. */
const diffText = (listed: number, handover: number | null): string =>
  handover === null ? ' 未填' : listed > handover ? ` 清单多 ${listed - handover} 张` : ` 清单少 ${handover - listed} 张`;

export function Photos() {
  const businessDate = useSession((s) => s.session?.businessDate ?? '');
  const [folder, setFolder] = useState('');
  const [browse, setBrowse] = useState<Browse | null>(null);
  const [technician, setTechnician] = useState('');
  const [yearMonth, setYearMonth] = useState(businessDate.slice(0, 7));
  const [batch, setBatch] = useState('');
  const [listCsv, setListCsv] = useState('');
  const [check, setCheck] = useState<Check | null>(null);
  const [handover, setHandover] = useState<Record<string, string>>({});
  const [error, setError] = useState<Problem | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const [busy, setBusy] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);

  const open = useCallback(async (dir: string | null) => {
    setError(null);
    const res = await call('photos.browse', { dir });
    if (!res.ok) return setError(res.error);
    setBrowse(res.value);
    setFolder(res.value.dir);
  }, []);

  const handoverRows = useCallback(
    () =>
      Object.entries(handover)
        .map(([accountNo, v]) => ({ accountNo, count: countOf(v) }))
        .filter((r): r is { accountNo: string; count: number } => r.count !== null),
    [handover],
  );

  const runCheck = useCallback(async () => {
    if (busy) return;
    setError(null);
    setDone(null);
    const res = await call('photos.check', { sourceDir: folder, listCsv, handover: handoverRows(), yearMonth });
    if (!res.ok) {
      setCheck(null);
      return setError(res.error);
    }
    setCheck(res.value);
  }, [busy, folder, listCsv, handoverRows, yearMonth]);

  const runImport = useCallback(async () => {
    if (busy) return;
    setError(null);
    setDone(null);
    setBusy(true);
    setProgress({ running: true, done: 0, total: check?.plan.length ?? 0, batch: null });
    const poll = window.setInterval(() => {
      void call('photos.progress', {}).then((r) => r.ok && r.value.running && setProgress(r.value));
    }, 250);
    try {
      const res = await call('photos.import', { sourceDir: folder, listCsv, handover: handoverRows(), yearMonth, technician, batch: batch.trim() || null });
      if (!res.ok) {
        setError(res.error);
        // The refusal names the problems; the check shows them at their rows.
        const again = await call('photos.check', { sourceDir: folder, listCsv, handover: handoverRows(), yearMonth });
        if (again.ok) setCheck(again.value);
        return;
      }
      setProgress({ running: false, done: res.value.photos, total: res.value.photos, batch: res.value.batch });
      setDone(res.value);
    } finally {
      window.clearInterval(poll);
      setBusy(false);
    }
  }, [busy, check, folder, listCsv, handoverRows, yearMonth, technician, batch]);

  useWindowKeys((e) => {
    if (e.key === 'F8') {
      e.preventDefault();
      void runCheck();
    } else if (e.key === 'F9') {
      e.preventDefault();
      void runImport();
    }
  });

  useEffect(() => {
    folderInput.current?.focus();
  }, []);

  const listed = (accountNo: string) => check?.households.find((h) => h.accountNo === accountNo)?.files.length ?? 0;
  const differs = (accountNo: string) => countOf(handover[accountNo]) !== listed(accountNo);
  const diffCount = check ? check.households.filter((h) => differs(h.accountNo)).length : 0;
  const problems = check ? [...check.listErrors, ...check.missing.map((f) => `清单上有、文件夹里没有：${f}`), ...check.extra.map((f) => `文件夹里有、清单上没有：${f}`)] : [];
  const ready = check !== null && problems.length === 0 && diffCount === 0 && check.plan.length > 0 && check.targets.archive !== null;

  return (
    <main className="photos" data-testid="photos">
      <section className="panel">
        <h2>安装照片导入</h2>
        <p className="hint">R-PHOTO-01/02 · F8 核对 · F9 导入归档 · 核对不通过不复制任何文件，归档中的照片不会被覆盖或修改</p>
        <div className="row">
          <label className="grow">
            照片文件夹
            <input
              ref={folderInput}
              name="photoFolder"
              value={folder}
              size={44}
              onChange={(e) => setFolder(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void open(folder);
              }}
              placeholder="E:\DCIM\100MSDCF 或 /media/card/DCIM"
              aria-describedby="photo-folder-error"
            />
          </label>
          <button type="button" name="browsePhotos" onClick={() => void open(folder || null)}>
            浏览
          </button>
        </div>
        <FieldError message={error?.field === 'sourceDir' && !check ? error.message : null} id="photo-folder-error" />
        {browse && (
          <div className="photo-browser" aria-label="选择文件夹">
            <div className="muted">
              {browse.dir} · 本文件夹照片 {browse.photos} 张{browse.hasList ? ' · 有 照片清单.csv' : ''}
            </div>
            <div className="folder-list">
              {browse.parent && (
                <button type="button" name="folderUp" onClick={() => void open(browse.parent)}>
                  ↑ 上一级
                </button>
              )}
              {browse.folders.map((f) => (
                <button type="button" key={f.path} data-folder={f.name} onClick={() => void open(f.path)}>
                  📁 {f.name}
                  {f.photos ? `（${f.photos} 张）` : ''}
                </button>
              ))}
            </div>
          </div>
        )}
        <div className="row">
          <label>
            技术员
            <input name="technician" value={technician} size={8} onChange={(e) => setTechnician(e.target.value)} />
          </label>
          <label>
            年月
            <input name="yearMonth" value={yearMonth} size={8} onChange={(e) => setYearMonth(e.target.value)} aria-describedby="photo-ym-error" />
          </label>
          <label>
            批次号（可空）
            <input name="photoBatch" value={batch} size={12} onChange={(e) => setBatch(e.target.value)} aria-describedby="photo-batch-error" />
          </label>
        </div>
        <FieldError message={error?.field === 'yearMonth' ? error.message : null} id="photo-ym-error" />
        <FieldError message={error?.field === 'batch' ? error.message : null} id="photo-batch-error" />
        <label>
          技术员的照片清单（文件名,户号,地址；户号可空，按地址匹配；留空则读取文件夹中的 照片清单.csv）
          <textarea name="photoList" rows={5} value={listCsv} onChange={(e) => setListCsv(e.target.value)} aria-describedby="photo-list-error" />
        </label>
        <FieldError message={error?.field === 'listCsv' ? error.message : null} id="photo-list-error" />
        <div className="row">
          <button type="button" name="checkPhotos" onClick={() => void runCheck()} disabled={busy}>
            核对 (F8)
          </button>
          <button type="button" name="importPhotos" className="primary" onClick={() => void runImport()} disabled={busy || !ready}>
            导入归档 (F9)
          </button>
        </div>
        {progress && (
          <div className="progress" role="status" aria-label="导入进度">
            复制 <progress max={progress.total || 1} value={progress.done} /> {progress.done}/{progress.total} 张
          </div>
        )}
        <FieldError message={error && !['sourceDir', 'yearMonth', 'batch', 'listCsv'].includes(error.field ?? '') ? error.message : null} id="photo-error" />
        <FieldError message={error?.field === 'sourceDir' && check ? error.message : null} id="photo-check-error" />
        {done && (
          <div className="paid" role="status" data-photo-batch={done.batch}>
            已导入批次 {done.batch}：{done.households} 户 {done.photos} 张，已写入校验清单
            <ul>
              {done.manifests.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
      </section>

      <section className="panel column" aria-label="核对结果">
        <h2>核对结果</h2>
        {!check ? (
          <p className="muted">选择文件夹后按 F8 核对：照片与用户档案匹配、按地址改名、与照片交接本核对张数。</p>
        ) : (
          <>
            <div className="muted">
              归档到：{check.targets.archive ?? <strong className="error-text">未设置（请主任在 气价设置 → 照片归档位置 中设置）</strong>}
              {' · '}本机副本：{check.targets.local ?? '不保留'}
            </div>
            <div role="status" data-photo-diffs={diffCount} data-photo-problems={problems.length} className={diffCount || problems.length ? 'photo-problems' : 'paid'}>
              {check.households.length} 户 {check.plan.length} 张
              {diffCount ? ` · ${diffCount} 户张数与交接本不符` : ' · 张数与交接本一致'}
              {problems.length ? ` · ${problems.length} 个问题` : ''}
            </div>
            {problems.length > 0 && (
              <ul className="photo-problem-list">
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
            <table className="hits photo-households" aria-label="照片与用户匹配">
              <thead>
                <tr>
                  <th>户号</th>
                  <th>姓名</th>
                  <th>档案地址</th>
                  <th>技术员写的地址</th>
                  <th>清单张数</th>
                  <th>交接本张数</th>
                </tr>
              </thead>
              <tbody>
                {check.households.map((h) => (
                  <tr key={h.accountNo} className={differs(h.accountNo) ? 'differs' : undefined} data-account={h.accountNo}>
                    <td>{h.accountNo}</td>
                    <td>{h.name}</td>
                    <td>{h.archiveAddress}</td>
                    <td className={h.addressDiffers ? 'address-differs' : undefined}>
                      {h.writtenAddress}
                      {h.by === 'address' ? '（按地址匹配）' : ''}
                      {h.addressDiffers ? '（与档案不同）' : ''}
                    </td>
                    <td>{h.files.length}</td>
                    <td>
                      <input
                        name={`handover-${h.accountNo}`}
                        aria-label={`${h.accountNo} 交接本张数`}
                        size={3}
                        inputMode="numeric"
                        value={handover[h.accountNo] ?? ''}
                        onChange={(e) => setHandover((m) => ({ ...m, [h.accountNo]: e.target.value }))}
                      />
                      {differs(h.accountNo) && <span className="photo-diff">{diffText(h.files.length, countOf(handover[h.accountNo]))}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table className="hits photo-plan" aria-label="改名">
              <thead>
                <tr>
                  <th>原文件名</th>
                  <th>户号</th>
                  <th>归档后的文件名</th>
                </tr>
              </thead>
              <tbody>
                {check.plan.map((p) => (
                  <tr key={p.from}>
                    <td>{p.from}</td>
                    <td>{p.accountNo}</td>
                    <td>{p.to}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </main>
  );
}
