import { defineMessages } from '@/shared/i18n';

export const appMessages = defineMessages(
  {
    productName: 'Премия',
    overview: 'Обзор',
    reference: 'Справочники',
    currencies: 'Валюты',
    language: 'Язык интерфейса',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'Такой страницы нет. Проверьте адрес или вернитесь на главную.',
    backHome: 'На главную',
  },
  {
    productName: 'Premia',
    overview: 'Overview',
    reference: 'Reference',
    currencies: 'Currencies',
    language: 'Interface language',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no such page. Check the address or go back to the start.',
    backHome: 'Go to start',
  },
);
