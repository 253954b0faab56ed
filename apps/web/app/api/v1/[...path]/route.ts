// Forwards the REST API (/api/v1/*) to the API exactly as /trpc/* is, so
// scripts and CI jobs can use the public origin with an API token.
import { GET as forward } from '../../../trpc/[...path]/route';

export const dynamic = 'force-dynamic';

export { forward as GET, forward as POST, forward as PATCH, forward as DELETE };
