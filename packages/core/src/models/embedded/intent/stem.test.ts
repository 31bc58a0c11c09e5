import { describe, expect, it } from 'vitest';
import { stem } from './stem.js';

describe('stem', () => {
  it.each([
    ['orders', 'order'],
    ['ordered', 'order'],
    ['ordering', 'order'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['shipment', 'ship'],
    ['tracking', 'track'],
    ['cancelled', 'cancel'],
    ['canceled', 'cancel'],
    ['cancelling', 'cancel'],
    ['cancellation', 'cancel'],
    ['cancellations', 'cancel'],
    ['booking', 'book'],
    ['appointments', 'appoint'],
    ['payment', 'pay'],
  ])('brings %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['watches', 'watch'],
    ['deliveries', 'delivery'],
    ['replied', 'reply'],
    ['weekly', 'week'],
    ['quickly', 'quick'],
    ['location', 'locat'],
    ['reservation', 'reserv'],
  ])('handles the other suffix rules: %s -> %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it.each([
    ['change', 'changed', 'changing', 'changes'],
    ['date', 'dated', 'dating', 'dates'],
    ['locate', 'located', 'location', 'locations'],
    ['complete', 'completed', 'completely', 'completion'],
    ['schedule', 'scheduled', 'scheduling', 'schedules'],
    ['install', 'installed', 'installing', 'installs'],
    ['call', 'called', 'calling', 'calls'],
  ])('gives %s, %s, %s and %s one stem', (...forms) => {
    expect(new Set(forms.map(stem)).size).toBe(1);
  });

  it.each([
    'status',
    'address',
    'this',
    'need',
    'speed',
    'string',
    'bring',
    'early',
    'family',
    'reply',
    'supply',
    'add',
  ])('leaves %s alone where a rule would damage it', (word) => {
    expect(stem(word)).toBe(word);
  });

  it('only touches plain ASCII words longer than 3 letters', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('café')).toBe('café');
    expect(stem('mp3s')).toBe('mp3s');
    expect(stem('заказы')).toBe('заказы');
  });

  it('is idempotent on the stems of the table words', () => {
    for (const word of ['orders', 'shipping', 'tracking', 'cancelled', 'appointments', 'payment']) {
      expect(stem(stem(word))).toBe(stem(word));
    }
  });
});
