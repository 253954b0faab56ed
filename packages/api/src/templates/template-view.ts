import { ZTemplateSummary } from '@shipshape/domain';
import { z } from 'zod';

export const ZLink = z.object({ label: z.string(), url: z.string() });

export type TemplateItemNode = {
  id: string;
  key: string;
  title: string;
  body: string | null;
  links: Array<z.infer<typeof ZLink>>;
  options: string[];
  children: TemplateItemNode[];
};

export const ZTemplateItemNode: z.ZodType<TemplateItemNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    body: z.string().nullable(),
    links: z.array(ZLink),
    options: z.array(z.string()),
    children: z.array(ZTemplateItemNode),
  }),
);

/** A template with its stages and their item trees. */
export const ZTemplateDetail = ZTemplateSummary.extend({
  stages: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      items: z.array(ZTemplateItemNode),
    }),
  ),
});
