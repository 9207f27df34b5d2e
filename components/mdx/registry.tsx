// The one registry of components an MDX chapter may use. lib/content/registry-names.ts lists the same names for
// the content checker; a unit test keeps the two identical.
import type { ComponentType } from 'react';
import type { MdxComponentName } from '@/lib/content/registry-names';
import { Cite } from './cite';
import { Term } from './term';
import { Callout, Figure, KeyTakeaways } from './blocks';
import { H2, H3, Table } from './headings';
import { Choice, Explain, Prompt, Quiz } from '@/components/quiz/quiz';
import { ClassifierDrill } from '@/components/drill/classifier-drill';
import { TaxonomyTable } from '@/components/widgets/taxonomy/taxonomy-table';
import { SimplicityBiasToy } from '@/components/widgets/simplicity/simplicity-bias-toy';
import { CoinRunGridworld } from '@/components/widgets/coinrun/coinrun-gridworld';
import { ToySweep } from '@/components/widgets/toy-sweep/toy-sweep';

export const mdxComponents: Record<MdxComponentName, ComponentType<never>> = {
  Cite,
  Term,
  Callout,
  KeyTakeaways,
  Figure,
  Quiz,
  Prompt,
  Choice,
  Explain,
  TaxonomyTable,
  SimplicityBiasToy,
  CoinRunGridworld,
  ToySweep,
  ClassifierDrill,
};

export const mdxElements: Record<string, ComponentType<never>> = { h2: H2, h3: H3, table: Table };
