/**
 * Issue 12 #6 (R-INV-09, hall manager or administrator): the second backup path — a USB disk or a network share
 * every backup is copied to as well. 保存 checks it (a full path, a folder that exists or can be made, writable)
 * and the next backup uses it; 清除 stops the second copy. Errors at the field.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../../preload/contract';
import { call } from '../../api/client';
import { FieldError } from '../../components/FieldError';
import { useSession } from '../../stores/session';

type Mirror = Output<'backup.mirror'>;

export function BackupMirrorSettings() {
  const role = useSession((s) => s.session?.role);
  const allowed = role === 'manager' || role === 'admin';
  const [info, setInfo] = useState<Mirror | null>(null);
  const [dir, setDir] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const shown = (value: Mirror) => {
    setInfo(value);
    setDir(value.dir ?? '');
  };
  useEffect(() => {
    if (allowed) void call('backup.mirror', {}).then((res) => (res.ok ? shown(res.value) : setError(res.error)));
  }, [allowed]);
  if (!allowed) return null;

  const save = async (value: string | null) => {
    setError(null);
    setDone(null);
    const res = await call('backup.setMirror', { dir: value });
    if (!res.ok) return setError(res.error);
    shown(res.value);
    setDone(res.value.dir ? `已保存，下次备份起同时复制到 ${res.value.dir}` : '已清除，备份不再复制到第二位置');
  };

  return (
    <section className="panel" aria-label="第二备份位置">
      <h2>第二备份位置（U盘或网络共享）</h2>
      <div className="row">
        <label>
          文件夹
          <input
            name="backupMirror"
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void save(dir);
            }}
            size={40}
            placeholder="E:\燃气备份 或 /media/usb/燃气备份"
            aria-describedby="backup-mirror-error"
          />
        </label>
        <button type="button" name="saveBackupMirror" onClick={() => void save(dir)}>
          保存
        </button>
        <button type="button" name="clearBackupMirror" onClick={() => void save(null)}>
          清除
        </button>
      </div>
      <FieldError message={error?.field === 'dir' ? error.message : null} id="backup-mirror-error" />
      <FieldError message={error && error.field !== 'dir' ? error.message : null} id="backup-mirror-general-error" />
      {info && (
        <div role="status" data-backup-mirror={info.dir ?? ''}>
          当前：{info.dir ?? '不复制到第二位置'}
          {info.stored ? '' : '（启动时的设置 GAS_BACKUP_MIRROR）'}
        </div>
      )}
      {done && <div role="status">{done}</div>}
    </section>
  );
}
