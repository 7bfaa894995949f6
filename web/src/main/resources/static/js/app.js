// htmx requests that change something carry the page's CSRF token, like forms do.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.content] = token.content;
  }
});

// the ops console's upload: the progress bar follows the bytes sent
document.addEventListener('htmx:xhr:progress', function (event) {
  var bar = event.target.querySelector && event.target.querySelector('progress');
  if (bar && event.detail.lengthComputable && event.detail.total > 0) {
    bar.value = Math.round(event.detail.loaded * 100 / event.detail.total);
  }
});
