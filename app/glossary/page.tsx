import type { Metadata } from 'next';
import Link from 'next/link';
import { getCourse } from '@/lib/content/course';

export const metadata: Metadata = { title: 'Glossary' };

export default function GlossaryPage() {
  const course = getCourse();
  const titles = new Map(course.chapters.map((c) => [c.slug, c.title]));
  const entries = [...course.glossary.values()].sort((a, b) => a.term.localeCompare(b.term));
  const letters = [...new Set(entries.map((e) => e.term[0]!.toUpperCase()))];
  return (
    <div className="page prose">
      <h1>Glossary</h1>
      <p className="lead">
        {entries.length} terms used in the course, each with the chapter that teaches it. Terms in the chapters show these definitions when
        you hover or focus them.
      </p>
      <nav aria-label="Jump to letter" className="letter-nav">
        {letters.map((l) => (
          <a key={l} href={`#letter-${l}`}>
            {l}
          </a>
        ))}
      </nav>
      {letters.map((l) => (
        <section key={l} aria-labelledby={`letter-${l}`}>
          <h2 id={`letter-${l}`}>{l}</h2>
          <dl className="glossary">
            {entries
              .filter((e) => e.term[0]!.toUpperCase() === l)
              .map((e) => (
                <div key={e.id} id={e.id} className="glossary__entry">
                  <dt>{e.term}</dt>
                  <dd>
                    <p>{e.definition}</p>
                    {e.aliases?.length ? <p className="muted">Also: {e.aliases.join(', ')}</p> : null}
                    <p>
                      <Link href={`/chapters/${e.chapter}`}>Taught in: {titles.get(e.chapter) ?? e.chapter}</Link>
                    </p>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
