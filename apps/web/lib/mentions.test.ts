import { formatMention, parseMentions } from '@shipshape/domain/notifications/mentions';
import { describe, expect, it } from 'vitest';
import { commentParts, insertMention, matchMembers, mentionQuery } from './mentions';

const ana = { id: '0b6f1c1e-3c1a-4a53-9d1c-5b2a2f0e7a11', name: 'Ana Lima' };
const bo = { id: '7d2e4f60-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: 'Bo [QA]' };

describe('[mentions] rendering a comment', () => {
  it('shows each mention as the person’s current name', () => {
    const body = `Hi ${formatMention(ana)}, see ${formatMention(bo)}.`;
    const names = new Map([[ana.id, 'Ana Souza']]);
    expect(commentParts(body, (id) => names.get(id))).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', userId: ana.id, name: 'Ana Souza' },
      { kind: 'text', text: ', see ' },
      { kind: 'mention', userId: bo.id, name: 'Bo  QA' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('finds the same mentions as the server', () => {
    const body = `${formatMention(ana)} and @[broken](not-an-id) and ${formatMention(bo)}`;
    const shown = commentParts(body).filter((part) => part.kind === 'mention');
    expect(shown.map((part) => part.userId)).toEqual(parseMentions(body).map((m) => m.userId));
  });

  it('leaves text without mentions whole', () => {
    expect(commentParts('mail me@example.com')).toEqual([
      { kind: 'text', text: 'mail me@example.com' },
    ]);
  });
});

describe('[mentions] typing one', () => {
  it('finds the @query before the caret', () => {
    expect(mentionQuery('Hi @an', 6)).toEqual({ start: 3, query: 'an' });
    expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQuery('mail me@ex', 10)).toBeNull();
    expect(mentionQuery('Hi @an there', 12)).toBeNull();
  });

  it('replaces the query by the token the server parses', () => {
    const typed = 'Hi @an and more';
    const result = insertMention(typed, 3, 6, ana);
    expect(result.text).toBe(`Hi ${formatMention(ana)} and more`);
    expect(result.text.slice(0, result.caret)).toBe(`Hi ${formatMention(ana)} `);
    expect(parseMentions(result.text)).toEqual([{ userId: ana.id, name: 'Ana Lima' }]);
  });

  it('offers members whose name or email starts with the query', () => {
    const members = [
      { name: 'Bo Chen', email: 'bo@x.io' },
      { name: 'Ana Lima', email: 'ana@x.io' },
      { name: 'Carla Bo', email: 'carla@x.io' },
      { name: 'Dan', email: 'bob@x.io' },
    ];
    expect(matchMembers(members, 'bo').map((m) => m.name)).toEqual(['Bo Chen', 'Carla Bo', 'Dan']);
    expect(matchMembers(members, '').map((m) => m.name)).toHaveLength(4);
  });
});
