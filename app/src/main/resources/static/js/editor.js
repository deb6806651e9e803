// The model editor: after a change that adds, moves or removes an item, the server names the element
// that should have the keyboard focus next (data-focus on #editor); htmx keeps the focus of fields
// that stay. The status line says what happened (role=status), so screen readers hear it.
(function () {
  function focusNamed() {
    var editor = document.getElementById('editor');
    var id = editor && editor.getAttribute('data-focus');
    var target = id && document.getElementById(id);
    if (target) {
      editor.removeAttribute('data-focus');
      target.focus();
    }
  }
  document.addEventListener('htmx:afterSettle', focusNamed);
})();
