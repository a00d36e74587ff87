// A stand-in for the web module's bundle, for local-api's tests of how the web app is served.
document.getElementById('app').textContent = 'fixture web app (script ran)';
