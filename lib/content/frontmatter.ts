import { z } from 'zod';

export const frontmatterSchema = z.object({
  title: z.string().min(3),
  section: z.number().int().min(0).max(99),
  summary: z.string().min(20).max(400),
  objectives: z.array(z.string().min(10)).min(3).max(6),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
