import 'server-only';
import { createElement, type ReactElement } from 'react';
import { getMDXComponent } from 'mdx-bundler/client';
import { mdxComponents, mdxElements } from './registry';

const cache = new Map<string, ReturnType<typeof getMDXComponent>>();

/** Renders compiled chapter code with the one component registry. The component is built once per compiled hash. */
export function renderMdx(code: string, hash: string): ReactElement {
  let Component = cache.get(hash);
  if (!Component) {
    Component = getMDXComponent(code);
    cache.set(hash, Component);
  }
  return createElement(Component, { components: { ...mdxElements, ...mdxComponents } as never });
}
