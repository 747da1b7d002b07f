import { defineMessages } from '@/shared/i18n';

export const appMessages = defineMessages(
  {
    productName: 'Премия',
    overview: 'Обзор',
    console: 'Консоль консультанта',
    integration: 'Битрикс24',
    kpis: 'Показатели',
    kpiPlans: 'Планы',
    myKpis: 'Мои показатели',
    reference: 'Справочники',
    currencies: 'Валюты',
    settings: 'Настройки',
    users: 'Пользователи',
    language: 'Язык интерфейса',
    loading: 'Загрузка…',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'Такой страницы нет. Проверьте адрес или вернитесь на главную.',
    noAccessTitle: 'Нет доступа',
    noAccessText:
      'У вас нет прав на этот раздел. Если они нужны для работы, обратитесь к администратору.',
    chooseTenantTitle: 'Выберите клиента',
    chooseTenantText:
      'Этот раздел показывает данные одной клиентской компании. Выберите её в списке вверху страницы.',
    backHome: 'На главную',
  },
  {
    productName: 'Premia',
    overview: 'Overview',
    console: 'Consultancy console',
    integration: 'Bitrix24',
    kpis: 'KPIs',
    kpiPlans: 'Plans',
    myKpis: 'My KPIs',
    reference: 'Reference',
    currencies: 'Currencies',
    settings: 'Settings',
    users: 'Users',
    language: 'Interface language',
    loading: 'Loading…',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no such page. Check the address or go back to the start.',
    noAccessTitle: 'No access',
    noAccessText:
      'You do not have permission for this section. If you need it for your work, ask your administrator.',
    chooseTenantTitle: 'Choose a client',
    chooseTenantText:
      'This section shows the data of one client company. Choose it in the list at the top of the page.',
    backHome: 'Go to start',
  },
);
