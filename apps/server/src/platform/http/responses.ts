// Response schema helpers so every route documents its problem+json errors in the OpenAPI document.
import { problemSchema } from '@i2v/contracts';
import { z } from 'zod';

export const problems = {
  '4xx': problemSchema.describe('Problem (RFC 9457) naming the error code and, for bad input, the field'),
  '5xx': problemSchema.describe('Problem (RFC 9457)'),
};

export const noContent = z.undefined().describe('No content');
