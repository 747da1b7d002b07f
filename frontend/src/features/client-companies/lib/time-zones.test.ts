import { describe, expect, it } from 'vitest';
import { timeZoneMessages } from '../messages';
import { timeZoneLabel, utcOffset } from './time-zones';

const winter = new Date('2026-01-15T12:00:00Z');

describe('time zones', () => {
  it('gives the UTC offset of a zone', () => {
    expect(utcOffset('Europe/Moscow', winter)).toBe('UTC+3');
    expect(utcOffset('Asia/Vladivostok', winter)).toBe('UTC+10');
    expect(utcOffset('UTC', winter)).toBe('UTC');
  });

  it('knows no offset of an unknown zone', () => {
    expect(utcOffset('Mars/Olympus_Mons', winter)).toBeUndefined();
  });

  it('labels a zone with its name in the UI language', () => {
    expect(timeZoneLabel('Europe/Moscow', timeZoneMessages.ru, winter)).toBe('Москва (UTC+3)');
    expect(timeZoneLabel('Europe/Moscow', timeZoneMessages.en, winter)).toBe('Moscow (UTC+3)');
    expect(timeZoneLabel('Europe/Berlin', timeZoneMessages.ru, winter)).toBe(
      'Europe/Berlin (UTC+1)',
    );
  });

  it('offers only zones the runtime knows', () => {
    for (const zone of Object.keys(timeZoneMessages.ru)) {
      expect(utcOffset(zone, winter), zone).toMatch(/^UTC[+-]\d/);
    }
  });
});
