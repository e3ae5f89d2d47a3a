import { MarkdownView } from '../task-panel/markdown-view';

const item = /^\s*[-*+]\s+\[([ xX])\]\s+(.+)$/;

/**
 * Acceptance criteria as a checklist of ticked and open items; text that is not a `- [ ]` checklist is shown as
 * Markdown.
 */
export function CriteriaChecklist({ source }: { source: string }) {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  const items = lines.map((line) => item.exec(line));
  if (items.some((match) => match === null)) return <MarkdownView source={source} />;
  return (
    <ul className="criteria">
      {items.map((match, index) => {
        const done = match?.[1] !== ' ';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are lines of one text, in order
          <li key={index} className={done ? 'criteria__item criteria__item--done' : 'criteria__item'}>
            <input type="checkbox" checked={done} readOnly disabled aria-label={match?.[2] ?? ''} />
            <span>{match?.[2]}</span>
          </li>
        );
      })}
    </ul>
  );
}
