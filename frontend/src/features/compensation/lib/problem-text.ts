import type { ProblemCode } from './definition-form';
import type { CompensationTexts } from '../messages';

/** What the client's own checks say, in the UI language. */
export function problemText(code: ProblemCode, t: CompensationTexts): string {
  switch (code) {
    case 'REQUIRED':
      return t.required;
    case 'NUMBER':
      return t.notNumber;
    case 'WHOLE':
      return t.notWhole;
    case 'KEY':
      return t.badKey;
    case 'DUPLICATE_KEY':
      return t.duplicateKey;
  }
}
