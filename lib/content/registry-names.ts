// Every tag an MDX chapter may use. components/mdx/registry.tsx must provide exactly these (a test checks), and
// `npm run content:check` fails on any other capitalised tag.
export const MDX_COMPONENT_NAMES = [
  'Cite',
  'Term',
  'Callout',
  'KeyTakeaways',
  'Figure',
  'Quiz',
  'Prompt',
  'Choice',
  'Explain',
  'TaxonomyTable',
  'SimplicityBiasToy',
  'CoinRunGridworld',
  'ToySweep',
  'ClassifierDrill',
] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

export const CALLOUT_KINDS = ['example', 'takeaway', 'question', 'note', 'warning'] as const;
export const QUIZ_KINDS = ['single', 'multiple', 'classify'] as const;
export const CLASSIFY_CHOICES = ['Specification gaming', 'Goal misgeneralization', 'Capability failure'] as const;
export const FAILURE_MODES = ['specification-gaming', 'goal-misgeneralization', 'capability-failure'] as const;
