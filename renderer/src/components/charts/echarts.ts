/**
 * Apache ECharts for the windows (issue 15 #8), only the parts the charts use, so the bundle carries no
 * other chart type: echarts/core with the bar chart (and the line of the KPI targets, issue 15 #6), grid/axes, title, tooltip,
 * the legend (the service-time histogram's series, issue 15 #5), the aria description and
 * the overlap-hiding label layout, drawn by the SVG renderer (sharp at any zoom, vector in 保存为PDF, and
 * its text is in the page). Add a chart type or component here before an option uses it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, LabelLayout, SVGRenderer]);

export { echarts };
export type { ECharts, EChartsCoreOption } from 'echarts/core';
