/**
 * Issue 15 #5 (R-SEC-13): the distribution of service times as an ECharts histogram: the minute buckets on the x axis,
 * one bar series per clerk or counter and kind (笔数 on the y axis), the count over each bar, a tooltip per bucket.
 */
import { useMemo } from 'react';
import { EChart } from './EChart';

export interface TimingSeries {
  name: string;
  counts: number[];
}

const COLOURS = ['#1f6feb', '#1a7f37', '#9a6700', '#8250df', '#cf222e', '#0a7ea4', '#bc4c00', '#57606a'];

export function timingOption(title: string, buckets: readonly string[], series: readonly TimingSeries[]) {
  return {
    aria: { enabled: true },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 16, right: 24, top: 72, bottom: 28, containLabel: true },
    legend: { top: 30, type: 'scroll', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', name: '办理用时（从选中用户到出票）', nameLocation: 'middle', nameGap: 28, data: [...buckets], axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', name: '笔数', minInterval: 1 },
    series: series.map((s, i) => ({
      name: s.name,
      type: 'bar',
      barMaxWidth: 28,
      itemStyle: { color: COLOURS[i % COLOURS.length] },
      data: [...s.counts],
      label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      labelLayout: { hideOverlap: true },
    })),
  };
}

export function TimingHistogram({ title, buckets, series, fileName }: { title: string; buckets: readonly string[]; series: readonly TimingSeries[]; fileName: string }) {
  const option = useMemo(() => timingOption(title, buckets, series), [title, buckets, series]);
  return <EChart option={option} fileName={fileName} label={title} height={300} />;
}
