// Data that a map ships deflated and base64-encoded (a large data set, the offline basemap),
// read back as JSON: a promise, rejected where the browser has no DecompressionStream.
function strikemapUnpack(b64) {
  if (typeof DecompressionStream === "undefined") return Promise.reject("no DecompressionStream");
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text().then(JSON.parse);
}
