// The Import page: sends the chosen file as the request body (no form size limit, an upload progress
// bar), then opens the job's page. Without script the form posts as multipart and works the same.
(function () {
  'use strict';
  var form = document.getElementById('import-form');
  if (!form || !window.XMLHttpRequest) { return; }
  form.addEventListener('submit', function (event) {
    var file = document.getElementById('file').files[0];
    if (!file) { return; }
    event.preventDefault();
    var query = new URLSearchParams();
    ['tlp', 'pap'].forEach(function (name) {
      var value = form.elements[name].value;
      if (value) { query.append(name, value); }
    });
    form.querySelectorAll('input[name="communities"]:checked').forEach(function (box) { query.append('communities', box.value); });
    if (document.getElementById('partial').checked) { query.append('partial', 'true'); }
    query.append('filename', file.name);
    var request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('data-import-upload') + '?' + query.toString());
    request.setRequestHeader('Content-Type', 'application/json');
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { request.setRequestHeader(header.content, token.content); }
    var progress = document.getElementById('upload-progress');
    var bar = document.getElementById('upload-bar');
    var error = document.getElementById('import-upload-error');
    progress.hidden = false;
    error.hidden = true;
    document.getElementById('import-submit').disabled = true;
    request.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
    });
    request.addEventListener('load', function () {
      var answer = {};
      try { answer = JSON.parse(request.responseText); } catch (ignored) { answer = {}; }
      if (request.status === 202 && answer.job) {
        window.location.assign(answer.job);
        return;
      }
      document.getElementById('import-submit').disabled = false;
      progress.hidden = true;
      error.textContent = answer.error || answer.detail || ('HTTP ' + request.status);
      error.hidden = false;
    });
    request.addEventListener('error', function () {
      document.getElementById('import-submit').disabled = false;
      error.textContent = form.getAttribute('data-upload-failed');
      error.hidden = false;
    });
    request.send(file);
  });
}());
