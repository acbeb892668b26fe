/** A small bar chart in SVG for a manager who would rather look than read (daily takings, arrears trend). */
import { formatYuan } from '../../../preload/kernel/money';

export function BarChart({ title, bars }: { title: string; bars: { label: string; fen: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.fen));
  const w = 36;
  const h = 160;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg width={Math.max(200, bars.length * w + 20)} height={h + 40} role="img" aria-label={title}>
        {bars.map((b, i) => {
          const bh = Math.round((b.fen / max) * h);
          return (
            <g key={b.label} transform={`translate(${10 + i * w}, 0)`}>
              <title>{`${b.label}：￥${formatYuan(b.fen)}`}</title>
              <rect x={4} y={h - bh + 10} width={w - 8} height={bh} fill="#1f6feb" />
              <text x={w / 2} y={h + 26} fontSize={10} textAnchor="middle">
                {b.label.slice(-5)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
