import type { Metadata } from 'next';
import { listChapters } from '@/lib/content/chapters';
import { ChapterList } from '@/components/course/chapter-list';

export const metadata: Metadata = { title: 'Chapters' };

export default function ChaptersPage() {
  return (
    <div className="page prose">
      <h1>Chapters</h1>
      <p className="lead">Seven chapters, following the sections of the AI Safety Atlas&rsquo;s chapter on goal misgeneralization.</p>
      <ChapterList chapters={listChapters()} />
    </div>
  );
}
