import { InfoCircleOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useI18n } from '@/shared/i18n';
import type { KpiDefinition } from '../lib/use-catalogue';

/** A KPI's name with its precise definition in a tooltip (the same text as the docs and the code). */
export function KpiName({ kpi, code }: { kpi: KpiDefinition | undefined; code: string }) {
  const { language } = useI18n();
  if (!kpi) {
    return <span data-testid={`kpi-name-${code}`}>{code}</span>;
  }
  const name = language === 'ru' ? kpi.nameRu : kpi.nameEn;
  const definition = language === 'ru' ? kpi.definitionRu : kpi.definitionEn;
  return (
    <Tooltip title={definition} styles={{ root: { maxWidth: 480 } }}>
      <span data-testid={`kpi-name-${code}`} style={{ cursor: 'help' }}>
        {name}{' '}
        <Typography.Text type="secondary">
          <InfoCircleOutlined aria-label={definition} />
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
