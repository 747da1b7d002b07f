import { describe, expect, it } from 'vitest';
import { KEY_PATTERN, keyFromName } from './component-key';

describe('keyFromName', () => {
  it.each([
    ['Премия с объёма', 'premiya_s_obema'],
    ['Бонус за нового клиента', 'bonus_za_novogo_klienta'],
    ['Volume bonus', 'volume_bonus'],
    ['  NPS > 70!  ', 'nps_70'],
    ['Щедрый Ёжик', 'shchedryy_ezhik'],
    ['5 % сверх плана', 'c_5_sverkh_plana'],
    ['', 'component'],
    ['!!!', 'component'],
  ])('%j → %j', (name, key) => {
    expect(keyFromName(name)).toBe(key);
    expect(KEY_PATTERN.test(keyFromName(name))).toBe(true);
  });

  it('is unique among the scheme’s other keys', () => {
    expect(keyFromName('Премия', ['premiya'])).toBe('premiya_2');
    expect(keyFromName('Премия', ['premiya', 'premiya_2'])).toBe('premiya_3');
  });

  it('stays short', () => {
    expect(keyFromName('очень '.repeat(20)).length).toBeLessThanOrEqual(40);
    expect(keyFromName('очень '.repeat(20)).endsWith('_')).toBe(false);
  });
});
