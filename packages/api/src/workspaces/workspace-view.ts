/** A workspace's own fields, as every workspace procedure returns them (with the caller's role). */
export const workspaceFields = {
  id: true,
  name: true,
  slug: true,
  description: true,
  version: true,
} as const;
