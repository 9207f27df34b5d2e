// Runs before first paint (a blocking external script, so no inline code for the CSP to allow):
// applies the reader's saved theme, or leaves the system preference in charge.
(function () {
  try {
    var t = localStorage.getItem('goalpost-theme');
    if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
  } catch (e) {}
})();
