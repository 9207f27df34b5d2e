import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getCourse } from '@/lib/content/course';
import { getChapter } from '@/lib/content/chapters';
import { compileChapter } from '@/lib/content/compile';
import { renderMdx } from '@/components/mdx/render';
import { ChapterHeader } from '@/components/reader/chapter-header';
import { ChapterSidebar } from '@/components/reader/chapter-sidebar';
import { TableOfContents } from '@/components/reader/toc';
import { Bibliography } from '@/components/reader/bibliography';
import { PrevNext } from '@/components/reader/prev-next';
import { ChapterTools } from '@/components/reader/chapter-tools';
import styles from '@/components/reader/reader.module.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return getCourse().chapters.map((c) => ({ slug: c.slug }));
}

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const c = getCourse().chapters.find((x) => x.slug === slug);
  return c ? { title: c.title, description: c.summary } : {};
}

export default async function ChapterPage({ params }: Params) {
  const { slug } = await params;
  const chapter = getChapter(slug);
  if (!chapter) notFound();
  const course = getCourse();
  const analysis = course.analyses.get(slug)!;
  const { code, hash } = await compileChapter(chapter);
  const index = course.chapters.findIndex((c) => c.slug === slug);
  const toc = analysis.headings.filter((h) => h.depth === 2 || h.depth === 3).map((h) => ({ slug: h.slug, text: h.text, depth: h.depth }));

  return (
    <div className={styles.reader}>
      <ChapterSidebar
        chapters={course.chapters.map((c) => ({
          slug: c.slug,
          title: c.title,
          section: c.section,
          quizCount: course.analyses.get(c.slug)?.quizzes.length ?? 0,
        }))}
        current={slug}
        toc={toc}
      />
      <article className={styles.article} aria-labelledby="chapter-title">
        <ChapterHeader chapter={chapter} quizCount={analysis.quizzes.length} />
        <div className={styles.prose}>{renderMdx(code, hash)}</div>
        <Bibliography ids={analysis.citationOrder} />
        <ChapterTools slug={slug} sectionIds={toc.map((h) => h.slug)} />
        <PrevNext prev={course.chapters[index - 1]} next={course.chapters[index + 1]} />
      </article>
      <TableOfContents headings={toc} />
    </div>
  );
}
