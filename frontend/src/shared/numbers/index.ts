export {
  compareDecimals,
  formatCount,
  formatDecimal,
  formatNps,
  formatPercent,
  isDecimalString,
  parseDecimalInput,
} from './format-number';
