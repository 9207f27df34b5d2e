import Link from 'next/link';
import { listChapters } from '@/lib/content/chapters';
import { ChapterList } from '@/components/course/chapter-list';
import { TableScroll } from '@/components/ui/table-scroll';

export default function HomePage() {
  const chapters = listChapters();
  return (
    <div className="page">
      <section className="hero prose">
        <h1>Why would a capable AI learn the wrong goal from the right reward?</h1>
        <p className="lead">
          An agent is rewarded only for grabbing a coin, and in every training level the coin sits at the far right. It learns to run right.
          Move the coin, and the agent still runs right, jumping every obstacle with skill, straight past the thing it was rewarded for.
          That is <strong>goal misgeneralization</strong>, and this course teaches you to recognise it, explain why training produces it,
          and judge what might prevent it.
        </p>
        <p>
          <Link className="button" href={chapters[0] ? `/chapters/${chapters[0].slug}` : '/chapters'}>
            Start with the introduction
          </Link>{' '}
          <Link className="button button--ghost" href="/signup">
            Create a free account
          </Link>
        </p>
      </section>

      <div className="two-col">
        <section aria-labelledby="chapters-heading">
          <h2 id="chapters-heading">The chapters</h2>
          <ChapterList chapters={chapters} />
        </section>
        <aside aria-labelledby="how-heading">
          <h2 id="how-heading">How the course works</h2>
          <div className="card prose">
            <p>
              <strong>Read</strong> short chapters that start from real experiments and cite every claim to its paper.
            </p>
            <p>
              <strong>Try</strong> the ideas: train a small agent in your browser and watch it learn &ldquo;go right&rdquo; instead of
              &ldquo;get the coin&rdquo;.
            </p>
            <p>
              <strong>Practise</strong> telling three failures apart, with feedback on exactly which question you got wrong:
            </p>
            <TableScroll labelledBy="taxonomy-caption">
              <table className="taxonomy-mini">
                <caption id="taxonomy-caption" className="visually-hidden">
                  The three failure modes and how to tell them apart
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Failure</th>
                    <th scope="col">Training signal</th>
                    <th scope="col">Capability</th>
                    <th scope="col">Goal pursued</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">Specification gaming</th>
                    <td>Wrong</td>
                    <td>Adequate</td>
                    <td>What the signal literally rewarded</td>
                  </tr>
                  <tr>
                    <th scope="row">Goal misgeneralization</th>
                    <td>Right</td>
                    <td>Adequate</td>
                    <td>A different goal that matched in training</td>
                  </tr>
                  <tr>
                    <th scope="row">Capability failure</th>
                    <td>Right</td>
                    <td>Inadequate</td>
                    <td>The right one, executed badly</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
            <p>
              <strong>Remember</strong> it: every question you answer comes back for spaced review just before you would forget it.
            </p>
          </div>
        </aside>
      </div>
    </div>
  );
}
