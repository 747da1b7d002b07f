/**
 * A component's key is its stable name inside a scheme ([a-z][a-z0-9_]*): the diff, the preview's
 * lines and the payout runs refer to components by it. For a new component it is made from the
 * name (Russian transliterated), and stays editable.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export const KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

/** The most characters a generated key takes from the name. */
const MAX_LENGTH = 40;

/** "Премия с объёма" → "premiya_s_obema"; unique among `taken` ("…_2", "…_3"). */
export function keyFromName(name: string, taken: readonly string[] = []): string {
  const latin = [...name.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('');
  let base = latin
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/_+$/, '');
  if (base === '') {
    base = 'component';
  } else if (!/^[a-z]/.test(base)) {
    base = `c_${base}`;
  }
  let key = base;
  for (let n = 2; taken.includes(key); n++) {
    key = `${base}_${n}`;
  }
  return key;
}
