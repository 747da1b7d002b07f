export { formatMoney, isDecimalString, InvalidMoneyError } from './format-money';
