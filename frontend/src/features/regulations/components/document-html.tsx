import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, theme } from 'antd';
import type { DocumentLanguage } from '@/gql/graphql';
import { useI18n, type Language } from '@/shared/i18n';

/** The document's language at first: the interface's. */
export const documentLanguageOf = (language: Language): DocumentLanguage =>
  language === 'en' ? 'EN' : 'RU';

/** «RU / EN»: which language of the document to show (its own switch, apart from the interface's). */
export function DocumentLanguageSwitch({
  value,
  onChange,
  testId = 'document-language',
}: {
  value: DocumentLanguage;
  onChange: (value: DocumentLanguage) => void;
  testId?: string;
}) {
  return (
    <Segmented<DocumentLanguage>
      value={value}
      onChange={onChange}
      options={[
        { value: 'RU', label: <span data-testid={`${testId}-ru`}>RU</span> },
        { value: 'EN', label: <span data-testid={`${testId}-en`}>EN</span> },
      ]}
      data-testid={testId}
    />
  );
}

/** Starts from the interface's language. */
export function useDefaultDocumentLanguage(): DocumentLanguage {
  return documentLanguageOf(useI18n().language);
}

/** «Скачать PDF»: the server renders the PDF from the same HTML; a GET with the session cookie. */
export function PdfLink({ href, label }: { href: string; label: string }) {
  return (
    <Button href={href} icon={<FilePdfOutlined />} target="_blank" data-testid="download-pdf">
      {label}
    </Button>
  );
}

/**
 * The document as the server renders it (its own model; the tenant's Markdown escaped there): the
 * same markup the PDF is made from, shown as it is inside a bordered sheet.
 */
export function DocumentHtml({ html, language }: { html: string; language: DocumentLanguage }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical>
      <div
        className="regulations-html"
        lang={language === 'EN' ? 'en' : 'ru'}
        data-testid="regulations-html"
        style={{
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
          padding: token.paddingLG,
          maxWidth: 880,
          lineHeight: 1.6,
          overflowWrap: 'anywhere',
        }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </Flex>
  );
}
