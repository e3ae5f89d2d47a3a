import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { formFailure } from './form-error';

describe('formFailure', () => {
  it('puts an error that names a field next to that field', () => {
    const error = new ApiError(400, { code: 'VALIDATION_FAILED', message: 'Invalid email', field: 'email' });
    expect(formFailure(error, ['email', 'password'])).toEqual({
      fields: { email: 'Invalid email' },
      form: undefined,
    });
  });

  it('matches a nested field path on its last segment', () => {
    const error = new ApiError(400, { code: 'VALIDATION_FAILED', message: 'Too long', field: 'body.name' });
    expect(formFailure(error, ['name']).fields).toEqual({ name: 'Too long' });
  });

  it('shows an error on a field the form does not have above the form', () => {
    const error = new ApiError(409, { code: 'CONFLICT', message: 'Email taken', field: 'account' });
    expect(formFailure(error, ['email'])).toEqual({ fields: {}, form: 'Email taken' });
  });

  it('reports nothing when there is no error', () => {
    expect(formFailure(null, ['email'])).toEqual({ fields: {}, form: undefined });
  });
});
