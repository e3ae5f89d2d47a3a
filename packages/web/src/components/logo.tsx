/** Tandem's mark: two linked rings on the accent colour. */
export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <circle cx="12.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" opacity="0.7" />
    </svg>
  );
}
