/**
 * Money per day or month as bars (issue 15 #8: 每日营业收入, the arrears trend): a yuan axis, the amount over each
 * bar (overlapping ones hidden), a tooltip with the full date and amount, all in Chinese. Amounts are integer fen
 * and shown with the kernel's formatYuan; the bar's height is the yuan value.
 */
import { useMemo } from 'react';
import { formatYuan } from '../../../../preload/kernel/money';
import { EChart } from './EChart';

export interface MoneyBar {
  label: string;
  fen: number;
}

/** A date's or month's short label under its bar: 11-23 for 2026-11-23, 2026-09 for a month. */
function shortLabel(label: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(label) ? label.slice(5) : label;
}

export function moneyBarOption(title: string, bars: readonly MoneyBar[], barName: string) {
  return {
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const bar = bars[params[0]?.dataIndex ?? -1];
        return bar ? `${bar.label}<br/>${barName}：￥${formatYuan(bar.fen)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      name: '',
      data: bars.map((b) => shortLabel(b.label)),
      axisLabel: { interval: 0, rotate: bars.length > 12 ? 45 : 0 },
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', name: '金额（元）', nameTextStyle: { align: 'left' }, axisLabel: { formatter: (v: number) => v.toLocaleString('zh-CN') } },
    series: [
      {
        name: barName,
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: '#1f6feb' },
        data: bars.map((b) => b.fen / 100),
        label: { show: true, position: 'top', fontSize: 11, formatter: (p: { dataIndex: number }) => formatYuan(bars[p.dataIndex]?.fen ?? 0) },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}

export function MoneyBarChart({ title, bars, barName, fileName }: { title: string; bars: readonly MoneyBar[]; barName: string; fileName: string }) {
  const option = useMemo(() => moneyBarOption(title, bars, barName), [title, bars, barName]);
  return <EChart option={option} fileName={fileName} label={title} />;
}
