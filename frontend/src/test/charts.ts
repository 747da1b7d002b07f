import { echarts } from '@/shared/charts';

/**
 * jsdom has no canvas: ECharts measures text through this instead (a rough width is enough). Test
 * fixtures of pages with charts import this module for its effect.
 */
echarts.setPlatformAPI({
  measureText: (text = '', font = '12px sans-serif') => ({
    width: text.length * (parseInt(font.replace(/^\D*/, ''), 10) || 12) * 0.6,
  }),
});
