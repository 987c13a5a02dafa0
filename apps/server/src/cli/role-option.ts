import { roleSchema } from '@i2v/contracts';
import { InvalidArgumentError } from 'commander';

export function rolesSchemaFor(value: string): 'admin' | 'creator' | 'reviewer' {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError('must be admin, creator or reviewer');
  return parsed.data;
}
