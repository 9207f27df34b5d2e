import { Children, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import { getQuiz } from '@/lib/content/course';
import { QuizClient, type QuizChoiceView } from './quiz-client';

// Marker components: the authored children of <Quiz>. The Quiz shell reads them; they never render on their own.
export function Prompt({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
export function Choice({ children }: { children: ReactNode; correct?: boolean }) {
  return <>{children}</>;
}
export function Explain({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

type Props = { children?: ReactNode };

/** Elements of the given types among the children, looking through the paragraphs and fragments MDX adds. */
function collect(children: ReactNode, types: unknown[]): ReactElement<Props>[] {
  const out: ReactElement<Props>[] = [];
  for (const child of Children.toArray(children)) {
    if (!isValidElement<Props>(child)) continue;
    if (types.includes(child.type)) out.push(child);
    else if (child.type === Fragment || child.type === 'p' || typeof child.type === 'string')
      out.push(...collect(child.props.children, types));
  }
  return out;
}

/**
 * A choice as the browser gets it: its text only. Which choice is right and why each is right or wrong stay on the
 * server until the learner has answered (the answer action returns them), so the page cannot be read for the key.
 */
function splitChoice(el: ReactElement<Props>): QuizChoiceView {
  const parts = Children.toArray(el.props.children);
  return { content: <>{parts.filter((p) => !(isValidElement(p) && p.type === Explain))}</> };
}

export function Quiz({ id, kind, children }: { id: string; kind: 'single' | 'multiple' | 'classify'; children: ReactNode }) {
  const info = getQuiz(id);
  const prompt = collect(children, [Prompt])[0];
  const choices = collect(children, [Choice]).map((c) => splitChoice(c));
  return (
    <QuizClient
      id={id}
      kind={kind}
      chapter={info?.chapter ?? null}
      prompt={prompt ? <>{prompt.props.children}</> : null}
      choices={choices}
    />
  );
}
