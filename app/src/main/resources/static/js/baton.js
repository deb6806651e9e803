// Baton's pages work without JavaScript; this file adds the CSRF header to htmx requests,
// drag and drop on boards (the same form a keyboard user submits), the debt charts and the Import
// page's mapping-file reading and size check.
(function () {
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.getAttribute('content') : null;
  }
  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('csrf-header'), token = meta('csrf-token');
    if (header && token) {
      e.detail.headers[header] = token;
    }
  });

  // Boards: dropping a card on a column submits the card's own move form with that stage.
  document.addEventListener('dragstart', function (e) {
    var card = e.target.closest && e.target.closest('[data-card]');
    if (card) {
      e.dataTransfer.setData('text/plain', card.id);
    }
  });
  document.addEventListener('dragover', function (e) {
    if (e.target.closest && e.target.closest('[data-column]')) {
      e.preventDefault();
    }
  });
  document.addEventListener('drop', function (e) {
    var column = e.target.closest && e.target.closest('[data-column]');
    if (!column) {
      return;
    }
    e.preventDefault();
    var card = document.getElementById(e.dataTransfer.getData('text/plain'));
    var form = card && card.querySelector('form[data-move]');
    if (!form) {
      return;
    }
    var select = form.querySelector('select[name="stage"]');
    var stage = column.getAttribute('data-column');
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === stage; })) {
      var option = document.createElement('option');
      option.value = stage;
      option.text = stage;
      select.add(option);
    }
    select.value = stage;
    if (window.htmx) {
      htmx.trigger(form, 'submit');
    } else {
      form.submit();
    }
  });

  // Charts: a <div data-chart='{"echarts option"}'> becomes an ECharts chart.
  function charts() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) {
        return;
      }
      el.setAttribute('data-drawn', '1');
      var chart = echarts.init(el, null, {renderer: 'svg'});
      chart.setOption(JSON.parse(el.getAttribute('data-chart')));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  // Import page: a chosen mapping file is put into the YAML box to read and edit; an export over
  // the server's limit is refused here, before it is sent (the server says the same).
  function tooLarge(input) {
    var f = input && input.files && input.files[0];
    var max = input && Number(input.getAttribute('data-max-bytes'));
    return f && max && f.size > max ? f.name + ' is ' + (f.size / 1048576).toFixed(1) + ' MB; the server imports files of up to '
      + input.getAttribute('data-max-text') + '. Compress it with gzip, split the export, or use baton import on the command line.' : null;
  }
  document.addEventListener('change', function (e) {
    if (e.target.id === 'mapping-file' && e.target.files && e.target.files[0]) {
      e.target.files[0].text().then(function (text) { document.getElementById('mapping').value = text; });
    }
    if (e.target.id === 'file') {
      var message = tooLarge(e.target);
      document.getElementById('file-error').textContent = message || '';
      e.target.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
  });
  document.addEventListener('htmx:confirm', function (e) {
    var form = e.target.closest && e.target.closest('#import-form');
    var message = form && tooLarge(document.getElementById('file'));
    if (message) {
      e.preventDefault();
      document.getElementById('file-error').textContent = message;
    }
  });
  document.addEventListener('htmx:responseError', function (e) {
    var form = e.target.closest && e.target.closest('#import-form');
    if (!form) {
      return;
    }
    var detail = 'The server refused the upload (HTTP ' + e.detail.xhr.status + ').';
    try { detail = JSON.parse(e.detail.xhr.responseText).detail || detail; } catch (ignored) { /* not JSON */ }
    document.getElementById('file-error').textContent = detail;
  });

  document.addEventListener('DOMContentLoaded', charts);
  document.addEventListener('htmx:afterSettle', charts);
})();
