// Swagger UI for the local API. The spec comes from this server as /docs/openapi.json, a copy of openapi.yaml whose
// first server is this origin (so "Try it out" calls this server unless you pick the deployed one) and whose
// parameters are not pre-filled (see DocsSpec.java).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
};
