import { describe, expect, it } from 'vitest';
import { bellBadge, bellLabel } from './bell-label';

describe('[notifications] bell', () => {
  it('names the unread count', () => {
    expect(bellLabel(2)).toBe('Notifications, 2 unread');
    expect(bellLabel(0)).toBe('Notifications, 0 unread');
    expect(bellLabel(undefined)).toBe('Notifications');
  });

  it('shows no number at 0 and caps it at 99+', () => {
    expect(bellBadge(0)).toBeNull();
    expect(bellBadge(7)).toBe('7');
    expect(bellBadge(120)).toBe('99+');
  });
});
