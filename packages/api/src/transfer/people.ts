import type { Prisma } from '@shipshape/db';
import type { TTransferPerson } from '@shipshape/domain';

/**
 * Finds the people a document names among the members of the workspace it is
 * imported into, by email; remembers whom it could not find, for the report.
 */
export class PeopleMatcher {
  private readonly unmatched = new Set<string>();

  private constructor(
    private readonly byEmail: ReadonlyMap<string, string>,
    private readonly importer: { id: string; attributeOthers: boolean },
  ) {}

  /**
   * `attributeOthers`: whether what others wrote or did (comments, lessons,
   * evidence, measurements, completions) may be attributed to them; only an
   * admin's import may, or a member could put words in a colleague's mouth.
   * Otherwise only the importer's own work keeps its author.
   */
  static async forWorkspace(
    tx: Prisma.TransactionClient,
    workspaceId: string,
    importer: { id: string; attributeOthers: boolean },
  ) {
    const members = await tx.membership.findMany({
      where: { workspaceId },
      select: { user: { select: { id: true, email: true } } },
    });
    return new PeopleMatcher(new Map(members.map(({ user }) => [user.email, user.id])), importer);
  }

  /** Who wrote or did something: `idOf`, limited as `attributeOthers` says. */
  authorOf(person: TTransferPerson | null): string | null {
    const id = this.idOf(person);
    return id && (this.importer.attributeOthers || id === this.importer.id) ? id : null;
  }

  /** The member's user id (an assignee, say), or null (and noted) when there is no such member. */
  idOf(person: TTransferPerson | null): string | null {
    if (!person) return null;
    const id = person.email ? this.byEmail.get(person.email) : undefined;
    if (id) return id;
    this.unmatched.add(person.email ?? person.name);
    return null;
  }

  get unmatchedPeople(): string[] {
    return [...this.unmatched].sort();
  }
}
