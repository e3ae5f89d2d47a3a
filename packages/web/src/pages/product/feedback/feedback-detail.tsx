import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { messageOf } from '../../../api/client';
import { FormAlert } from '../../../components/feedback';
import { Icons } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { useCan } from '../../../lib/permissions';
import { featureKeys } from '../features/features-api';
import { type Feedback, feedbackApi, feedbackKeys, importanceLabels } from './feedback-api';
import { highlightRuns, selectionOffsets } from './highlight-offsets';
import { TriagePanel } from './triage-panel';

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** One piece of feedback: its text with the linked passages marked, triage by selecting a passage, its links. */
export function FeedbackDetail({ productId, item }: { productId: string; item: Feedback }) {
  const client = useQueryClient();
  const toast = useToast();
  const bodyRef = useRef<HTMLParagraphElement>(null);
  const [passage, setPassage] = useState<{ start: number; end: number; text: string } | null>(null);
  const [triaging, setTriaging] = useState(false);
  const canEdit = useCan('edit');
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: feedbackKeys.all });
    await client.invalidateQueries({ queryKey: featureKeys.all });
  };
  const archive = useMutation({
    mutationFn: () => feedbackApi.update(item, { state: item.state === 'archived' ? 'triaged' : 'archived' }),
    onSuccess: async (updated) => {
      toast.success(updated.state === 'archived' ? 'Feedback archived' : 'Feedback restored');
      await refresh();
    },
  });
  const unlink = useMutation({
    mutationFn: (linkId: string) => feedbackApi.unlink(linkId),
    onSuccess: refresh,
  });
  const spans = item.links.flatMap((link) =>
    link.highlightStart !== null && link.highlightEnd !== null
      ? [{ start: link.highlightStart, end: link.highlightEnd }]
      : [],
  );
  const capture = () => {
    const element = bodyRef.current;
    if (!element) return;
    const found = selectionOffsets(element);
    if (found) {
      setPassage(found);
      setTriaging(true);
    }
  };
  return (
    <article className="card" aria-labelledby="feedback-title">
      <header className="card__header">
        <div className="stack-sm" style={{ flex: 1 }}>
          <h2 id="feedback-title">{item.title}</h2>
          <span className="muted">
            {item.customerName ?? 'No customer'} · {when(item.receivedAt)} · via {item.source}
            {item.email ? ` · ${item.email}` : ''}
          </span>
        </div>
        <span className={`badge ${item.state === 'new' ? 'badge--accent' : ''}`}>{item.state}</span>
      </header>
      <div className="card__body stack">
        <FormAlert message={archive.error ? messageOf(archive.error) : undefined} />
        {/* Selecting text here opens the triage panel with that passage. */}
        <p
          ref={bodyRef}
          className="feedback-body"
          data-testid="feedback-body"
          onMouseUp={canEdit ? capture : undefined}
          onKeyUp={capture}
        >
          {highlightRuns(item.body, spans).map((run, index) =>
            run.marked ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: runs are positional and rebuilt on every change
              <mark key={index}>{run.text}</mark>
            ) : (
              run.text
            ),
          )}
        </p>
        {!canEdit ? null : triaging ? (
          <TriagePanel
            productId={productId}
            item={item}
            passage={passage}
            onCancel={() => {
              setTriaging(false);
              setPassage(null);
            }}
            onLinked={async () => {
              toast.success('Linked to the feature');
              setTriaging(false);
              setPassage(null);
              window.getSelection()?.removeAllRanges();
              await refresh();
            }}
          />
        ) : (
          <div className="row">
            <button type="button" className="button" onClick={() => setTriaging(true)}>
              <Icons.plus width={14} height={14} /> Link to a feature
            </button>
            <span className="muted">or select a passage of the text.</span>
            <span className="spacer" />
            <button type="button" className="button button--ghost" onClick={() => archive.mutate()}>
              {item.state === 'archived' ? 'Restore' : 'Archive'}
            </button>
          </div>
        )}
        <section aria-labelledby="links-title" className="stack-sm">
          <h3 id="links-title">Linked features</h3>
          {item.links.length === 0 ? (
            <p className="muted">Not linked to any feature yet.</p>
          ) : (
            <ul className="link-list">
              {item.links.map((link) => (
                <li key={link.id} className="link-list__item">
                  <div className="stack-sm" style={{ flex: 1 }}>
                    <strong>{link.featureTitle}</strong>
                    {link.highlight && link.highlight !== item.body ? (
                      <blockquote className="feedback-quote">“{link.highlight}”</blockquote>
                    ) : null}
                  </div>
                  <span className={`badge importance--${link.importance}`}>
                    {importanceLabels[link.importance]}
                  </span>
                  <button
                    type="button"
                    className="icon-button"
                    hidden={!canEdit}
                    aria-label={`Unlink ${link.featureTitle}`}
                    onClick={() => unlink.mutate(link.id)}
                  >
                    <Icons.close width={14} height={14} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
