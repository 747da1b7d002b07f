export { compactMoney, formatMoney, isDecimalString, InvalidMoneyError } from './format-money';
export { deltaText, moneyText, type DeltaSign } from './money-text';
export { Money, MoneyDelta } from './money';
