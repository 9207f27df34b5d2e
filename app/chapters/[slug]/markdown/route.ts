import { listChapters } from '@/lib/content/chapters';
import { chapterToMarkdown } from '@/lib/content/markdown';

// One Markdown file per chapter, written at build time.
export const dynamic = 'force-static';
// Any other slug gets the site's 404 page (which links to /chapters) without running this handler: with on-demand
// params, every unknown slug's 404 would be rendered and then cached to disk for good.
export const dynamicParams = false;

export function generateStaticParams() {
  return listChapters().map((c) => ({ slug: c.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const markdown = chapterToMarkdown(slug);
  if (markdown === null) {
    // Only reachable if the chapter list changes under a running dev server.
    return new Response('No such chapter. See the list of chapters at /chapters\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  return new Response(markdown, {
    headers: {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': `attachment; filename="goalpost-${slug}.md"`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
