// Data that a map ships deflated and base64-encoded (a large data set, the offline basemap),
// read back as JSON: a promise, rejected where the browser has no DecompressionStream.
function strikemapUnpack(b64) {
  if (typeof DecompressionStream === "undefined") return Promise.reject("no DecompressionStream");
  var bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text().then(JSON.parse);
}

// The same data fetched from the server that serves the page (`url` as the app gives it,
// relative to this frame).
function strikemapFetch(url) {
  if (typeof DecompressionStream === "undefined") return Promise.reject("no DecompressionStream");
  return fetch(url).then(function (response) {
    if (!response.ok) throw new Error("the server answered " + response.status);
    var stream = response.body.pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text();
  }).then(JSON.parse);
}

// The positions of the set bits of a base64 bit set (bit k of byte j is position 8j + k).
function strikemapPositions(b64) {
  var bin = atob(b64), positions = [];
  for (var j = 0; j < bin.length; j++) {
    var byte = bin.charCodeAt(j);
    for (var k = 0; byte; k++, byte >>= 1) if (byte & 1) positions.push(8 * j + k);
  }
  return positions;
}
