import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { ApiError, messageOf } from '../../../api/client';
import { ConflictAlert, FormAlert, SkeletonRows } from '../../../components/feedback';
import { TextAreaField } from '../../../components/field';
import { useToast } from '../../../components/toast';
import { MarkdownView } from '../../project/task-panel/markdown-view';
import type { ProductViewProps } from '../product-views';
import { ItemListEditor } from './item-list-editor';
import { type Competitor, type Persona, type Strategy, strategyApi, strategyKey } from './strategy-api';
import './strategy.css';
import { useCan } from '../../../lib/permissions';

/** The Strategy tab: read the vision and strategy, or edit them with the personas, competitors and research. */
export function StrategyView({ productId }: ProductViewProps) {
  const query = useQuery({ queryKey: strategyKey(productId), queryFn: () => strategyApi.get(productId) });
  const [editing, setEditing] = useState(false);
  const canEdit = useCan('edit');
  if (query.isLoading) return <SkeletonRows rows={6} />;
  if (!query.data) return <FormAlert message={query.error ? messageOf(query.error) : 'Not found'} />;
  return editing && canEdit ? (
    <StrategyForm key={query.data.version} strategy={query.data} onDone={() => setEditing(false)} />
  ) : (
    <StrategyRead strategy={query.data} onEdit={canEdit ? () => setEditing(true) : undefined} />
  );
}

/** A titled card of the strategy page; `dense` stacks its items closer. */
function StrategyCard({ title, dense, children }: { title: string; dense?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <header className="card__header">
        <h2 id={id}>{title}</h2>
      </header>
      <div className={`card__body${dense ? ' stack-sm' : ''}`}>{children}</div>
    </section>
  );
}

function StrategyRead({ strategy, onEdit }: { strategy: Strategy; onEdit: (() => void) | undefined }) {
  const empty = (text: string, what: string) =>
    text.trim() ? <MarkdownView source={text} /> : <p className="muted">No {what} yet.</p>;
  return (
    <div className="stack">
      {onEdit ? (
        <div className="row">
          <span className="spacer" />
          <button type="button" className="button button--primary" onClick={onEdit}>
            Edit strategy
          </button>
        </div>
      ) : null}
      <div className="strategy-grid">
        <div className="stack">
          <StrategyCard title="Vision">
            {strategy.vision.trim() ? (
              <p className="vision-quote">{strategy.vision}</p>
            ) : (
              <p className="muted">No vision yet.</p>
            )}
          </StrategyCard>
          <StrategyCard title="Strategy">{empty(strategy.strategy, 'strategy narrative')}</StrategyCard>
          <StrategyCard title="Market research">
            {empty(strategy.researchNotes, 'research notes')}
          </StrategyCard>
        </div>
        <div className="stack">
          <StrategyCard title="Target market">{empty(strategy.targetMarket, 'target market')}</StrategyCard>
          <StrategyCard title="Personas" dense>
            {strategy.personas.length === 0 ? <p className="muted">No personas yet.</p> : null}
            {strategy.personas.map((persona) => (
              <dl key={persona.name} className="strategy-item">
                <dd>
                  <strong>{persona.name}</strong>
                </dd>
                {persona.description ? <dd className="muted">{persona.description}</dd> : null}
                {persona.needs ? (
                  <>
                    <dt>Needs</dt>
                    <dd>{persona.needs}</dd>
                  </>
                ) : null}
              </dl>
            ))}
          </StrategyCard>
          <StrategyCard title="Competitors" dense>
            {strategy.competitors.length === 0 ? <p className="muted">No competitors yet.</p> : null}
            {strategy.competitors.map((competitor) => (
              <dl key={competitor.name} className="strategy-item">
                <dd>
                  <strong>
                    {competitor.url ? (
                      <a href={competitor.url} target="_blank" rel="noopener noreferrer nofollow">
                        {competitor.name}
                      </a>
                    ) : (
                      competitor.name
                    )}
                  </strong>
                </dd>
                {competitor.strengths ? (
                  <>
                    <dt>Strengths</dt>
                    <dd>{competitor.strengths}</dd>
                  </>
                ) : null}
                {competitor.weaknesses ? (
                  <>
                    <dt>Weaknesses</dt>
                    <dd>{competitor.weaknesses}</dd>
                  </>
                ) : null}
              </dl>
            ))}
          </StrategyCard>
        </div>
      </div>
    </div>
  );
}

const personaFields = [
  { key: 'name', label: 'Name' },
  { key: 'description', label: 'Description', long: true },
  { key: 'needs', label: 'Needs', long: true },
] as const;
const competitorFields = [
  { key: 'name', label: 'Name' },
  { key: 'url', label: 'URL' },
  { key: 'strengths', label: 'Strengths', long: true },
  { key: 'weaknesses', label: 'Weaknesses', long: true },
] as const;

function StrategyForm({ strategy, onDone }: { strategy: Strategy; onDone: () => void }) {
  const client = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState(strategy);
  const save = useMutation({
    mutationFn: () =>
      strategyApi.update(strategy, {
        vision: draft.vision,
        strategy: draft.strategy,
        targetMarket: draft.targetMarket,
        researchNotes: draft.researchNotes,
        personas: draft.personas.filter((p) => p.name.trim() !== ''),
        competitors: draft.competitors.filter((c) => c.name.trim() !== ''),
      }),
    onSuccess: async (saved) => {
      client.setQueryData(strategyKey(strategy.productId), saved);
      toast.success('Strategy saved');
      onDone();
    },
  });
  const text = (key: 'vision' | 'strategy' | 'targetMarket' | 'researchNotes') => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
    error: save.error instanceof ApiError && save.error.field === key ? messageOf(save.error) : undefined,
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <form
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      {conflict ? (
        <ConflictAlert
          onReload={() => client.invalidateQueries({ queryKey: strategyKey(strategy.productId) })}
        >
          Someone changed this product since you opened it.
        </ConflictAlert>
      ) : (
        <FormAlert message={save.error ? messageOf(save.error) : undefined} />
      )}
      <section className="card">
        <div className="card__body stack">
          <TextAreaField label="Vision" rows={2} {...text('vision')} />
          <TextAreaField label="Strategy narrative (Markdown)" rows={8} {...text('strategy')} />
          <TextAreaField label="Target market (Markdown)" rows={3} {...text('targetMarket')} />
          <TextAreaField label="Market research notes (Markdown)" rows={5} {...text('researchNotes')} />
        </div>
      </section>
      <StrategyCard title="Personas">
        <ItemListEditor<Persona>
          label="Persona"
          items={draft.personas}
          fields={personaFields}
          blank={{ name: '', description: '', needs: '' }}
          onChange={(personas) => setDraft({ ...draft, personas })}
        />
      </StrategyCard>
      <StrategyCard title="Competitors">
        <ItemListEditor<Competitor>
          label="Competitor"
          items={draft.competitors}
          fields={competitorFields}
          blank={{ name: '', strengths: '', weaknesses: '', url: '' }}
          onChange={(competitors) => setDraft({ ...draft, competitors })}
        />
      </StrategyCard>
      <div className="row">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Save strategy
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
