// The model editor (/model/edit): each field, add, move and remove form is posted on its own when its
// value changes (or on Enter / its button), and the editor part of the answer replaces the page's.
// Without JavaScript the same forms post normally and the server redirects back. Done here rather
// than with hx-post on each of the page's hundreds of forms: htmx's settling of a large swapped
// page (attributes carried over per id) made every change take seconds on a full model.
// Focus: the element that had it keeps it (same id) unless the server names another (data-focus:
// the new item, the moved item's button, the list's "New ..." box). The status line is a live region.
(function () {
  var busy = false;
  var queued = null;

  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }

  function editForm(target) {
    var form = target && target.closest ? target.closest('form[data-edit]') : null;
    return form && document.getElementById('editor') && document.getElementById('editor').contains(form) ? form : null;
  }

  function send(form) {
    if (busy) {
      queued = form;
      return;
    }
    busy = true;
    var editor = document.getElementById('editor');
    editor.setAttribute('aria-busy', 'true');
    var headers = {'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded'};
    if (meta('csrf-header') && meta('csrf-token')) {
      headers[meta('csrf-header')] = meta('csrf-token');
    }
    fetch(form.action, {method: 'POST', headers: headers, credentials: 'same-origin',
      body: new URLSearchParams(new FormData(form)).toString()})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('editor');
        if (!fresh) {
          window.location.reload();
          return;
        }
        // where the focus is now: a change is sent as the field loses the focus, and the answer
        // arrives after Tab has moved it on
        var active = document.activeElement;
        var activeId = active && active !== document.body ? active.id : null;
        var selection = null;
        try {
          selection = active && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
        } catch (ignored) { /* not a text input */ }
        var current = document.getElementById('editor');
        current.replaceWith(document.adoptNode(fresh));
        var named = fresh.getAttribute('data-focus');
        var target = (named && document.getElementById(named)) || (activeId && document.getElementById(activeId));
        if (target) {
          target.focus();
          if (selection && !named && typeof target.setSelectionRange === 'function') {
            try { target.setSelectionRange(selection[0], selection[1]); } catch (ignored) { /* not a text input */ }
          }
        }
      })
      .catch(function () {
        var status = document.getElementById('editor-status');
        if (status) {
          status.textContent = 'The change could not be sent; check the connection and try again.';
        }
      })
      .finally(function () {
        busy = false;
        var editor = document.getElementById('editor');
        if (editor) {
          editor.removeAttribute('aria-busy');
        }
        if (queued) {
          var next = queued;
          queued = null;
          if (document.contains(next)) {
            send(next);
          }
        }
      });
  }

  document.addEventListener('change', function (e) {
    var form = editForm(e.target);
    if (form && form.hasAttribute('data-on-change')) {
      send(form);
    }
  });
  document.addEventListener('submit', function (e) {
    var form = editForm(e.target);
    if (form) {
      e.preventDefault();
      // Enter in a field that also changed it: the change event has sent it already
      if (!(busy && queued === null && form.hasAttribute('data-on-change'))) {
        send(form);
      }
    }
  });
})();
