/**
 * 日终文件导入 (issue 14 #5), Alt+U: the hall manager imports the signed day files (U盘) of the hall's counters when
 * the central server cannot be reached. Each file is sent in chunks (upload.*) and imported by `dayFile.import`: the
 * signature is checked first with the key the feed brought for the device, a file of another hall or a tampered one
 * is refused whole (the reason shown, nothing changed); otherwise its records are applied once (the same file again
 * changes nothing) and the counter's 本机日终 counts for the hall's 日结. The window lists, per file, what was
 * imported, what was already here, and the rows this PC refused with their reasons (同步问题 of the file's device).
 * Keyboard: 选择日终文件 has the focus (Enter/Space opens the chooser), F9 imports, Esc clears the list.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { uploadFile } from '../../api/upload';
import { useSession } from '../../stores/session';
import { useWindowKeys } from '../../components/useWindowKeys';

type Imported = Output<'dayFile.import'>;
type Problem = Output<'sync.problems'>[number];

interface FileOutcome {
  name: string;
  result: Imported | null;
  /** the whole file refused: the reason */
  refused: string | null;
  /** rows of this file's device this PC refused (同步问题, source day-file) */
  problems: Problem[];
}

/**
 * A file name as the manager should read it: control characters and direction marks/overrides shown as [U+XXXX], so a
 * name cannot display reversed or hide a part of itself (a "\u202e…" name read backwards).
 */
function shownName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

export function DayFileImport() {
  const role = useSession((s) => s.session?.role);
  const manager = role === 'manager' || role === 'admin';
  const input = useRef<HTMLInputElement>(null);
  const chooser = useRef<HTMLButtonElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<FileOutcome[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    chooser.current?.focus();
  }, []);

  const run = useCallback(async () => {
    if (busy !== null) return;
    setError(null);
    if (files.length === 0) return setError('请选择日终文件（U盘中的 .gasday.json 文件）');
    const done: FileOutcome[] = [];
    for (const file of files) {
      setBusy(`正在导入 ${file.name}…`);
      const uploaded = await uploadFile(file);
      if (!uploaded.ok) {
        done.push({ name: file.name, result: null, refused: uploaded.error.message, problems: [] });
        continue;
      }
      const r = await call('dayFile.import', { upload: uploaded.value });
      if (!r.ok) {
        done.push({ name: file.name, result: null, refused: r.error.message, problems: [] });
        continue;
      }
      let problems: Problem[] = [];
      if (r.value.problems > 0) {
        const p = await call('sync.problems', {});
        if (p.ok) problems = p.value.filter((x) => x.source === 'day-file' && x.position.startsWith(`${r.value.deviceId}#`));
      }
      done.push({ name: file.name, result: r.value, refused: null, problems });
    }
    setBusy(null);
    setOutcomes((before) => [...done, ...before]);
    setFiles([]);
    if (input.current) input.current.value = '';
    chooser.current?.focus();
  }, [busy, files]);

  useWindowKeys((e) => {
    if (e.altKey) return;
    if (e.key === 'F9') {
      e.preventDefault();
      void run();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setOutcomes([]);
      setError(null);
      chooser.current?.focus();
    }
  });

  if (!manager) {
    return (
      <section className="window day-file-import" aria-label="日终文件导入">
        <h2>日终文件导入</h2>
        <p role="alert">日终文件须由营业厅主任或管理员导入。柜台在 气价设置 → 中心服务器 导出本机的日终文件。</p>
      </section>
    );
  }

  return (
    <section className="window day-file-import" aria-label="日终文件导入">
      <h2>日终文件导入（中心服务器不可达时）</h2>
      <p>各柜台在 气价设置 → 中心服务器 → 导出日终文件（U盘），在此导入后其收费计入本营业厅日结；同一文件再次导入不会重复记账，服务器恢复后同样的记录也不会重复。</p>
      <div className="field">
        {/* the browser's own file button speaks the browser's language: a Chinese button opens the same chooser */}
        <input ref={input} id="day-file" name="dayFile" type="file" multiple accept=".json,application/json" hidden onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        <button
          type="button"
          id="day-file-choose"
          ref={chooser}
          aria-describedby={error ? 'day-file-names day-file-error' : 'day-file-names'}
          aria-invalid={error ? true : undefined}
          onClick={() => input.current?.click()}
        >
          选择日终文件（可多选）…
        </button>
        <span id="day-file-names" className="file-name">
          {files.length > 0 ? files.map((f) => shownName(f.name)).join('、') : '未选择文件'}
        </span>
        <button type="button" onClick={() => void run()} disabled={busy !== null}>
          导入 (F9)
        </button>
      </div>
      {error && (
        <p className="field-error" id="day-file-error" role="alert">
          {error}
        </p>
      )}
      {busy && <p role="status">{busy}</p>}
      {outcomes.length > 0 && (
        <table className="grid day-file-results" aria-label="导入结果">
          <thead>
            <tr>
              <th>文件</th>
              <th>柜台</th>
              <th>营业日期</th>
              <th>记录</th>
              <th>新导入</th>
              <th>已有</th>
              <th>拒收</th>
              <th>本机日终</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o, i) => (
              <tr key={`${o.name}-${i}`} className={o.refused || (o.result && o.result.problems > 0) ? 'refused' : undefined}>
                <td>{shownName(o.name)}</td>
                <td>{o.result?.counterCode ?? ''}</td>
                <td>{o.result?.businessDate ?? ''}</td>
                <td>{o.result?.events ?? ''}</td>
                <td>{o.result?.applied ?? ''}</td>
                <td>{o.result?.skipped ?? ''}</td>
                <td>{o.result?.problems ?? ''}</td>
                <td>{o.result ? (o.result.marker ? '有' : '无（日结显示未完成）') : ''}</td>
                <td>
                  {o.refused ? (
                    <span role="alert">拒绝导入：{o.refused}</span>
                  ) : o.result && o.result.applied === 0 && o.result.problems === 0 ? (
                    '已导入过，未改变任何数据'
                  ) : (
                    '已导入'
                  )}
                  {o.problems.length > 0 && (
                    <ul className="day-file-problems">
                      {o.problems.map((p) => (
                        <li key={p.id}>
                          {p.table} {p.rowId}：{p.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="keys">Enter 选择文件　F9 导入　Esc 清空结果　Alt+D 日结</p>
    </section>
  );
}
