import { Fragment, type ReactNode } from 'react';
import { parseMarkdown, type Block, type Inline } from './markdown';

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return <Fragment key={i}>{node.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

function renderBlock(block: Block, i: number): ReactNode {
  switch (block.kind) {
    case 'paragraph':
      return <p key={i}>{renderInline(block.children)}</p>;
    case 'heading':
      return <p key={i} className={`md-h${Math.min(block.level, 3)}`}>{renderInline(block.children)}</p>;
    case 'quote':
      return <blockquote key={i}>{renderInline(block.children)}</blockquote>;
    case 'code':
      return (
        <pre key={i} data-lang={block.lang || undefined}>
          <code>{block.text}</code>
        </pre>
      );
    case 'list': {
      const Tag = block.ordered ? 'ol' : 'ul';
      return <Tag key={i}>{block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>)}</Tag>;
    }
  }
}

/** Renders model output as Markdown built from React elements only: no HTML from the model is ever parsed. */
export function Markdown({ source }: { source: string }) {
  return <div className="markdown">{parseMarkdown(source).map(renderBlock)}</div>;
}
