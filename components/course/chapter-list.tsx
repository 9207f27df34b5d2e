import Link from 'next/link';
import type { ChapterMeta } from '@/lib/content/chapters';

export function ChapterList({ chapters }: { chapters: ChapterMeta[] }) {
  if (chapters.length === 0) {
    return <p className="alert alert--info">The chapters are being written. Check back soon.</p>;
  }
  return (
    <ol className="chapter-list" aria-label="Chapters">
      {chapters.map((c) => (
        <li key={c.slug} className="card chapter-card">
          <span className="chapter-card__num" aria-hidden="true">
            {c.section}
          </span>
          <div>
            <h3>
              <Link href={`/chapters/${c.slug}`}>
                <span className="visually-hidden">Chapter {c.section}: </span>
                {c.title}
              </Link>
            </h3>
            <p>{c.summary}</p>
            <p className="muted">{c.readingMinutes} min read</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
