// The review dossier's "Print" button (no inline script under the Content-Security-Policy).
document.addEventListener('DOMContentLoaded', () => {
  const button = document.getElementById('print-dossier');
  if (button) {
    button.addEventListener('click', () => window.print());
  }
});
