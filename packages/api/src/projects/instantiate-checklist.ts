import type { Prisma } from '@shipshape/db';

/**
 * Copies a template's stages and items into a project's own checklist: one
 * INSERT … SELECT per table, whatever the size of the checklist. Items keep a
 * reference to their template item; sub-items point at the copies of their
 * parents (the mapping CTE gives every template item its new id up front).
 */
export async function instantiateChecklist(
  tx: Prisma.TransactionClient,
  input: { workspaceId: string; projectId: string; templateId: string },
): Promise<{ stages: number; items: number }> {
  const stages = await tx.$executeRaw`
    INSERT INTO project_stages (id, "projectId", "templateStageId", key, title, position, description)
    SELECT gen_random_uuid(), ${input.projectId}::uuid, s.id, s.key, s.title, s.position, s.description
      FROM template_stages s
     WHERE s."templateId" = ${input.templateId}::uuid`;
  const items = await tx.$executeRaw`
    WITH mapping AS (
      SELECT id AS template_item_id, gen_random_uuid() AS new_id
        FROM template_items WHERE "templateId" = ${input.templateId}::uuid
    )
    INSERT INTO project_items (id, "workspaceId", "projectId", "stageId", "parentId", "templateItemId",
                               key, position, depth, title, "bodyMarkdown", links, "toolOptions", "updatedAt")
    SELECT m.new_id, ${input.workspaceId}::uuid, ${input.projectId}::uuid, ps.id, parent.new_id, ti.id,
           ti.key, ti.position, ti.depth, ti.title, ti."bodyMarkdown", ti.links, ti."toolOptions", now()
      FROM template_items ti
      JOIN mapping m ON m.template_item_id = ti.id
      JOIN project_stages ps ON ps."projectId" = ${input.projectId}::uuid AND ps."templateStageId" = ti."stageId"
      LEFT JOIN mapping parent ON parent.template_item_id = ti."parentId"`;
  return { stages, items };
}
