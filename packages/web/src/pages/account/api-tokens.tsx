import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { CopyButton } from '../../components/copy-button';
import { FormAlert, SkeletonRows } from '../../components/feedback';
import { TextField } from '../../components/field';
import { formFailure } from '../../components/form-error';
import { Icons } from '../../components/icons';
import { useToast } from '../../components/toast';
import { formatDate, relativeTime } from '../../lib/format';

/** API tokens for scripts and the CLI: create (the secret is shown once), list, revoke. */
export function ApiTokens() {
  const client = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState('');
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: api.tokens });
  const create = useMutation({
    mutationFn: () => api.createToken({ name: name.trim() }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: api.revokeToken,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.tokens });
      toast.success('Token revoked. Scripts using it stop working now.');
    },
    onError: (error) => toast.error(error.message),
  });
  const failure = formFailure(create.error, ['name']);
  const items = tokens.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="tokens-heading">
      <div className="card__header">
        <div>
          <h2 id="tokens-heading">API tokens</h2>
          <p>
            For scripts and the <code>tandem</code> CLI. Send as <code>Authorization: Bearer …</code>. A token
            acts as you.
          </p>
        </div>
      </div>
      <div className="card__body">
        {create.data ? (
          <div className="alert alert--success stack-sm" role="status">
            <strong>Copy your new token “{create.data.token.name}” now. It will not be shown again.</strong>
            <div className="secret" style={{ color: 'var(--text)' }}>
              <code data-testid="token-secret">{create.data.secret}</code>
              <CopyButton text={create.data.secret} />
            </div>
          </div>
        ) : null}
        <form
          className="row"
          style={{ alignItems: 'flex-end' }}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <div style={{ flex: 1 }}>
            <TextField
              label="Token name"
              placeholder="CI import script"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={failure.fields.name}
            />
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={create.isPending || !name.trim()}
          >
            <Icons.plus />
            Create token
          </button>
        </form>
        <FormAlert message={failure.form} />
      </div>
      {tokens.isPending ? (
        <SkeletonRows rows={2} />
      ) : tokens.isError ? (
        <div className="card__body">
          <FormAlert message={tokens.error.message} />
        </div>
      ) : items.length === 0 ? (
        <p className="muted" style={{ padding: '0 24px 24px' }}>
          No tokens yet.
        </p>
      ) : (
        <ul className="list" aria-label="API tokens" style={{ borderTop: '1px solid var(--border)' }}>
          {items.map((token) => (
            <li key={token.id} className="list__item">
              <span className="avatar" style={{ background: 'var(--bg-muted)', color: 'var(--text-muted)' }}>
                <Icons.key />
              </span>
              <div className="list__main">
                <span>{token.name}</span>
                <span>
                  Created {formatDate(token.createdAt)}
                  {token.lastUsedAt ? ` · last used ${relativeTime(token.lastUsedAt)}` : ' · never used'}
                </span>
              </div>
              <button
                type="button"
                className="button button--small"
                onClick={() => revoke.mutate(token.id)}
                aria-label={`Revoke token ${token.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
