/** Client-side routes. The backend answers any unknown GET that accepts HTML with index.html. */
export const paths = {
  overview: '/',
  currencies: '/reference/currencies',
} as const;
