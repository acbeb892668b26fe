/**
 * Issue 15 #7 (R-PHOTO-02, hall manager or administrator): where installation photos are copied — the company photo
 * server (照片归档位置) and the hall PC's second copy (本机照片副本, the D: drive). 保存 checks each (a full path to a
 * folder that already exists and is writable); errors at the field. 核对归档 checks every recorded photo and manifest
 * in the archive against the SHA-256 recorded at import: the archive copy is never to be modified.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Settings = Output<'photos.settings'>;
type Verify = Output<'photos.verifyArchive'>;

export function PhotoArchiveSettings() {
  const role = useSession((s) => s.session?.role);
  const allowed = role === 'manager' || role === 'admin';
  const [info, setInfo] = useState<Settings | null>(null);
  const [archive, setArchive] = useState('');
  const [local, setLocal] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);

  const shown = (value: Settings) => {
    setInfo(value);
    setArchive(value.archive ?? '');
    setLocal(value.local ?? '');
  };
  useEffect(() => {
    if (allowed) void call('photos.settings', {}).then((res) => (res.ok ? shown(res.value) : setError(res.error)));
  }, [allowed]);
  if (!allowed) return null;

  const save = async () => {
    setError(null);
    setDone(null);
    const res = await call('photos.setSettings', { archive, local });
    if (!res.ok) return setError(res.error);
    shown(res.value);
    setDone('已保存照片归档位置');
  };
  const check = async () => {
    setError(null);
    setVerify(null);
    const res = await call('photos.verifyArchive', {});
    if (!res.ok) return setError(res.error);
    setVerify(res.value);
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') void save();
  };

  return (
    <section className="panel" aria-label="照片归档位置">
      <h2>照片归档位置（安装照片）</h2>
      <div className="row">
        <label>
          照片服务器（归档，不可修改）
          <input
            name="photoArchive"
            value={archive}
            onChange={(e) => setArchive(e.target.value)}
            onKeyDown={onEnter}
            size={40}
            placeholder="\\photo-server\安装照片 或 /mnt/photos"
            aria-describedby="photo-archive-error"
          />
        </label>
        <label>
          本机副本（D盘）
          <input
            name="photoLocal"
            value={local}
            onChange={(e) => setLocal(e.target.value)}
            onKeyDown={onEnter}
            size={30}
            placeholder="D:\安装照片"
            aria-describedby="photo-local-error"
          />
        </label>
        <button type="button" name="savePhotoDirs" onClick={() => void save()}>
          保存
        </button>
        <button type="button" name="verifyPhotoArchive" onClick={() => void check()}>
          核对归档
        </button>
      </div>
      <FieldError message={error?.field === 'archive' ? error.message : null} id="photo-archive-error" />
      <FieldError message={error?.field === 'local' ? error.message : null} id="photo-local-error" />
      <FieldError message={error && error.field !== 'archive' && error.field !== 'local' ? error.message : null} id="photo-settings-error" />
      {info && (
        <div role="status" data-photo-archive={info.archive ?? ''}>
          当前：归档 {info.archive ?? '未设置'}；本机副本 {info.local ?? '不保留'}
          {info.stored.archive ? '' : '（启动时的设置 GAS_PHOTO_ARCHIVE）'}
        </div>
      )}
      {done && <div role="status">{done}</div>}
      {verify && (
        <div role="status" className={verify.problems.length ? 'photo-problems' : 'paid'} data-photo-verify={verify.problems.length}>
          {verify.problems.length === 0
            ? `归档核对通过：${verify.imports} 批 ${verify.photos} 张照片与导入时的校验值一致`
            : `归档核对发现 ${verify.problems.length} 处不一致（${verify.imports} 批 ${verify.photos} 张）：`}
          {verify.problems.length > 0 && (
            <ul>
              {verify.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
