import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="page prose">
      <h1>We could not find that page</h1>
      <p className="lead">The link may be old, or the address mistyped. These will get you back on track:</p>
      <ul>
        <li>
          <Link href="/">The course home page</Link>, with every chapter
        </li>
        <li>
          <Link href="/chapters">The chapter list</Link>
        </li>
        <li>
          <Link href="/glossary">The glossary</Link>, if you were looking for a term
        </li>
      </ul>
    </div>
  );
}
