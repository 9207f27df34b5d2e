import { buildSearchIndex } from '@/lib/content/search-index';

// Built once at `next build` from content/; the search dialog fetches it the first time it opens.
export const dynamic = 'force-static';

export function GET() {
  return Response.json(buildSearchIndex());
}
