import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { appendAudit } from '../audit/audit';
import { hashSecret, randomSecret } from '../auth/secrets';
import { deleteUserSessions } from '../auth/sessions';
import { type Database, transaction } from '../db/client';
import { newId } from '../db/ids';
import { passwordResets } from '../db/schema/password-resets';
import { users } from '../db/schema/users';
import { ApiError } from '../http/errors';
import type { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/messages';
import { findUserByEmail } from './account-service';
import { hashPassword } from './password';

/** How long a reset link works. */
const resetValidMinutes = 60;

/** Reset links mailed to one account per hour at most; further requests are answered 202 and dropped. */
const maxResetsPerHour = 5;

/**
 * Starts a password reset: when the email belongs to an account, stores a one-time token's hash and mails the link.
 * The caller always answers 202, so the reply never tells whether an account exists. Returns the mail's promise (wrapped,
 * so awaiting the reset does not await the mail) so a failure can be logged without making the client wait for SMTP.
 */
export async function requestPasswordReset(
  db: Database,
  mailer: Mailer,
  publicUrl: string,
  email: string,
): Promise<{ mail: Promise<void> } | undefined> {
  const user = await findUserByEmail(db, email);
  if (!user) return undefined;
  // A handful of links an hour is plenty for a person and keeps the route from flooding someone's inbox.
  const [recent] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(passwordResets)
    .where(
      and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)),
    );
  if ((recent?.count ?? 0) >= maxResetsPerHour) return undefined;
  const token = randomSecret();
  await transaction(db, async (tx) => {
    await tx.insert(passwordResets).values({
      id: newId('pwr'),
      userId: user.id,
      tokenHash: hashSecret(token),
      expiresAt: new Date(Date.now() + resetValidMinutes * 60_000),
    });
    await appendAudit(tx, {
      workspaceId: null,
      actorId: null,
      entityType: 'user',
      entityId: user.id,
      action: 'password_reset_request',
      before: null,
      after: null,
    });
  });
  const link = `${publicUrl.replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
  return { mail: mailer.send(passwordResetMail(user.email, link, resetValidMinutes)) };
}

/**
 * Sets a new password with a reset token. The token works once and only before it expires; using it also voids the
 * user's other reset links and ends all of their sessions.
 */
export async function confirmPasswordReset(
  db: Database,
  input: { token: string; newPassword: string },
): Promise<void> {
  const newHash = await hashPassword(input.newPassword);
  await transaction(db, async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.tokenHash, hashSecret(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, sql`now()`),
        ),
      )
      .for('update')
      .limit(1);
    if (!reset) {
      throw new ApiError(
        400,
        'VALIDATION_FAILED',
        'This reset link is not valid: it has expired or was used already; ask for a new one',
        'token',
      );
    }
    await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash: newHash, updatedAt: sql`now()` })
      .where(eq(users.id, reset.userId));
    const ended = await deleteUserSessions(tx, reset.userId, null);
    await appendAudit(tx, {
      workspaceId: null,
      actorId: reset.userId,
      entityType: 'user',
      entityId: reset.userId,
      action: 'password_reset',
      before: null,
      after: { sessionsEnded: ended },
    });
  });
}
