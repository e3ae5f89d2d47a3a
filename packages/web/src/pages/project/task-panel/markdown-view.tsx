import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from './markdown';

function inline(nodes: readonly Inline[], prefix: string): ReactNode[] {
  return nodes.map((node, i) => {
    const key = `${prefix}.${i}`;
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={key}>{node.text}</code>;
      case 'strong':
        return <strong key={key}>{inline(node.children, key)}</strong>;
      case 'em':
        return <em key={key}>{inline(node.children, key)}</em>;
      case 'link':
        return (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {inline(node.children, key)}
          </a>
        );
      default:
        return null;
    }
  });
}

function block(node: Block, key: string): ReactNode {
  switch (node.type) {
    case 'paragraph':
      return <p key={key}>{inline(node.children, key)}</p>;
    case 'heading':
      return node.level === 1 ? (
        <h3 key={key}>{inline(node.children, key)}</h3>
      ) : (
        <h4 key={key}>{inline(node.children, key)}</h4>
      );
    case 'list': {
      // biome-ignore lint/suspicious/noArrayIndexKey: parsed text has no identity but its place.
      const items = node.items.map((item, i) => <li key={`${key}.${i}`}>{inline(item, `${key}.${i}`)}</li>);
      return node.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{node.text}</code>
        </pre>
      );
    case 'quote':
      return <blockquote key={key}>{inline(node.children, key)}</blockquote>;
    default:
      return null;
  }
}

/** Markdown shown as React elements: no HTML string is ever inserted, so the text cannot inject markup. */
export function MarkdownView({ source }: { source: string }) {
  return <div className="markdown">{parseMarkdown(source).map((node, i) => block(node, String(i)))}</div>;
}
