/// The inline style sheet and script of the review page. Kept free of `<` and
/// `&` (and wrapped in CDATA by the page) so the page is also well-formed XML.
enum HTMLReportAssets {
  /// Four record colours (underline + light background); nesting levels `h2`…`h4`
  /// push the outer span's underline down so an inner span's stays visible.
  static let css = """

    :root { --fig: #1565c0; --fig-bg: #d6e6fb; --date: #2e7d32; --date-bg: #d8f0da;
      --org: #8e24aa; --org-bg: #f0d9f5; --tgt: #e65100; --tgt-bg: #fde3cc; }
    * { box-sizing: border-box; }
    body { margin: 0; color: #222; background: #f6f6f6;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC",
        "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
    header { position: sticky; top: 0; z-index: 2; background: #fff; border-bottom: 1px solid #ddd;
      padding: .4em 1.5em; display: flex; flex-wrap: wrap; gap: .5em 2em; align-items: center; }
    h1 { font-size: 1.15em; margin: 0; }
    .legend { margin: 0; }
    .key { display: inline-block; margin-right: .5em; padding: 0 .35em; line-height: 1.6; }
    main { padding: 0 1.5em; }
    section.doc { border-bottom: 1px solid #ddd; padding: 1em 0; }
    h2 { font-size: 1.05em; margin: .2em 0; }
    .meta { color: #666; font-size: .85em; margin: .1em 0 .7em; }
    .cols { display: grid; grid-template-columns: minmax(0, 3fr) minmax(20em, 2fr); gap: 1.2em; align-items: start; }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.4; font-size: 16px;
      background: #fff; padding: .7em 1em; border: 1px solid #e0e0e0; border-radius: 4px; }
    .records { position: sticky; top: 3.6em; max-height: calc(100vh - 4.5em); overflow: auto; font-size: 13px;
      background: #fff; border: 1px solid #e0e0e0; border-radius: 4px; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: .15em .45em; border-bottom: 1px solid #eee; vertical-align: top; }
    th { position: sticky; top: 0; background: #f1f1f1; }
    td:nth-child(2) { white-space: nowrap; }
    td:nth-child(3) { white-space: pre-wrap; }
    a.jump { color: #0b57d0; }
    .fig { --c: var(--fig); --bg: var(--fig-bg); }
    .date { --c: var(--date); --bg: var(--date-bg); }
    .org { --c: var(--org); --bg: var(--org-bg); }
    .tgt { --c: var(--tgt); --bg: var(--tgt-bg); }
    mark, .key.rec { color: inherit; background: var(--bg); border-bottom: 2px solid var(--c);
      border-radius: 2px; padding: 0 1px 1px; }
    mark { scroll-margin-top: 5em; }
    mark.h2 { padding-bottom: 5px; }
    mark.h3 { padding-bottom: 9px; }
    mark.h4 { padding-bottom: 13px; }
    mark.extra, .key.extra { outline: 2px dashed #d32f2f; outline-offset: 1px; }
    .key.extra { --c: #d32f2f; --bg: #fff; }
    mark.miss { background: transparent; border: 2px dotted var(--c); }
    .key.miss { border: 2px dotted #555; }
    mark:focus, mark:target { outline: 3px solid #222; outline-offset: 1px; }
    mark.flash { animation: flash 1.5s ease-out; }
    @keyframes flash { from { box-shadow: 0 0 0 6px #ffd600; } to { box-shadow: 0 0 0 0 transparent; } }
    .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border-radius: 2px;
      background: var(--c); }
    tr.missrow td { color: #b71c1c; }
    tr.extrarow td:first-child { outline: 2px dashed #d32f2f; outline-offset: -2px; }
    #tip { position: absolute; z-index: 5; max-width: 34em; background: #222; color: #fff; padding: .3em .6em;
      border-radius: 4px; font-size: 13px; pointer-events: none; white-space: pre-wrap; }
    @media (max-width: 900px) { .cols { grid-template-columns: 1fr; } .records { position: static; max-height: none; } }

    """

  /// One tooltip for the innermost record under the pointer or with focus;
  /// a table link scrolls its span to the middle, focuses and flashes it.
  static let script = """

    (function () {
      var tip = document.getElementById('tip');
      function recordOf(node) { return node ? (node.closest ? node.closest('[data-tip]') : null) : null; }
      function show(el) {
        var r = el.getBoundingClientRect();
        tip.textContent = el.getAttribute('data-tip');
        tip.hidden = false;
        tip.style.left = Math.max(4, window.scrollX + r.left) + 'px';
        tip.style.top = (window.scrollY + r.bottom + 6) + 'px';
      }
      document.addEventListener('mouseover', function (e) {
        var el = recordOf(e.target);
        if (el) { show(el); } else if (!recordOf(document.activeElement)) { tip.hidden = true; }
      });
      document.addEventListener('focusin', function (e) { var el = recordOf(e.target); if (el) { show(el); } });
      document.addEventListener('focusout', function () { tip.hidden = true; });
      document.addEventListener('click', function (e) {
        var a = e.target.closest ? e.target.closest('a.jump') : null;
        if (!a) { return; }
        var id = a.getAttribute('href').slice(1);
        var el = document.getElementById(id);
        if (!el) { return; }
        e.preventDefault();
        el.scrollIntoView({ block: 'center', behavior: 'smooth' });
        el.focus({ preventScroll: true });
        el.classList.remove('flash');
        void el.offsetWidth;
        el.classList.add('flash');
        history.replaceState(null, '', '#' + id);
      });
    })();

    """
}
