import { InfoCircleOutlined } from '@ant-design/icons';
import { Select, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import type { CompensationKpisQuery, KpiUnit } from '@/gql/graphql';
import { useI18n, useMessages } from '@/shared/i18n';
import { compensationMessages } from '../messages';

export type CatalogueKpi = CompensationKpisQuery['kpis'][number];

const UNITS: readonly KpiUnit[] = ['MONEY', 'COUNT', 'PERCENT', 'NPS_SCORE'];

/**
 * A KPI of the catalogue, grouped by unit, each with its name in the UI language and its precise
 * definition in a tooltip. Searchable by name and code.
 */
export function KpiSelect({
  kpis,
  value,
  onChange,
  disabled,
  testId,
}: {
  kpis: readonly CatalogueKpi[];
  value?: string;
  onChange?: (code: string) => void;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useMessages(compensationMessages);
  const { language } = useI18n();
  const options = useMemo(
    () =>
      UNITS.map((unit) => ({
        label: t[`unit${unit}`],
        title: t[`unit${unit}`],
        options: kpis
          .filter((k) => k.unit === unit)
          .map((k) => {
            const name = language === 'ru' ? k.nameRu : k.nameEn;
            const definition = language === 'ru' ? k.definitionRu : k.definitionEn;
            return {
              value: k.code,
              search: `${name} ${k.code}`,
              label: (
                <Tooltip title={definition} placement="right" styles={{ root: { maxWidth: 420 } }}>
                  <span data-testid={`kpi-option-${k.code}`}>
                    {name}{' '}
                    <Typography.Text type="secondary">
                      <InfoCircleOutlined />
                    </Typography.Text>
                  </span>
                </Tooltip>
              ),
            };
          }),
      })).filter((g) => g.options.length > 0),
    [kpis, language, t],
  );
  return (
    <Select
      value={value}
      onChange={onChange}
      disabled={disabled}
      options={options}
      placeholder={t.chooseKpi}
      showSearch={{ optionFilterProp: 'search' }}
      style={{ minWidth: 240 }}
      data-testid={testId}
    />
  );
}
