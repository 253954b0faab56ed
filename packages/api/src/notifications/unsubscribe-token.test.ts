import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const user = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

describe('[notifications] unsubscribe tokens', () => {
  it('verifies what it signed, for all email or one kind', () => {
    expect(verifyUnsubscribeToken('s', signUnsubscribeToken('s', user, 'all'))).toEqual({
      userId: user,
      scope: 'all',
    });
    expect(verifyUnsubscribeToken('s', signUnsubscribeToken('s', user, 'MENTIONED'))?.scope).toBe(
      'MENTIONED',
    );
  });

  it('refuses another secret, a changed payload and junk', () => {
    const token = signUnsubscribeToken('s', user, 'all');
    expect(verifyUnsubscribeToken('other', token)).toBeNull();
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(`${user}.all`.replace('5b', '5c')).toString('base64url')}.${mac}`;
    expect(verifyUnsubscribeToken('s', forged)).toBeNull();
    // With no secret, even a token signed with none is refused.
    expect(verifyUnsubscribeToken('', signUnsubscribeToken('', user, 'all'))).toBeNull();
    for (const junk of ['', 'a.b', 'a.b.c', '..', `${token}.x`]) {
      expect(verifyUnsubscribeToken('s', junk)).toBeNull();
    }
  });
});
