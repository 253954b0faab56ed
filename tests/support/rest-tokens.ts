// API tokens made straight in the database for tests that need many of them
// (matrix cells, sample calls): the plaintext is kept so requests can carry it.
import type { Db } from '@shipshape/db';
import { createHash, randomBytes } from 'node:crypto';

export async function insertApiToken(
  db: Db,
  owner: { userId: string; workspaceId: string },
  scopes: Array<'read' | 'write'> = ['read', 'write'],
): Promise<string> {
  const token = `shp_${randomBytes(32).toString('base64url')}`;
  await db.apiToken.create({
    data: {
      ...owner,
      name: 'Test token',
      scopes,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      lastFour: token.slice(-4),
    },
  });
  return token;
}
