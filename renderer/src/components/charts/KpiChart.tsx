/**
 * Issue 15 #6 (R-SEC-29, R-SEC-11): the KPI page's chart: each figure's rate as a bar beside its target as a marker
 * line, red when the target is missed; a figure without a source is a gap labelled 无数据 (never a bar of 0).
 * Rates arrive as integer basis points (1/100 %).
 */
import { useMemo } from 'react';
import { EChart } from './EChart';

export interface KpiBar {
  label: string;
  rateBp: number | null;
  targetBp: number;
  status: 'met' | 'missed' | 'nodata';
}

const pct = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;

export function kpiOption(title: string, bars: readonly KpiBar[]) {
  return {
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const bar = bars[params[0]?.dataIndex ?? -1];
        if (!bar) return '';
        return `${bar.label}<br/>实际：${bar.rateBp === null ? '无数据' : pct(bar.rateBp)}<br/>目标：${pct(bar.targetBp)}`;
      },
    },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: 20, fontSize: 11 } },
    yAxis: { type: 'value', name: '百分比', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: '实际',
        type: 'bar',
        barMaxWidth: 36,
        data: bars.map((b) => ({
          value: b.rateBp === null ? 0 : b.rateBp / 100,
          itemStyle: { color: b.status === 'missed' ? '#cf222e' : b.status === 'met' ? '#1a7f37' : '#d0d7de' },
        })),
        label: {
          show: true,
          position: 'top',
          fontSize: 11,
          formatter: (p: { dataIndex: number }) => {
            const bar = bars[p.dataIndex];
            return bar?.rateBp === null || bar === undefined ? '无数据' : pct(bar.rateBp);
          },
        },
      },
      {
        name: '目标',
        type: 'line',
        symbol: 'diamond',
        symbolSize: 10,
        lineStyle: { type: 'dashed', color: '#9a6700' },
        itemStyle: { color: '#9a6700' },
        data: bars.map((b) => b.targetBp / 100),
      },
    ],
  };
}

export function KpiChart({ title, bars, fileName }: { title: string; bars: readonly KpiBar[]; fileName: string }) {
  const option = useMemo(() => kpiOption(title, bars), [title, bars]);
  return <EChart option={option} fileName={fileName} label={title} height={300} />;
}
