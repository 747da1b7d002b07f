import { defineMessages } from '@/shared/i18n';

export const overviewMessages = defineMessages(
  {
    title: 'Обзор',
    serverStatus: 'Состояние сервера',
    refresh: 'Обновить',
    name: 'Продукт',
    version: 'Версия',
    profile: 'Профиль',
    serverTime: 'Время сервера',
    databaseVersion: 'База данных',
    appliedMigrations: 'Применено миграций',
  },
  {
    title: 'Overview',
    serverStatus: 'Server status',
    refresh: 'Refresh',
    name: 'Product',
    version: 'Version',
    profile: 'Profile',
    serverTime: 'Server time',
    databaseVersion: 'Database',
    appliedMigrations: 'Applied migrations',
  },
);
