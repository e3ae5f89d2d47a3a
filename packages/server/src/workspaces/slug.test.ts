import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('lower-cases and joins words with single dashes', () => {
    expect(slugify('Acme Inc. — Mobile  App')).toBe('acme-inc-mobile-app');
  });

  it('drops accents instead of the letters that carry them', () => {
    expect(slugify('Équipe Déploiement')).toBe('equipe-deploiement');
  });

  it('falls back to "workspace" when no letter or digit is left', () => {
    expect(slugify('日本語 !!!')).toBe('workspace');
  });

  it('keeps slugs at most 48 characters without a trailing dash', () => {
    const slug = slugify(`${'a'.repeat(47)} b`);
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
  });
});
