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
    else if (child.type === Fragment || child.type === 'p' || typeof child.type === 'string') out.push(...collect(child.props.children, types));
  }
  return out;
}

function splitChoice(el: ReactElement<Props & { correct?: boolean | string }>): QuizChoiceView {
  const parts = Children.toArray(el.props.children);
  const explain = parts.find((p) => isValidElement(p) && p.type === Explain) as ReactElement<Props> | undefined;
  const content = parts.filter((p) => p !== explain);
  return {
    content: <>{content}</>,
    explain: explain ? <>{explain.props.children}</> : null,
    correct: el.props.correct === true || el.props.correct === 'true',
  };
}

export function Quiz({ id, kind, children }: { id: string; kind: 'single' | 'multiple' | 'classify'; children: ReactNode }) {
  const info = getQuiz(id);
  const prompt = collect(children, [Prompt])[0];
  const choices = collect(children, [Choice]).map((c) => splitChoice(c as ReactElement<Props & { correct?: boolean }>));
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
