/*
 * oppvekst embed: sizes an iframe of an oppvekstprofil to its content, with no scrollbar.
 *
 * On the host page:
 *   <iframe src="https://OPPVEKST-HOST/kommune/0301?embed=1" title="Oppvekstprofil for Oslo"
 *           data-oppvekst style="width: 100%; border: 0"></iframe>
 *   <script src="https://OPPVEKST-HOST/embed.js" defer></script>
 *
 * The framed page posts { type: "oppvekst:height", height } whenever its height changes. A
 * message is taken only when it comes from one of the page's oppvekst iframes (its window and
 * its origin) and has exactly that shape with a sane height; anything else is ignored.
 */
(function () {
  'use strict';
  var MAX = 100000;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-oppvekst]'));
  }
  function originOf(frame) {
    try { return new URL(frame.src, document.baseURI).origin; } catch (e) { return null; }
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'oppvekst:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height > MAX) return;
    var frame = frames().filter(function (f) { return f.contentWindow === event.source; })[0];
    if (!frame || originOf(frame) !== event.origin) return;
    frame.style.height = Math.ceil(height) + 'px';
    frame.setAttribute('scrolling', 'no');
  });
})();
