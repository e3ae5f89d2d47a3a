import type { MailMessage } from './mailer';

/** The mail with a one-time link to choose a new password. */
export function passwordResetMail(to: string, link: string, validMinutes: number): MailMessage {
  return {
    to,
    subject: 'Reset your Tandem password',
    text:
      `Someone asked to reset the password of the Tandem account ${to}.\n\n` +
      `Choose a new password here (the link works once, for ${validMinutes} minutes):\n${link}\n\n` +
      'If it was not you, ignore this mail: your password stays as it is.',
  };
}

/** The mail inviting someone to a workspace. */
export function invitationMail(
  to: string,
  invitation: { workspaceName: string; inviterName: string; role: string; link: string; validDays: number },
): MailMessage {
  return {
    to,
    subject: `${invitation.inviterName} invited you to ${invitation.workspaceName} on Tandem`,
    text:
      `${invitation.inviterName} invited you to join the workspace "${invitation.workspaceName}" on Tandem as ` +
      `${invitation.role}.\n\nAccept the invitation here (valid for ${invitation.validDays} days):\n` +
      `${invitation.link}\n`,
  };
}
