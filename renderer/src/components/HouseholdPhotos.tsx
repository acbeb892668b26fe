/**
 * Issue 15 #7 (R-PHOTO-02, R-RCPT-09): a household's archived installation photos beside its install and ignition
 * forms, to settle a difference between the two. Each photo is read from the local copy (else the archive) and
 * checked against the SHA-256 recorded at import; a changed file is shown flagged.
 */
import { useEffect, useState } from 'react';
import type { Output } from '../../../preload/contract';
import { call } from '../api/client';

type Photo = Output<'photos.forAccount'>[number];
type Image = Output<'photos.image'>;

export function HouseholdPhotos({ accountNo }: { accountNo: string }) {
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const [image, setImage] = useState<Image | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPhotos(null);
    setImage(null);
    setError(null);
    void call('photos.forAccount', { accountNo }).then((res) => {
      if (!live) return;
      if (!res.ok) return setError(res.error.message);
      setPhotos(res.value);
      setPicked(res.value[0]?.id ?? null);
    });
    return () => {
      live = false;
    };
  }, [accountNo]);

  useEffect(() => {
    if (!picked) return;
    let live = true;
    setImage(null);
    void call('photos.image', { id: picked }).then((res) => {
      if (!live) return;
      if (!res.ok) return setError(res.error.message);
      setError(null);
      setImage(res.value);
    });
    return () => {
      live = false;
    };
  }, [picked]);

  return (
    <section className="panel household-photos" aria-label="安装照片">
      <h3>安装照片（{accountNo}）</h3>
      {photos === null && !error && <p className="muted">正在读取…</p>}
      {photos?.length === 0 && <p className="muted">该户没有归档的安装照片</p>}
      {photos && photos.length > 0 && (
        <div className="photo-picks">
          {photos.map((p) => (
            <button type="button" key={p.id} className={p.id === picked ? 'active' : undefined} aria-pressed={p.id === picked} onClick={() => setPicked(p.id)} title={`${p.originalName} · 批次 ${p.batch} · ${p.importedAt}`}>
              {p.path.split('/').pop()}
            </button>
          ))}
        </div>
      )}
      {image && (
        <figure>
          <img src={`data:${image.mime};base64,${image.base64}`} alt={photos?.find((p) => p.id === picked)?.path ?? ''} />
          <figcaption className={image.intact ? 'muted' : 'error-text'} data-photo-intact={image.intact ? '1' : '0'}>
            {photos?.find((p) => p.id === picked)?.path} · {image.source === 'local' ? '本机副本' : '照片服务器'}
            {photos?.find((p) => p.id === picked)?.installBusinessNo ? ` · 安装业务 ${photos.find((p) => p.id === picked)?.installBusinessNo}` : ''}
            {image.intact ? ' · 校验一致' : ' · 与导入时的校验值不符（文件已被改动）'}
          </figcaption>
        </figure>
      )}
      {error && <div className="error-text">{error}</div>}
    </section>
  );
}
