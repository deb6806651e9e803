// Baton's pages work without JavaScript; this file adds the CSRF header to htmx requests,
// drag and drop on boards (the same form a keyboard user submits) and the debt charts.
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
  document.addEventListener('DOMContentLoaded', charts);
  document.addEventListener('htmx:afterSettle', charts);
})();
