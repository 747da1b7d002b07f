import type { MockedResponse } from '@apollo/client/testing';
import type { DocumentLanguage } from '@/gql/graphql';
import { myRegulationsQuery } from '../api/my-regulations';
import { myRegulationsNoticeQuery } from '../api/my-regulations-notice';
import { regulationsQuery } from '../api/regulations';
import { regulationsDocumentQuery } from '../api/regulations-document';

/**
 * Test data in the shape of regulations.graphqls, for Alfa: version 1 published on 01.11.2026 and
 * acknowledged by one of its three employees (Ivan pending, Olga pending, Pyotr acknowledged), a
 * draft of version 2 effective 01.01.2027, one own section.
 */
export const details = {
  __typename: 'RegulationsDetails' as const,
  companyName: 'ООО «Альфа Продажи»',
  inn: '7707083893',
  orderNumber: '15-П',
  orderDate: '2026-10-20',
  city: 'г. Москва',
  approverTitle: 'Генеральный директор',
  approverName: 'И. И. Иванов',
};

export const ownSection = {
  __typename: 'RegulationsSection' as const,
  id: 's-1',
  position: 1,
  titleRu: 'Порядок выплаты',
  titleEn: 'Payment' as string | null,
  bodyRu: 'Премия выплачивается **вместе с зарплатой**.',
  bodyEn: null as string | null,
  updatedAt: '2026-11-01T10:00:00Z',
};

export const secondSection = {
  ...ownSection,
  id: 's-2',
  position: 2,
  titleRu: 'Споры',
  titleEn: null as string | null,
  bodyRu: 'Споры решает комиссия.',
};

const payEmployee = (id: string, name: string, department: string | null) => ({
  __typename: 'PayEmployee' as const,
  id,
  name,
  department,
});

export const acknowledgements = (acknowledgedByIvan: string | null = null) => ({
  __typename: 'Acknowledgements' as const,
  total: 3,
  acknowledged: acknowledgedByIvan ? 2 : 1,
  employees: [
    {
      __typename: 'EmployeeAcknowledgement' as const,
      employee: payEmployee('e-pyotr', 'Пётр Сидоров', 'Отдел продаж'),
      acknowledgedAt: '2026-11-02T09:15:00Z',
      acknowledgedBy: 'manager2@alfa.demo',
    },
    {
      __typename: 'EmployeeAcknowledgement' as const,
      employee: payEmployee('e-ivan', 'Иван Петров', 'Отдел продаж'),
      acknowledgedAt: acknowledgedByIvan,
      acknowledgedBy: acknowledgedByIvan ? 'manager1@alfa.demo' : null,
    },
    {
      __typename: 'EmployeeAcknowledgement' as const,
      employee: payEmployee('e-olga', 'Ольга Смирнова', null),
      acknowledgedAt: null,
      acknowledgedBy: null,
    },
  ],
});

export const draftDoc = {
  __typename: 'RegulationsDocument' as const,
  id: 'd-2',
  number: 2,
  status: 'DRAFT' as const,
  effectiveFrom: '2027-01-01',
  createdAt: '2026-11-20T10:00:00Z',
};

export const versionOne = {
  __typename: 'RegulationsDocument' as const,
  id: 'd-1',
  number: 1,
  status: 'PUBLISHED' as const,
  effectiveFrom: '2026-11-01',
  publishedAt: '2026-10-25T12:00:00Z',
  publishedBy: 'admin@alfa.demo',
};

export interface RegulationsFixture {
  draft?: boolean;
  current?: boolean;
  outdated?: boolean;
  canEdit?: boolean;
  sections?: (typeof ownSection)[];
  acknowledgedByIvan?: string | null;
}

export function regulationsData({
  draft = true,
  current = true,
  outdated = false,
  canEdit = true,
  sections = [ownSection],
  acknowledgedByIvan = null,
}: RegulationsFixture = {}) {
  return {
    regulations: {
      __typename: 'Regulations' as const,
      details,
      sections,
      draft: draft ? draftDoc : null,
      versions: current ? [versionOne] : [],
      current: current
        ? { ...versionOne, acknowledgements: acknowledgements(acknowledgedByIvan) }
        : null,
      outdated,
      outdatedBy: outdated
        ? [
            'Менеджер по работе с клиентами: версия 3 с 01.12.2026',
            'Руководитель отдела: версия 2 с 01.12.2026',
          ]
        : [],
      canEdit,
    },
  };
}

export const regulationsMock = (fixture: RegulationsFixture = {}): MockedResponse => ({
  request: { query: regulationsQuery },
  result: { data: regulationsData(fixture) },
});

export const documentMock = (
  id: string,
  language: DocumentLanguage = 'RU',
  number = id === 'd-2' ? 2 : 1,
): MockedResponse => ({
  request: { query: regulationsDocumentQuery, variables: { id, language } },
  result: {
    data: {
      regulationsDocument: {
        __typename: 'RegulationsDocument',
        id,
        number,
        status: id === 'd-2' ? 'DRAFT' : 'PUBLISHED',
        effectiveFrom: id === 'd-2' ? '2027-01-01' : '2026-11-01',
        title:
          language === 'RU'
            ? `Положение о премировании, редакция № ${number}`
            : `Bonus regulations, version No. ${number}`,
        basis: [
          language === 'RU' ? 'Менеджер по продажам — версия 2' : 'Sales manager — version 2',
        ],
        html:
          language === 'RU'
            ? `<h1>Положение о премировании</h1><h2>1. Общие положения</h2><p>1.1. Редакция ${number}.</p><h2>5. Порядок выплаты</h2><p>Премия &lt;script&gt;</p>`
            : `<h1>Bonus regulations</h1><h2>1. General</h2><p>1.1. Version ${number}.</p>`,
        pdfHref: `/api/regulations/${id}/pdf?lang=${language.toLowerCase()}`,
        sections: [
          {
            __typename: 'DocumentSection',
            key: 'general',
            number: 1,
            title: language === 'RU' ? 'Общие положения' : 'General',
          },
        ],
      },
    },
  },
});

export interface MyFixture {
  acknowledgedAt?: string | null;
  document?: boolean;
  history?: boolean;
  language?: DocumentLanguage;
}

export function myRegulationsData({
  acknowledgedAt = null,
  document = true,
  history = true,
  language = 'RU',
}: MyFixture = {}) {
  return {
    myRegulations: {
      __typename: 'MyRegulations' as const,
      document: document
        ? {
            __typename: 'RegulationsDocument' as const,
            id: 'd-3',
            number: 3,
            status: 'PUBLISHED' as const,
            effectiveFrom: '2026-12-01',
            title:
              language === 'RU'
                ? 'Положение о премировании, редакция № 3'
                : 'Bonus regulations, version No. 3',
            html:
              language === 'RU'
                ? '<h2>1. Общие положения</h2><p>1.1. Настоящее положение…</p><h2>2. Показатели</h2>'
                : '<h2>1. General</h2><p>1.1. These regulations…</p>',
            pdfHref: `/api/regulations/d-3/pdf?lang=${language.toLowerCase()}`,
            sections: [
              {
                __typename: 'DocumentSection' as const,
                key: 'general',
                number: 1,
                title: 'Общие положения',
              },
            ],
          }
        : null,
      acknowledgedAt,
      pending: document && acknowledgedAt === null,
      history: history
        ? [
            {
              __typename: 'MyAcknowledgement' as const,
              document: {
                __typename: 'RegulationsDocument' as const,
                id: 'd-1',
                number: 1,
                effectiveFrom: '2026-11-01',
              },
              acknowledgedAt: '2026-11-02T09:15:00Z',
            },
          ]
        : [],
    },
  };
}

export const myRegulationsMock = (fixture: MyFixture = {}): MockedResponse => ({
  request: { query: myRegulationsQuery, variables: { language: fixture.language ?? 'RU' } },
  result: { data: myRegulationsData(fixture) },
});

export const noticeMock = (pending: boolean, number = 3): MockedResponse => ({
  request: { query: myRegulationsNoticeQuery },
  result: {
    data: {
      myRegulations: {
        __typename: 'MyRegulations',
        pending,
        document: { __typename: 'RegulationsDocument', id: `d-${number}`, number },
      },
    },
  },
});
