/**
 * The Russian taxpayer number (ИНН) check the server makes on company details: 10 digits for an
 * organisation with one check digit, 12 for an entrepreneur with two. Each check digit is the
 * weighted sum of the digits before it, modulo 11, modulo 10.
 */
const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * digits[i]!, 0);
  return (sum % 11) % 10;
}

/** True for a 10- or 12-digit INN whose check digits are right. */
export function isValidInn(inn: string): boolean {
  if (!/^(\d{10}|\d{12})$/u.test(inn)) {
    return false;
  }
  const digits = [...inn].map(Number);
  if (digits.length === 10) {
    return checkDigit(digits, WEIGHTS_10) === digits[9];
  }
  return (
    checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11]
  );
}
