import {
  ApiOutlined,
  ArrowLeftOutlined,
  ArrowRightOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Descriptions, Flex, Form, Input, Result, Steps } from 'antd';
import { useState } from 'react';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { applyUserErrors, FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { connectPortalMutation } from '../api/connect-portal';
import { testPortalConnectionMutation } from '../api/test-portal-connection';
import { looksLikeUrl, pipelineIdsFor } from '../lib/sync-state';
import { integrationMessages } from '../messages';
import {
  DEFAULT_NPS_FIELD,
  npsFieldFor,
  PIPELINE_FIELDS,
  PipelineFields,
  type PipelineValues,
} from './pipeline-fields';
import { ProbeSummary, type PortalProbe } from './probe-summary';

interface WebhookValues {
  webhookUrl: string;
}

const WEBHOOK_FIELDS = ['webhookUrl'];

/**
 * Connects the portal by an incoming webhook in three steps: (1) paste the URL and test it, (2) see
 * what the portal answered and choose the pipelines, (3) start the first sync. Every step stays
 * mounted (hidden when not current), so going back keeps what was typed and a business error of
 * the last step can still be shown under the URL it concerns.
 */
export function WebhookWizard({ onConnected }: { onConnected: () => void }) {
  const t = useMessages(integrationMessages);
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [urlForm] = Form.useForm<WebhookValues>();
  const [pipelineForm] = Form.useForm<PipelineValues>();
  const [probe, setProbe] = useState<{ url: string; probe: PortalProbe }>();
  const [choice, setChoice] = useState<PipelineValues>();
  const [testErrors, setTestErrors] = useState<UserErrorLike[]>([]);
  const [connectErrors, setConnectErrors] = useState<UserErrorLike[]>([]);
  const [test, testing] = useMutation(testPortalConnectionMutation);
  const [connect, connecting] = useMutation(connectPortalMutation);

  const runTest = async ({ webhookUrl }: WebhookValues) => {
    setTestErrors([]);
    const url = webhookUrl.trim();
    const result = await test({ variables: { input: { webhookUrl: url } } }).catch(() => undefined);
    const payload = result?.data?.testPortalConnection;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0 || !payload.probe) {
      setTestErrors(applyUserErrors(urlForm, payload.errors, WEBHOOK_FIELDS));
      return;
    }
    setProbe({ url, probe: payload.probe });
    // A new test starts the choice afresh: every pipeline of this portal ticked.
    pipelineForm.setFieldsValue({
      pipelineIds: payload.probe.pipelines.map((p) => p.id),
      npsField: pipelineForm.getFieldValue('npsField') ?? DEFAULT_NPS_FIELD,
    });
    setStep(1);
  };

  const choose = (values: PipelineValues) => {
    setConnectErrors([]);
    setChoice(values);
    setStep(2);
  };

  const start = async () => {
    if (!probe || !choice) {
      return;
    }
    setConnectErrors([]);
    const result = await connect({
      variables: {
        input: {
          webhookUrl: probe.url,
          pipelineIds: pipelineIdsFor(probe.probe.pipelines, choice.pipelineIds ?? []),
          npsField: npsFieldFor(choice.npsField),
        },
      },
    }).catch(() => undefined);
    const payload = result?.data?.connectPortal;
    if (!payload) {
      return;
    }
    if (payload.errors.length > 0) {
      // An error about the URL goes under it (first step), one about the pipelines under them.
      const rest = applyUserErrors(urlForm, payload.errors, WEBHOOK_FIELDS);
      const general = applyUserErrors(pipelineForm, rest, PIPELINE_FIELDS);
      setConnectErrors(general);
      if (rest.length < payload.errors.length) {
        setStep(0);
      } else if (general.length < rest.length) {
        setStep(1);
      }
      return;
    }
    void message.success(interpolate(t.connected, { domain: probe.probe.domain }));
    onConnected();
  };

  const chosenNames = (): string => {
    if (!probe || !choice) {
      return '';
    }
    const ids = pipelineIdsFor(probe.probe.pipelines, choice.pipelineIds ?? []);
    return ids.length === 0
      ? t.allPipelines
      : probe.probe.pipelines
          .filter((p) => ids.includes(p.id))
          .map((p) => p.name)
          .join(', ');
  };

  return (
    <Flex vertical gap="large">
      <Steps
        current={step}
        size="small"
        items={[{ title: t.stepWebhook }, { title: t.stepProbe }, { title: t.stepSync }]}
      />

      <div hidden={step !== 0} data-testid="wizard-step-webhook">
        <Alert
          type="info"
          showIcon
          title={t.webhookHintTitle}
          description={t.webhookHint}
          style={{ marginBottom: 16 }}
        />
        <Form<WebhookValues>
          form={urlForm}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => void runTest(values)}
        >
          <Form.Item
            name="webhookUrl"
            label={t.webhookUrl}
            rules={[
              { required: true, whitespace: true, message: t.webhookUrlRequired },
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && !looksLikeUrl(value)) {
                    throw new Error(t.webhookUrlInvalid);
                  }
                },
              },
            ]}
          >
            <Input
              autoComplete="off"
              spellCheck={false}
              placeholder={t.webhookUrlPlaceholder}
              data-testid="portal-webhook-url"
            />
          </Form.Item>
          <FormErrors errors={testErrors} />
          {testing.error && (
            <div style={{ marginBottom: 16 }}>
              <ErrorDisplay error={testing.error} />
            </div>
          )}
          <Button
            type="primary"
            htmlType="submit"
            icon={<ApiOutlined />}
            loading={testing.loading}
            data-testid="portal-test"
          >
            {t.testConnection}
          </Button>
        </Form>
      </div>

      <div hidden={step !== 1} data-testid="wizard-step-probe">
        {probe && <ProbeSummary probe={probe.probe} />}
        <Form<PipelineValues>
          form={pipelineForm}
          layout="vertical"
          requiredMark={false}
          initialValues={{ pipelineIds: [], npsField: DEFAULT_NPS_FIELD }}
          onFinish={choose}
          style={{ marginTop: 16 }}
        >
          <PipelineFields pipelines={probe?.probe.pipelines ?? []} />
          <Flex gap="small">
            <Button icon={<ArrowLeftOutlined />} onClick={() => setStep(0)}>
              {t.back}
            </Button>
            <Button
              type="primary"
              htmlType="submit"
              icon={<ArrowRightOutlined />}
              iconPlacement="end"
              data-testid="portal-next"
            >
              {t.next}
            </Button>
          </Flex>
        </Form>
      </div>

      <div hidden={step !== 2} data-testid="wizard-step-sync">
        <Result
          status="info"
          icon={<SyncOutlined />}
          title={t.readyTitle}
          subTitle={t.readyText}
          style={{ paddingBlock: 8 }}
        />
        {probe && choice && (
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              { key: 'domain', label: t.portal, children: probe.probe.domain },
              {
                key: 'pipelines',
                label: t.selectedPipelines,
                children: <span data-testid="chosen-pipelines">{chosenNames()}</span>,
              },
              {
                key: 'nps',
                label: t.npsField,
                children: npsFieldFor(choice.npsField) ?? DEFAULT_NPS_FIELD,
              },
            ]}
          />
        )}
        <FormErrors errors={connectErrors} />
        {connecting.error && (
          <div style={{ marginBottom: 16 }}>
            <ErrorDisplay error={connecting.error} />
          </div>
        )}
        <Flex gap="small">
          <Button icon={<ArrowLeftOutlined />} onClick={() => setStep(1)}>
            {t.back}
          </Button>
          <Button
            type="primary"
            icon={<SyncOutlined />}
            loading={connecting.loading}
            onClick={() => void start()}
            data-testid="portal-connect"
          >
            {t.startSync}
          </Button>
        </Flex>
      </div>
    </Flex>
  );
}
