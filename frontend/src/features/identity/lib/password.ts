/** The backend refuses shorter passwords (AcceptInvitationInput, ResetPasswordInput). */
export const MIN_PASSWORD_LENGTH = 10;
