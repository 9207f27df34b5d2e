// Brings in the hProperties field on mdast nodes' data (used to give headings their ids).
import type {} from 'mdast-util-to-hast';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import type { Root, RootContent, Heading } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement, MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';

export type JsxNode = MdxJsxFlowElement | MdxJsxTextElement;

export function isJsx(node: unknown): node is JsxNode {
  const t = (node as { type?: string }).type;
  return t === 'mdxJsxFlowElement' || t === 'mdxJsxTextElement';
}

/** String value of a JSX attribute; `true` for a bare attribute (`<Choice correct>`); undefined when absent. */
export function attr(node: JsxNode, name: string): string | true | undefined {
  const a = node.attributes.find((x): x is MdxJsxAttribute => x.type === 'mdxJsxAttribute' && x.name === name);
  if (!a) return undefined;
  if (a.value === null || a.value === undefined) return true;
  if (typeof a.value === 'string') return a.value;
  return a.value.value; // an expression: its source text
}

function setAttr(node: JsxNode, name: string, value: string | number): void {
  node.attributes = node.attributes.filter((a) => !(a.type === 'mdxJsxAttribute' && a.name === name));
  node.attributes.push(
    typeof value === 'string'
      ? { type: 'mdxJsxAttribute', name, value }
      : {
          type: 'mdxJsxAttribute',
          name,
          value: {
            type: 'mdxJsxAttributeValueExpression',
            value: String(value),
            data: {
              estree: {
                type: 'Program',
                sourceType: 'module',
                body: [{ type: 'ExpressionStatement', expression: { type: 'Literal', value, raw: String(value) } }],
              },
            },
          },
        },
  );
}

export interface HeadingInfo {
  depth: number;
  text: string;
  slug: string;
  line: number;
}

/**
 * Gives every heading its GitHub-style id (the same rule the checker and the table of contents use) and returns
 * them in order. Shared by the compile step and the analysis so anchors can never disagree.
 */
export function slugHeadings(tree: Root): HeadingInfo[] {
  const slugger = new GithubSlugger();
  const out: HeadingInfo[] = [];
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node).trim();
    const slug = slugger.slug(text);
    node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: slug } };
    out.push({ depth: node.depth, text, slug, line: node.position?.start.line ?? 0 });
  });
  return out;
}

/** Citation numbers by first appearance; sets `n` on each <Cite>. */
export function numberCitations(tree: Root): string[] {
  const order: string[] = [];
  visit(tree, (node) => {
    if (!isJsx(node) || node.name !== 'Cite') return;
    const id = attr(node, 'id');
    if (typeof id !== 'string') return;
    if (!order.includes(id)) order.push(id);
    setAttr(node, 'n', order.indexOf(id) + 1);
  });
  return order;
}

export function childrenOf(node: RootContent | Root): RootContent[] {
  return 'children' in node ? (node.children as RootContent[]) : [];
}

/** Figure numbers in order; sets `n` on each <Figure>. */
export function numberFigures(tree: Root): number {
  let n = 0;
  visit(tree, (node) => {
    if (isJsx(node) && node.name === 'Figure') setAttr(node, 'n', ++n);
  });
  return n;
}
