/*
 * Spec Kitty docs in the reader's browser: highlighting (highlight.js), copy buttons
 * (clipboard.js) and search (lunr over search-index.js, written by the site build). Every library
 * is served by the site itself, from lib/.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var root = script ? script.src.replace(/js\/site\.js(\?.*)?$/, '') : '';

  function highlight() {
    if (!window.hljs) {
      return;
    }
    window.hljs.configure({ ignoreUnescapedHTML: true });
    window.hljs.highlightAll();
  }

  /* Command blocks carry their commands in data-clipboard-text (set by the site build from the
     doc-test report); other blocks copy what they show (data-clipboard-target). */
  function copyButtons() {
    if (!window.ClipboardJS) {
      return;
    }
    var clipboard = new window.ClipboardJS('.copy-button');
    clipboard.on('success', function (e) {
      var button = e.trigger;
      e.clearSelection();
      button.textContent = 'Copied';
      button.classList.add('copied');
      setTimeout(function () {
        button.textContent = 'Copy';
        button.classList.remove('copied');
      }, 1500);
    });
  }

  function search() {
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    var docs = window.SITE_SEARCH_INDEX;
    if (!input || !list || !docs || !window.lunr) {
      return;
    }
    var lunr = window.lunr;
    var index = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 8 });
      this.field('heading', { boost: 4 });
      this.field('text');
      docs.forEach(function (doc) { this.add(doc); }, this);
    });

    function find(text) {
      var tokens = lunr.tokenizer(text).map(function (t) { return t.toString(); });
      if (tokens.length === 0) {
        return [];
      }
      return index.query(function (query) {
        tokens.forEach(function (term) {
          query.term(term, { boost: 10 });
          query.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING });
        });
      });
    }

    function snippet(text, words) {
      var lower = text.toLowerCase();
      var at = -1;
      words.some(function (w) { at = lower.indexOf(w); return at >= 0; });
      var start = Math.max(0, at - 40);
      return (start > 0 ? '…' : '') + text.substr(start, 140) + (text.length > start + 140 ? '…' : '');
    }

    function show() {
      var text = input.value.trim();
      list.innerHTML = '';
      if (text.length < 2) {
        list.hidden = true;
        return;
      }
      var words = text.toLowerCase().split(/\s+/);
      var hits = find(text).slice(0, 12);
      if (hits.length === 0) {
        var none = document.createElement('li');
        none.className = 'search-none';
        none.textContent = 'Nothing found for “' + text + '”';
        list.appendChild(none);
      }
      hits.forEach(function (hit) {
        var doc = docs[Number(hit.ref)];
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = root + doc.url;
        var title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = doc.title;
        link.appendChild(title);
        if (doc.heading !== doc.title) {
          var heading = document.createElement('span');
          heading.className = 'search-heading';
          heading.textContent = ' › ' + doc.heading;
          link.appendChild(heading);
        }
        var excerpt = document.createElement('span');
        excerpt.className = 'search-snippet';
        excerpt.textContent = snippet(doc.text, words);
        link.appendChild(excerpt);
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = false;
    }

    input.addEventListener('input', show);
    input.addEventListener('focus', show);
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        input.value = '';
        show();
      } else if (e.key === 'Enter') {
        var first = list.querySelector('a');
        if (first) {
          window.location.href = first.href;
        }
      }
    });
    document.addEventListener('click', function (e) {
      if (!document.getElementById('search').contains(e.target)) {
        list.hidden = true;
      }
    });
  }

  highlight();
  copyButtons();
  search();
})();
