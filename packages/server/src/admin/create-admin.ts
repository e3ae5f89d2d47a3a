import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { findUserByEmail } from '../accounts/account-service';
import { hashPassword } from '../accounts/password';
import { emailSchema, newPasswordSchema, personNameSchema } from '../accounts/schemas';
import { appendAudit } from '../audit/audit';
import { type Database, transaction } from '../db/client';
import { newId } from '../db/ids';
import { users } from '../db/schema/users';

/** What `createAdmin` needs; without a password one is generated and returned. */
export interface CreateAdminInput {
  email: string;
  name: string;
  password?: string | undefined;
}

/** An account created from the command line. */
export interface CreatedAdmin {
  id: string;
  email: string;
  name: string;
  /** Set when the password was generated, so it can be shown once. */
  generatedPassword: string | undefined;
}

/** A refusal with the field it concerns, for the command line to print. */
export class CreateAdminError extends Error {
  override name = 'CreateAdminError';
  constructor(
    message: string,
    readonly field: 'email' | 'name' | 'password',
  ) {
    super(message);
  }
}

const inputSchema = z.object({
  email: emailSchema,
  name: personNameSchema,
  password: newPasswordSchema,
});

/**
 * Creates an instance owner account from the command line (the operator's way in, or back in): validated like a sign-up,
 * refused when the email is taken, audited.
 * @example const admin = await createAdmin(db, { email: 'me@example.com', name: 'Me' }); // admin.generatedPassword
 */
export async function createAdmin(db: Database, input: CreateAdminInput): Promise<CreatedAdmin> {
  const generatedPassword = input.password === undefined ? randomBytes(15).toString('base64url') : undefined;
  const parsed = inputSchema.safeParse({ ...input, password: input.password ?? generatedPassword });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path[0] ?? 'email') as CreateAdminError['field'];
    throw new CreateAdminError(`Invalid ${field}: ${issue?.message ?? 'rejected'}`, field);
  }
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  return transaction(db, async (tx) => {
    if (await findUserByEmail(tx, email))
      throw new CreateAdminError(`An account with the email ${email} already exists`, 'email');
    const id = newId('usr');
    await tx.insert(users).values({ id, email, name, passwordHash, instanceOwner: true });
    await appendAudit(tx, {
      workspaceId: null,
      actorId: null,
      entityType: 'user',
      entityId: id,
      action: 'create',
      before: null,
      after: { id, email, name, instanceOwner: true, via: 'create-admin' },
    });
    return { id, email, name, generatedPassword };
  });
}
