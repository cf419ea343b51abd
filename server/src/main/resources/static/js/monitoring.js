// The Monitoring form: shows the fields of the chosen source, and sends an uploaded dataset as the request
// body (no form size limit, an upload progress bar), then opens the run's page. A server or shipped dataset,
// or a browser without script, posts the form as multipart and works the same.
(function () {
  'use strict';
  var form = document.getElementById('monitoring-form');
  if (!form) { return; }

  function source() {
    var checked = form.querySelector('input[name="source"]:checked');
    return checked ? checked.value : 'upload';
  }

  function showSource() {
    var chosen = source();
    [['file', 'upload'], ['serverFile', 'server'], ['dataset', 'bundled']].forEach(function (pair) {
      var field = document.getElementById(pair[0]);
      if (!field) { return; }
      var shown = chosen === pair[1];
      field.hidden = !shown;
      var label = form.querySelector('label[for="' + pair[0] + '"]');
      if (label) { label.hidden = !shown; }
      var hint = document.getElementById(pair[0] + '-hint');
      if (hint) { hint.hidden = !shown; }
    });
  }
  form.querySelectorAll('input[name="source"]').forEach(function (radio) { radio.addEventListener('change', showSource); });
  showSource();

  if (!window.XMLHttpRequest) { return; }
  form.addEventListener('submit', function (event) {
    if (source() !== 'upload') { return; }
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    event.preventDefault();
    var query = new URLSearchParams();
    ['format', 'window', 'maxErrors', 'tlp'].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { query.append(name, value); }
    });
    form.querySelectorAll('input[name="types"]:checked').forEach(function (box) { query.append('types', box.value); });
    form.querySelectorAll('input[name="communities"]:checked').forEach(function (box) { query.append('communities', box.value); });
    query.append('filename', file.name);
    var request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('data-upload') + '?' + query.toString());
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { request.setRequestHeader(header.content, token.content); }
    var progress = document.getElementById('upload-progress');
    var bar = document.getElementById('upload-bar');
    var error = document.getElementById('monitoring-upload-error');
    var submit = document.getElementById('monitoring-submit');
    progress.hidden = false;
    error.hidden = true;
    submit.disabled = true;
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    request.addEventListener('load', function () {
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
      if (request.status === 202 && answer.run) {
        window.location.assign(answer.run);
        return;
      }
      submit.disabled = false;
      progress.hidden = true;
      error.textContent = answer.error || answer.detail || ('HTTP ' + request.status);
      error.hidden = false;
    });
    request.addEventListener('error', function () {
      submit.disabled = false;
      error.textContent = form.getAttribute('data-upload-failed');
      error.hidden = false;
    });
    request.send(file);
  });
}());
