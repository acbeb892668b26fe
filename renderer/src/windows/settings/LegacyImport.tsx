/**
 * 旧系统数据导入 (issue 12 #3, 营业厅主任/管理员): download a template (CSV or Excel, empty or the sample), choose
 * the filled file, 检查 (dry run: rows and the errors, with the error report to save), 导入 (all or nothing), and
 * the progress while a long file is checked or written. Plain labelled inputs and buttons: Tab and Enter work.
 */
import { useEffect, useRef, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import type { ImportKind } from '../../../../preload/kernel/enums';
import { call } from '../../api/client';
import { uploadFile } from '../../api/upload';
import { FieldError } from '../../components/FieldError';

type Report = Output<'imports.check'>;
/** In the order they are imported (价格 → 用户及表 → 欠费账单). */
const KIND_NAMES: Record<ImportKind, string> = { tariffs: '价格', accounts: '用户及表', bills: '欠费账单' };

function blobUrl(parts: BlobPart[], type: string): string {
  return URL.createObjectURL(new Blob(parts, { type }));
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** `autoFocus`: the first field takes the focus (the setup wizard's import step); `onImported` after a successful import. */
export function LegacyImport({ autoFocus = false, onImported }: { autoFocus?: boolean; onImported?: () => void } = {}) {
  const [kind, setKind] = useState<ImportKind>('tariffs');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [template, setTemplate] = useState<{ url: string; name: string } | null>(null);
  const poll = useRef<ReturnType<typeof setInterval> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => () => void (poll.current && clearInterval(poll.current)), []);

  const getTemplate = async (format: 'csv' | 'xlsx', sample: boolean) => {
    const r = await call('imports.template', { kind, format, sample });
    if (!r.ok) return setError(r.error.message);
    const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    setTemplate({ url: blobUrl([bytesOf(r.value.base64)], type), name: r.value.fileName });
  };

  const send = async (method: 'imports.check' | 'imports.run') => {
    if (!file) return setError('请选择导入文件');
    setError(null);
    setDone(null);
    setBusy('正在上传…');
    const uploaded = await uploadFile(file, (sent, total) => setBusy(`正在上传 ${Math.floor((sent / total) * 100)}%`));
    if (!uploaded.ok) return setBusy(null), setError(uploaded.error.message);
    poll.current = setInterval(() => {
      void call('imports.progress', {}).then((p) => {
        if (p.ok && p.value.job) setBusy(`${p.value.phase === 'write' ? '正在写入' : '正在检查'} ${p.value.done}/${p.value.total} 行`);
      });
    }, 500);
    const r = await call(method, { kind, upload: uploaded.value });
    if (poll.current) clearInterval(poll.current);
    setBusy(null);
    if (!r.ok) return setError(r.error.message);
    setReport(r.value);
    if ('imported' in r.value) {
      const c = r.value.counts;
      if (r.value.imported) onImported?.();
      setDone(r.value.imported ? `已导入 ${c.rows} 行：新增 ${c.inserted}，更新 ${c.updated}，未变 ${c.unchanged}` : '有错误，未导入任何数据');
    } else setDone(r.value.errorCount === 0 ? `检查通过，共 ${r.value.rows} 行，可以导入` : null);
  };

  return (
    <section className="panel" aria-label="旧系统数据导入">
      <h2>旧系统数据导入</h2>
      <div className="row">
        <label>
          导入内容
          <select name="importKind" autoFocus={autoFocus} value={kind} onChange={(e) => (setKind(e.target.value as ImportKind), setTemplate(null), setReport(null), setDone(null))}>
            {(Object.keys(KIND_NAMES) as ImportKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" name="templateCsv" onClick={() => void getTemplate('csv', false)}>
          CSV 模板
        </button>
        <button type="button" name="templateXlsx" onClick={() => void getTemplate('xlsx', false)}>
          Excel 模板
        </button>
        <button type="button" name="templateSample" onClick={() => void getTemplate('csv', true)}>
          示例文件
        </button>
        {template && (
          <a href={template.url} download={template.name} className="download">
            保存 {template.name}
          </a>
        )}
      </div>
      <p>导入顺序：价格 → 用户及表 → 欠费账单。有任何一行错误时不导入任何数据；按户号重复导入不会产生重复。</p>
      <div className="row">
        {/* the browser's own file button speaks the browser's language: a Chinese button opens the same chooser */}
        <input ref={fileInput} id="import-file" name="importFile" type="file" accept=".csv,.xlsx" hidden onChange={(e) => (setFile(e.target.files?.[0] ?? null), setReport(null), setDone(null))} />
        <button type="button" name="chooseFile" aria-describedby="import-file-name" onClick={() => fileInput.current?.click()}>
          选择导入文件（CSV 或 .xlsx）…
        </button>
        <span id="import-file-name" className="file-name">
          {file ? file.name : '未选择文件'}
        </span>
        <button type="button" name="importCheck" disabled={busy !== null} onClick={() => void send('imports.check')}>
          检查
        </button>
        <button type="button" name="importRun" disabled={busy !== null || (report !== null && report.errorCount > 0)} onClick={() => void send('imports.run')}>
          导入
        </button>
      </div>
      {busy && <div role="progressbar" aria-label="导入进度">{busy}</div>}
      <FieldError message={error} id="import-error" />
      {done && <div role="status">{done}</div>}
      {report && report.errorCount > 0 && (
        <div>
          <p role="alert">
            共 {report.rows} 行，发现 {report.errorCount} 处错误（{report.encoding === 'gbk' ? 'GBK' : report.format === 'xlsx' ? 'Excel' : 'UTF-8'}）。
            {report.errorReport && (
              <a href={blobUrl([report.errorReport], 'text/csv')} download={`导入错误-${KIND_NAMES[kind]}.csv`} className="download">
                下载错误报告
              </a>
            )}
          </p>
          <table>
            <thead>
              <tr>
                <th>行号</th>
                <th>列</th>
                <th>错误</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
