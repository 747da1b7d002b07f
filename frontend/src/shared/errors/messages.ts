import { defineMessages } from '../i18n';

export const errorMessages = defineMessages(
  {
    BAD_REQUEST: 'Сервер не понял запрос',
    VALIDATION_FAILED: 'Запрос не соответствует схеме API',
    BAD_USER_INPUT: 'Проверьте введённые данные',
    UNAUTHENTICATED: 'Войдите в систему',
    FORBIDDEN: 'Недостаточно прав',
    NOT_FOUND: 'Не найдено',
    CONFLICT: 'Данные уже изменились, обновите страницу',
    UNAVAILABLE: 'База данных временно недоступна. Попробуйте через минуту.',
    INTERNAL: 'Что-то пошло не так на сервере. Мы уже разбираемся.',
    NETWORK: 'Сервер недоступен. Проверьте подключение и попробуйте ещё раз.',
    errorCode: 'Код ошибки: {code}',
    correlationId: 'Код обращения: {id}',
    retry: 'Повторить',
  },
  {
    BAD_REQUEST: 'The server did not understand the request',
    VALIDATION_FAILED: 'The request does not match the API schema',
    BAD_USER_INPUT: 'Please check what you entered',
    UNAUTHENTICATED: 'Please sign in',
    FORBIDDEN: 'You do not have permission',
    NOT_FOUND: 'Not found',
    CONFLICT: 'The data has changed meanwhile; reload the page',
    UNAVAILABLE: 'The database is temporarily unavailable. Please try again in a minute.',
    INTERNAL: 'Something went wrong on the server. We are looking into it.',
    NETWORK: 'The server is unreachable. Check your connection and try again.',
    errorCode: 'Error code: {code}',
    correlationId: 'Reference: {id}',
    retry: 'Retry',
  },
);
