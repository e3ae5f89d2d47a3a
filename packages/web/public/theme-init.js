// Sets the theme class before React loads, so a dark-theme user never sees a white flash.
(() => {
  let choice = 'system';
  try {
    choice = localStorage.getItem('tandem.theme') || 'system';
  } catch {}
  const dark =
    choice === 'dark' || (choice === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
})();
