/**
 * One ECharts chart in a window (issue 15 #8): made when the element mounts, given each new option,
 * resized with its box (the window or the panel), disposed on unmount; 导出图片 saves it as a PNG through
 * the app's file-save path.
 */
import { useEffect, useRef, useState } from 'react';
import { saveFile } from '../../api/save-file';
import { echarts, type ECharts, type EChartsCoreOption } from './echarts';

/** The chart as PNG bytes: the SVG renderer's picture drawn on a canvas at `pixelRatio`, on white. */
export async function chartPng(chart: ECharts, pixelRatio = 2): Promise<Blob> {
  const svgUrl = chart.getDataURL({ type: 'svg', backgroundColor: '#ffffff' });
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(chart.getWidth() * pixelRatio);
  canvas.height = Math.round(chart.getHeight() * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2d is not available');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('PNG encoding failed');
  return blob;
}

export function EChart({ option, fileName, label, height = 280 }: { option: EChartsCoreOption; fileName: string; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, null, { renderer: 'svg', locale: 'ZH' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const exportImage = async () => {
    setError(null);
    if (!chart.current) return;
    try {
      saveFile(`${fileName}.png`, await chartPng(chart.current));
    } catch (e) {
      setError(`导出图片失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <figure className="chart" aria-label={label}>
      <div className="chart-box" ref={box} style={{ height }} data-testid="echart" />
      <figcaption>
        <button type="button" name="exportChartImage" onClick={() => void exportImage()}>
          导出图片
        </button>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
