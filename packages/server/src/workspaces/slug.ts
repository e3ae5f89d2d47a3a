/**
 * A URL-friendly slug of a workspace name: lower-case ASCII letters, digits and single dashes, at most 48 characters;
 * `workspace` when nothing is left.
 * @example slugify('Acme Inc. — Mobile') // 'acme-inc-mobile'
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'workspace';
}
