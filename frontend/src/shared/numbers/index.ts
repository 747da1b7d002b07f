export {
  compareDecimals,
  formatCount,
  formatDecimal,
  formatNps,
  formatPercent,
  isDecimalString,
  isNegativeDecimal,
  isZeroDecimal,
  parseDecimalInput,
  parseSignedDecimalInput,
  subtractDecimals,
} from './format-number';
