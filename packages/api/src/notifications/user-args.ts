import type { Db } from '@shipshape/db';
import type { User } from '../actor';

/** What a signed-in caller's own-account service is given (no workspace). */
export interface UserArgs {
  db: Db;
  user: Pick<User, 'id'>;
}
