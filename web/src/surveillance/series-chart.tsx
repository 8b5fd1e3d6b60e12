import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts5/core';
import { LineChart, ScatterChart } from 'echarts5/charts';
import { GridComponent, LegendComponent, TooltipComponent, DataZoomComponent } from 'echarts5/components';
import { CanvasRenderer } from 'echarts5/renderers';
import type { DetectionPoint } from './types.js';

echarts.use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

declare global {
  interface Window {
    /** The chart on the page, for the end-to-end test to read what ECharts holds (as __seamlessMap). */
    __seamlessSurveillanceChart?: echarts.ECharts;
  }
}

/**
 * Observed counts, the method's upper bound (absent where the point is not monitored) and the
 * alarms as red points, per period.
 */
export function SeriesChart({ points }: { points: readonly DetectionPoint[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    window.__seamlessSurveillanceChart = instance;
    const onResize = () => instance.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      instance.dispose();
      chart.current = undefined;
      if (window.__seamlessSurveillanceChart === instance) delete window.__seamlessSurveillanceChart;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('surveillance.observed'), t('surveillance.upperbound'), t('surveillance.alarm')] },
        grid: { left: 48, right: 16, top: 40, bottom: 60 },
        dataZoom: [{ type: 'inside' }, { type: 'slider' }],
        xAxis: { type: 'category', data: points.map((p) => p.period) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('surveillance.observed'), type: 'line', data: points.map((p) => p.observed), symbolSize: 4 },
          { name: t('surveillance.upperbound'), type: 'line', data: points.map((p) => p.upperbound), lineStyle: { type: 'dashed' }, symbol: 'none', connectNulls: false },
          { name: t('surveillance.alarm'), type: 'scatter', data: points.map((p) => (p.alarm ? p.observed : null)), itemStyle: { color: '#c0392b' }, symbolSize: 10 },
        ],
      },
      { notMerge: true },
    );
  }, [points, t]);

  return <div ref={element} className="surveillance-chart" data-testid="surveillance-chart" data-points={points.length} style={{ width: '100%', height: 320 }} />;
}
