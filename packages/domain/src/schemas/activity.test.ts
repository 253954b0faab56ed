import { describe, expect, it } from 'vitest';
import { ZActivityCursor } from './activity';

describe('[activity] cursor', () => {
  it.each(['abc', '', '-1', '1.5', '99999999999999999999', '9223372036854775808'])(
    'refuses %j with "must be an activity id" (never throws)',
    (cursor) => {
      const result = ZActivityCursor.safeParse(cursor);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe('must be an activity id');
    },
  );

  it('accepts an id up to the largest bigint', () => {
    expect(ZActivityCursor.parse('9223372036854775807')).toBe('9223372036854775807');
    expect(ZActivityCursor.parse('1')).toBe('1');
  });
});
