/// <reference types="@fastly/js-compute" />
import { CacheOverride } from "fastly:cache-override";

addEventListener("fetch", (event) => event.respondWith(handle(event)));

async function handle(event) {
  // An override that sets a TTL still caches.
  return fetch(event.request, {
    backend: "vcl",
    cacheOverride: new CacheOverride("override", { ttl: 60 }),
  });
}
