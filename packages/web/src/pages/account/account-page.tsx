import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';
import { keys } from '../../api/query-keys';
import { FormAlert, Skeleton } from '../../components/feedback';
import { NewPasswordField, TextField } from '../../components/field';
import { FormCard } from '../../components/form-card';
import { formFailure } from '../../components/form-error';
import { useToast } from '../../components/toast';
import { useMe } from '../../lib/session';
import { useDocumentTitle } from '../../lib/use-document-title';
import { type ThemeChoice, useTheme } from '../../theme/theme';
import { ApiTokens } from './api-tokens';

/** The signed-in user's own settings: name, password, theme and API tokens. */
export function AccountPage() {
  useDocumentTitle('Account');
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <div className="page-header__text">
          <h1>Account</h1>
          <p>Your profile, password, appearance and API tokens.</p>
        </div>
      </header>
      <ProfileCard />
      <PasswordCard />
      <AppearanceCard />
      <ApiTokens />
    </div>
  );
}

function ProfileCard() {
  const me = useMe();
  const client = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState('');
  useEffect(() => {
    if (me.data) setName(me.data.user.name);
  }, [me.data]);
  const save = useMutation({
    mutationFn: (version: number) => api.updateMe({ name: name.trim(), version }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.me });
      toast.success('Profile saved');
    },
  });
  const failure = formFailure(save.error, ['name']);
  return (
    <FormCard
      title="Profile"
      onSubmit={() => {
        if (me.data) save.mutate(me.data.user.version);
      }}
      footer={
        <button
          type="submit"
          className="button button--primary"
          disabled={save.isPending || name.trim() === me.data?.user.name}
        >
          Save profile
        </button>
      }
    >
      <FormAlert message={failure.form} />
      {me.data ? (
        <>
          <TextField
            label="Name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={failure.fields.name}
          />
          <TextField
            label="Email"
            value={me.data.user.email}
            readOnly
            disabled
            hint="Your sign-in address."
          />
        </>
      ) : (
        <Skeleton height={34} />
      )}
    </FormCard>
  );
}

function PasswordCard() {
  const toast = useToast();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation({
    mutationFn: () => api.changePassword({ currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      toast.success('Password changed. Your other sessions were signed out.');
    },
  });
  const failure = formFailure(change.error, ['currentPassword', 'newPassword']);
  return (
    <FormCard
      title="Password"
      description="Changing it signs out every other session."
      onSubmit={() => change.mutate()}
      footer={
        <button
          type="submit"
          className="button button--primary"
          disabled={change.isPending || !currentPassword || !newPassword}
        >
          Change password
        </button>
      }
    >
      <FormAlert message={failure.form} />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        error={failure.fields.currentPassword}
      />
      <NewPasswordField
        label="New password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        error={failure.fields.newPassword}
      />
    </FormCard>
  );
}

const themeChoices: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'Match system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

function AppearanceCard() {
  const { choice, setChoice } = useTheme();
  return (
    <section className="card" aria-labelledby="appearance-heading">
      <div className="card__header">
        <div>
          <h2 id="appearance-heading">Appearance</h2>
          <p>Saved in this browser.</p>
        </div>
      </div>
      <div className="card__body">
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="visually-hidden">Theme</legend>
          {themeChoices.map((option) => (
            <button
              key={option.value}
              type="button"
              aria-pressed={choice === option.value}
              className={`button${choice === option.value ? ' button--primary' : ''}`}
              onClick={() => setChoice(option.value)}
            >
              {option.label}
            </button>
          ))}
        </fieldset>
      </div>
    </section>
  );
}
