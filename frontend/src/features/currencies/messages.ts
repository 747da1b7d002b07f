import { defineMessages } from '@/shared/i18n';

export const currencyMessages = defineMessages(
  {
    title: 'Валюты',
    filterPlaceholder: 'Код или название',
    filterLabel: 'Поиск валюты',
    code: 'Код',
    numericCode: 'Цифровой код',
    minorUnits: 'Знаков после запятой',
    symbol: 'Символ',
    name: 'Название',
    sampleAmount: 'Пример суммы',
    empty: 'Ничего не найдено',
    invalidAmount: 'Некорректная сумма',
  },
  {
    title: 'Currencies',
    filterPlaceholder: 'Code or name',
    filterLabel: 'Find a currency',
    code: 'Code',
    numericCode: 'Numeric code',
    minorUnits: 'Minor units',
    symbol: 'Symbol',
    name: 'Name',
    sampleAmount: 'Sample amount',
    empty: 'Nothing found',
    invalidAmount: 'Invalid amount',
  },
);
