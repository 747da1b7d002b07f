import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts';

/** Width used while the container has no layout yet (a hidden tab, jsdom). */
const FALLBACK_WIDTH = 600;

/**
 * A thin React wrapper of one ECharts instance (ADR 0021): created on mount, given each new
 * `option` (not merged: the option is the whole chart), resized with its container, disposed on
 * unmount. `label` names the chart for screen readers.
 */
export function EChart({
  option,
  height = 300,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = container.current!;
    const instance = echarts.init(element, null, {
      renderer: 'svg',
      height,
      ...(element.clientWidth > 0 ? {} : { width: FALLBACK_WIDTH }),
    });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0) {
        instance.resize({ width: 'auto', height });
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option, height]);

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
