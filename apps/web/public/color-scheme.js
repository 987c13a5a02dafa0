// Applies the remembered (or system) color scheme before the first paint, so a reload never flashes.
// A separate file, not an inline script: the server's Content-Security-Policy allows scripts from 'self' only.
try {
  const stored = window.localStorage.getItem('i2v-color-scheme');
  const system = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  const scheme = stored === 'light' || stored === 'dark' ? stored : system;
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
} catch {
  // Storage can be unavailable (private windows); the app then follows the system preference.
}
