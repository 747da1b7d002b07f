import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Flex, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentLanguage } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { interpolate, useMessages } from '@/shared/i18n';
import { FormErrors, type UserErrorLike } from '@/shared/user-errors';
import { acknowledgeRegulationsMutation } from '../api/acknowledge-regulations';
import { myRegulationsQuery } from '../api/my-regulations';
import { myRegulationsNoticeQuery } from '../api/my-regulations-notice';
import {
  DocumentHtml,
  DocumentLanguageSwitch,
  PdfLink,
  useDefaultDocumentLanguage,
} from '../components/document-html';
import { formatDayDots, formatMinute } from '../lib/dates';
import { refetchWhenAccepted } from '../lib/refetch';
import { regulationsMessages } from '../messages';

/**
 * «Положение о премировании» for the signed-in employee (`myRegulations`): the newest published
 * version in his scope (HTML view, PDF), «Ознакомлен» (`acknowledgeRegulations`) while pending,
 * then «Ознакомлен 27.11.2026 12:34»; the older versions he acknowledged.
 */
export function MyRegulationsPage({ timeZone }: { timeZone: string }) {
  const t = useMessages(regulationsMessages);
  const { message } = App.useApp();
  const [language, setLanguage] = useState<DocumentLanguage>(useDefaultDocumentLanguage());
  const { data, loading, error, refetch } = useQuery(myRegulationsQuery, {
    variables: { language },
    fetchPolicy: 'cache-and-network',
  });
  const [acknowledge, acknowledging] = useMutation(
    acknowledgeRegulationsMutation,
    refetchWhenAccepted(myRegulationsQuery, myRegulationsNoticeQuery),
  );
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  const [justNow, setJustNow] = useState<string | null>(null);
  const mine = data?.myRegulations;
  const document = mine?.document ?? null;
  const acknowledgedAt = mine?.acknowledgedAt ?? justNow;

  const onAcknowledge = async (id: string) => {
    const { data: answer } = await acknowledge({ variables: { input: { id } } });
    const payload = answer?.acknowledgeRegulations;
    setErrors(payload?.errors ?? []);
    if (payload?.acknowledgedAt) {
      setJustNow(payload.acknowledgedAt);
      message.success(
        interpolate(t.acknowledgedAt, { at: formatMinute(payload.acknowledgedAt, timeZone) }),
      );
    }
  };

  return (
    <Flex vertical gap="middle">
      <title>{t.myTitle}</title>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t.myTitle}
      </Typography.Title>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {mine && !document && <Empty description={t.myNone} data-testid="my-none" />}
      {document && (
        <>
          <Card data-testid="my-acknowledgement">
            <Flex justify="space-between" align="center" gap="middle" wrap>
              <Flex vertical>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="my-title">
                  {document.title}
                </Typography.Title>
                <Typography.Text type="secondary">
                  {interpolate(t.versionOption, { number: document.number })},{' '}
                  {interpolate(t.effectiveFrom, { date: formatDayDots(document.effectiveFrom) })}
                </Typography.Text>
              </Flex>
              {acknowledgedAt ? (
                <Alert
                  type="success"
                  showIcon
                  title={interpolate(t.acknowledgedAt, {
                    at: formatMinute(acknowledgedAt, timeZone),
                  })}
                  data-testid="my-acknowledged"
                />
              ) : (
                <Flex vertical gap={4} align="flex-end">
                  <Button
                    type="primary"
                    size="large"
                    icon={<CheckOutlined />}
                    loading={acknowledging.loading}
                    onClick={() => void onAcknowledge(document.id).catch(() => {})}
                    data-testid="acknowledge"
                  >
                    {t.acknowledge}
                  </Button>
                  <Typography.Text type="secondary" style={{ maxWidth: 360, textAlign: 'end' }}>
                    {t.acknowledgeHint}
                  </Typography.Text>
                </Flex>
              )}
            </Flex>
            <FormErrors errors={errors} />
            {acknowledging.error && <ErrorDisplay error={acknowledging.error} />}
          </Card>
          <Flex gap="middle" align="center" wrap>
            <DocumentLanguageSwitch value={language} onChange={setLanguage} />
            <PdfLink href={document.pdfHref} label={t.downloadPdf} />
          </Flex>
          <DocumentHtml html={document.html} language={language} />
        </>
      )}
      {mine && mine.history.length > 0 && (
        <Card title={t.history} size="small">
          <List
            dataSource={mine.history}
            data-testid="my-history"
            renderItem={(item) => (
              <List.Item key={item.document.id} data-testid="my-history-item">
                {interpolate(t.historyItem, {
                  number: item.document.number,
                  date: formatDayDots(item.document.effectiveFrom),
                  at: formatMinute(item.acknowledgedAt, timeZone),
                })}
              </List.Item>
            )}
          />
        </Card>
      )}
    </Flex>
  );
}
