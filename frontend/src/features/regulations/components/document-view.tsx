import { useQuery } from '@apollo/client/react';
import { Empty, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import type { DocumentLanguage } from '@/gql/graphql';
import { ErrorDisplay } from '@/shared/errors';
import { useMessages } from '@/shared/i18n';
import { regulationsDocumentQuery } from '../api/regulations-document';
import { regulationsMessages } from '../messages';
import {
  DocumentHtml,
  DocumentLanguageSwitch,
  PdfLink,
  useDefaultDocumentLanguage,
} from './document-html';

/**
 * One version (the draft too) in Russian or English: its title and basis, the PDF link and the
 * HTML view (`regulationsDocument`). A draft is generated anew by the server on every read.
 */
export function DocumentView({ documentId }: { documentId: string }) {
  const t = useMessages(regulationsMessages);
  const [language, setLanguage] = useState<DocumentLanguage>(useDefaultDocumentLanguage());
  const { data, loading, error, refetch } = useQuery(regulationsDocumentQuery, {
    variables: { id: documentId, language },
    fetchPolicy: 'cache-and-network',
  });
  const document = data?.regulationsDocument;
  return (
    <Flex vertical gap="middle" data-testid="document-view">
      <Flex gap="middle" align="center" wrap>
        <DocumentLanguageSwitch value={language} onChange={setLanguage} />
        {document && <PdfLink href={document.pdfHref} label={t.downloadPdf} />}
      </Flex>
      {error && <ErrorDisplay error={error} onRetry={() => void refetch().catch(() => {})} />}
      {loading && !data && <Skeleton active />}
      {data && !document && <Empty description={t.documentNotFound} />}
      {document && (
        <>
          {document.basis.length > 0 && (
            <Typography.Text type="secondary" data-testid="document-basis">
              {t.basis}: {document.basis.join('; ')}
            </Typography.Text>
          )}
          <DocumentHtml html={document.html} language={language} />
        </>
      )}
    </Flex>
  );
}
