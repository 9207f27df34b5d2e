import type { ChapterMeta } from '@/lib/content/chapters';
import styles from './reader.module.css';

export function ChapterHeader({ chapter, quizCount }: { chapter: ChapterMeta; quizCount: number }) {
  return (
    <header className={styles.header}>
      <p className={styles.kicker}>Chapter {chapter.section}</p>
      <h1 id="chapter-title">{chapter.title}</h1>
      <p className={styles.summary}>{chapter.summary}</p>
      <p className={styles.meta}>
        <span>{chapter.readingMinutes} min read</span>
        <span aria-hidden="true"> · </span>
        <span>
          {quizCount} question{quizCount === 1 ? '' : 's'}
        </span>
        <span aria-hidden="true"> · </span>
        <a href={`/chapters/${chapter.slug}/markdown`} download className="no-print">
          Download as Markdown
        </a>
      </p>
      <section className={styles.objectives} aria-labelledby="objectives-heading">
        <h2 id="objectives-heading">After this chapter you will be able to</h2>
        <ul>
          {chapter.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>
    </header>
  );
}
