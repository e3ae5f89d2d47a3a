import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('markdown', () => {
  it('reads headings, paragraphs, lists and code blocks', () => {
    const blocks = parseMarkdown('# Goal\nShip the\ncheckout.\n\n- one\n- two\n1. first\n```\nx < y\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'code']);
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      children: [{ type: 'text', text: 'Ship the checkout.' }],
    });
    expect(blocks[2]?.type === 'list' && blocks[2].items.length).toBe(2);
    expect(blocks[4]).toEqual({ type: 'code', text: 'x < y' });
  });

  it('reads emphasis, inline code and links', () => {
    expect(parseInline('a **bold** and *it* with `code` [site](https://example.com)')).toEqual([
      { type: 'text', text: 'a ' },
      { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'it' }] },
      { type: 'text', text: ' with ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'https://example.com', children: [{ type: 'text', text: 'site' }] },
    ]);
  });

  it('keeps raw HTML as text and drops links that could run script', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
    expect(parseInline('[click](javascript:alert(1))')[0]).toEqual({
      type: 'text',
      text: '[click](javascript:alert(1)',
    });
    expect(safeHref('JAVASCRIPT:alert(1)')).toBeUndefined();
    expect(safeHref('mailto:ada@example.com')).toBe('mailto:ada@example.com');
  });
});
