// The password policy of PRD-003: long enough, not guessable from the account, not a known weak password.

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
}

export const defaultPasswordPolicy: PasswordPolicy = { minLength: 12, maxLength: 256 };

const weakPasswords = new Set([
  'password1234',
  'passwordpassword',
  '123456789012',
  'qwertyuiopas',
  'letmeinletmein',
  'administrator',
  'changemechangeme',
  'i2vstudio123',
  'welcome12345',
]);

export interface PasswordContext {
  email?: string;
  displayName?: string;
}

/** Returns the reasons a password breaks the policy; empty when it is acceptable. */
export function checkPasswordPolicy(
  password: string,
  context: PasswordContext = {},
  policy: PasswordPolicy = defaultPasswordPolicy,
): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.minLength) {
    problems.push(`must be at least ${policy.minLength} characters`);
  }
  if ([...password].length > policy.maxLength) {
    problems.push(`must be at most ${policy.maxLength} characters`);
  }
  if (password.trim() !== password) {
    problems.push('must not start or end with spaces');
  }
  if (password.length > 0 && new Set(password).size <= 2) {
    problems.push('must use more than two different characters');
  }
  const lower = password.toLowerCase();
  if (weakPasswords.has(lower)) {
    problems.push('is a commonly used password');
  }
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    problems.push('must not contain your email name');
  }
  const name = context.displayName?.trim().toLowerCase();
  if (name && name.length >= 4 && lower.includes(name)) {
    problems.push('must not contain your name');
  }
  return problems;
}
