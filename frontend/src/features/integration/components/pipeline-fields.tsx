import { Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useMessages } from '@/shared/i18n';
import { integrationMessages } from '../messages';

export const DEFAULT_NPS_FIELD = 'UF_CRM_NPS';

/** Values of the pipeline choice: pipeline ids ticked, the NPS deal field. */
export interface PipelineValues {
  pipelineIds: number[];
  npsField: string;
}

export const PIPELINE_FIELDS = ['pipelineIds', 'npsField'];

/**
 * Form fields choosing what is synced: a checkbox per deal pipeline (at least one) and the deal
 * field with NPS answers. Used by the connect wizard and by "change pipelines".
 */
export function PipelineFields({
  pipelines,
}: {
  pipelines: readonly { id: number; name: string }[];
}) {
  const t = useMessages(integrationMessages);
  return (
    <>
      {pipelines.length > 0 ? (
        <Form.Item
          name="pipelineIds"
          label={t.pipelinesToSync}
          extra={t.pipelinesHint}
          rules={[{ type: 'array', min: 1, message: t.pipelinesRequired }]}
        >
          <Checkbox.Group data-testid="portal-pipelines">
            <Flex vertical gap={4}>
              {pipelines.map((p) => (
                <Checkbox key={p.id} value={p.id} data-testid="pipeline-option">
                  {p.name}
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      ) : (
        <Typography.Paragraph type="secondary">{t.noPipelines}</Typography.Paragraph>
      )}
      <Form.Item name="npsField" label={t.npsField} extra={t.npsFieldHint}>
        <Input autoComplete="off" placeholder={DEFAULT_NPS_FIELD} data-testid="portal-nps-field" />
      </Form.Item>
    </>
  );
}

/** The NPS field to send: blank means the server's default. */
export function npsFieldFor(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
