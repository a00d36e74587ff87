// Swagger UI for the local API: the spec comes from this server, and "Try it out" calls this server.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.yaml',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
    // The spec's servers point at API Gateway; locally every call goes to this origin.
    requestInterceptor: function (request) {
      var url = new URL(request.url, window.location.href);
      if (url.origin !== window.location.origin && url.pathname.indexOf('/todos') >= 0) {
        request.url = window.location.origin + url.pathname.substring(url.pathname.indexOf('/todos')) + url.search;
      }
      return request;
    }
  });
};
