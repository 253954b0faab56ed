import type { Db } from '@shipshape/db';
import type { TRole } from '@shipshape/domain';
import type { Context, MemberContext } from './context';
import { securityLog, type SecurityEvent, type SecurityFields } from './security-log';

/** A signed-in caller: what a service outside any workspace needs of them. */
export interface User {
  id: string;
  email: string;
  name: string;
}

/** A member acting inside one workspace, after the role check. */
export interface Actor extends User {
  workspaceId: string;
  role: TRole;
  /** The workspace's data version: changes with every committed write (a cache key). */
  dataVersion: number;
  /** For reads inside the project the procedure's locator points into: changes
   * with every committed write to that project or to the workspace's shared
   * data (members, the workspace), not with other projects' writes. Null when
   * the locator is not inside a project. */
  projectVersion: string | null;
}

/** What a workspace service is given: the database and who acts (the fields it reads). */
export interface ActorArgs<TFields extends keyof Actor = 'id' | 'workspaceId'> {
  db: Db;
  actor: Pick<Actor, TFields>;
}

/** `ActorArgs` and what the caller asked: `addCustomItem({ db, actor, input })`. */
export interface ServiceArgs<
  TInput,
  TFields extends keyof Actor = 'id' | 'workspaceId',
> extends ActorArgs<TFields> {
  input: TInput;
}

/** Writes one security event, with the request's id and client bound in. */
export type Audit = (event: SecurityEvent, fields: SecurityFields) => void;

/** What a workspace procedure hands its service: the database and who acts. */
export function member(ctx: MemberContext): { db: Db; actor: Actor } {
  return {
    db: ctx.db,
    actor: {
      id: ctx.user.id,
      email: ctx.user.email,
      name: ctx.user.name,
      workspaceId: ctx.workspaceId,
      role: ctx.role,
      dataVersion: ctx.dataVersion,
      projectVersion: ctx.projectVersion,
    },
  };
}

export function auditOf(ctx: Pick<Context, 'log' | 'requestId' | 'client'>): Audit {
  return (event, fields) => securityLog(ctx, event, fields);
}
