import Link from 'next/link';
import styles from './teach.module.css';

export type ClassView = 'overview' | 'items' | 'confusion' | 'workshop';

/** The heading and section links shared by every page of one class. */
export function ClassHeader({
  classId,
  title,
  current,
  heading,
}: {
  classId: string;
  title: string;
  current: ClassView | null;
  heading?: string;
}) {
  const links: { view: ClassView; href: string; text: string }[] = [
    { view: 'overview', href: `/teach/${classId}`, text: 'Roster and assignments' },
    { view: 'items', href: `/teach/${classId}/items`, text: 'Item statistics' },
    { view: 'confusion', href: `/teach/${classId}/confusion`, text: 'Drill confusion' },
    { view: 'workshop', href: `/teach/${classId}/workshop`, text: 'Workshop' },
  ];
  return (
    <header>
      <p className={styles.crumbs}>
        <Link href="/teach">← All my classes</Link>
        {heading && (
          <>
            {' · '}
            <Link href={`/teach/${classId}`}>{title}</Link>
          </>
        )}
      </p>
      <h1>{heading ?? title}</h1>
      <nav aria-label="Class">
        <ul className={styles.subnav}>
          {links.map((l) => (
            <li key={l.view}>
              <Link href={l.href} aria-current={l.view === current ? 'page' : undefined}>
                {l.text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
